import { access, constants, mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './dir-lock';
import { type Row, type Sql, StartupError, type Store } from './types';

type PGliteQueryable = Pick<Transaction, 'query' | 'exec'>;

function wrap(db: PGliteQueryable): Sql {
  return {
    async query<R extends Row = Row>(text: string, params: readonly unknown[] = []) {
      const result = await db.query<R>(text, [...params]);
      // PGlite reports affectedRows 0 for a SELECT; the row count is what callers mean then.
      const rowCount = result.rows.length > 0 ? result.rows.length : (result.affectedRows ?? 0);
      return { rows: result.rows, rowCount };
    },
    async exec(script: string) {
      await db.exec(script);
    },
  };
}

async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.R_OK | constants.W_OK);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `DATA_DIR "${dir}" cannot be created or is not readable and writable (${reason}): fix its permissions or set DATA_DIR to another folder.`,
    );
  }
}

/**
 * Embedded PostgreSQL. `dataDir` undefined keeps everything in memory (tests). PGlite has one
 * connection, so it lives in this process and serialises its own queries; the folder is locked
 * against other processes (dir-lock.ts).
 */
export async function openPglite(dataDir?: string): Promise<Store> {
  if (dataDir !== undefined) await ensureWritableDir(dataDir);
  const unlock = dataDir === undefined ? async () => undefined : await lockDataDir(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  } catch (error) {
    await unlock();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `The embedded database in DATA_DIR "${dataDir ?? 'memory'}" could not be opened (${reason}): is another server using it?`,
    );
  }
  const sql = wrap(db);
  return {
    kind: 'pglite',
    query: sql.query,
    exec: sql.exec,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    flush: () => db.syncToFs(),
    close: async () => {
      try {
        await db.close();
      } finally {
        await unlock();
      }
    },
  };
}
