import pg from 'pg';
import { type QueryOptions, type Row, type Sql, StartupError, type Store } from './types';

function wrap(client: pg.Pool | pg.PoolClient): Sql {
  return {
    async query<R extends Row = Row>(
      text: string,
      params: readonly unknown[] = [],
      options: QueryOptions = {},
    ) {
      const values = [...params];
      const result = await (options.name === undefined
        ? client.query<R>(text, values)
        : client.query<R>({ name: options.name, text, values }));
      return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(script: string) {
      // Without parameters pg uses the simple protocol, which accepts several statements.
      await client.query(script);
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export type PostgresOptions = {
  /** Tests isolate themselves in a schema of their own; production uses the default search_path. */
  schema?: string;
  maxConnections?: number;
};

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its server emits here; without a listener the process would crash.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  try {
    if (options.schema) {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, '')}"`);
    }
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `DATABASE_URL ${redact(url)} cannot be reached (${reason || 'connection refused'}): start PostgreSQL or fix the URL.`,
    );
  }
  const sql = wrap(pool);
  return {
    kind: 'postgres',
    query: sql.query,
    exec: sql.exec,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    // PostgreSQL makes a commit durable before it returns.
    flush: async () => undefined,
    close: () => pool.end(),
  };
}
