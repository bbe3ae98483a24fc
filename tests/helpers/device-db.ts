import Dexie, { type DBCoreMutateRequest, type DBCoreMutateResponse } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDatabase, type SotayDb } from '../../src/db';

// Node has no IndexedDB, and Dexie's live queries stay silent where its documented
// `Dexie.dependencies` name none; each test database still brings its own factory.
Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

/** A database on its own fake IndexedDB: nothing is shared between tests. */
export function freshDb(name = 'sotay-test'): SotayDb {
  const db = openDatabase({ name, indexedDB: new IDBFactory(), IDBKeyRange });
  injectCommitFaults(db);
  return db;
}

/** A fresh factory, for tests that open the same database twice (upgrade, reopen). */
export function freshFactory(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

/**
 * Makes every write to `tableName` fail with `makeError()` at the IndexedDB level, as a full disk
 * or a broken store would. Call before the first query: Dexie builds its middleware stack on open.
 */
export function failWrites(db: SotayDb, tableName: string, makeError: () => Error): void {
  db.use({
    stack: 'dbcore',
    name: `fail-${tableName}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== tableName) return table;
        return {
          ...table,
          mutate: (_req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> =>
            Promise.reject(makeError()),
        };
      },
    }),
  });
}

export function quotaError(): Error {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

type FakeTransaction = IDBTransaction & {
  _abort(errorName: string): void;
  _markFinished(): void;
};

/** Per database: the table whose writes abort at commit, and the error name (abortWritesAtCommit). */
const commitFaults = new WeakMap<SotayDb, { tableName: string; errorName: string }>();

/**
 * Makes every transaction that writes to `tableName` abort with `errorName` when it would commit,
 * as Chromium reports a full disk: at commit, on the transaction, after every request succeeded.
 * Through Dexie's documented middleware API (installed on every test database by freshDb), and
 * fake-indexeddb's own commit and abort routines (`_markFinished`, `_abort`: what it runs for
 * real failures); the standard `abort()` can neither wait for the commit nor carry an error name.
 */
export async function abortWritesAtCommit(
  db: SotayDb,
  tableName: string,
  errorName = 'QuotaExceededError',
): Promise<void> {
  commitFaults.set(db, { tableName, errorName });
}

/** Writes commit again (after abortWritesAtCommit). */
export function stopFaults(db: SotayDb): void {
  commitFaults.delete(db);
}

function failAtCommit(trans: unknown, errorName: string): void {
  // Dexie's core transaction is the IndexedDB transaction: fake-indexeddb's here.
  const tx = trans as FakeTransaction;
  const commit = tx._markFinished.bind(tx);
  tx._markFinished = () => {
    if (tx.error === null || tx.error === undefined) tx._abort(errorName);
    commit();
  };
}

function injectCommitFaults(db: SotayDb): void {
  db.use({
    stack: 'dbcore',
    name: 'commit-faults',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          // Chained on Dexie's own promise: a native one would let the transaction commit early.
          mutate: (req) =>
            table.mutate(req).then((response) => {
              const fault = commitFaults.get(db);
              if (fault?.tableName === name) failAtCommit(req.trans, fault.errorName);
              return response;
            }),
        };
      },
    }),
  });
}

/**
 * Counts the rows that queries of `tableName` return (through Dexie's documented middleware
 * API). Call before the first query: Dexie builds its middleware stack on open.
 */
export function countRowsRead(db: SotayDb, tableName: string): { rows: number } {
  const counter = { rows: 0 };
  db.use({
    stack: 'dbcore',
    name: `count-${tableName}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== tableName) return table;
        return {
          ...table,
          query: (req) =>
            table.query(req).then((response) => {
              counter.rows += response.result.length;
              return response;
            }),
        };
      },
    }),
  });
  return counter;
}
