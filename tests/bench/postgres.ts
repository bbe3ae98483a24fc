import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** Where the bench looks for a PostgreSQL when DATABASE_URL is unset. */
export const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchPostgres =
  | { url: string; label: string; drop(): Promise<void> }
  | { absent: string };

/**
 * The PostgreSQL the sync figures run on: DATABASE_URL as given when set; otherwise a temporary
 * database created on the local server and dropped afterwards, so the figures start from empty
 * tables and leave nothing behind. Absent (with the reason) when no PostgreSQL answers.
 */
export async function benchPostgres(): Promise<BenchPostgres> {
  const given = process.env['DATABASE_URL'];
  if (given) return { url: given, label: 'DATABASE_URL', drop: async () => undefined };
  const admin = new pg.Client({ connectionString: LOCAL_POSTGRES, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    return {
      absent: `DATABASE_URL unset and no PostgreSQL at 127.0.0.1:5432 (${(error as Error).message})`,
    };
  }
  const name = `sotay_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end();
    return { absent: `cannot create a temporary database (${(error as Error).message})` };
  }
  await admin.end();
  const url = new URL(LOCAL_POSTGRES);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    label: `temporary database ${name}`,
    async drop() {
      const client = new pg.Client({ connectionString: LOCAL_POSTGRES });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
