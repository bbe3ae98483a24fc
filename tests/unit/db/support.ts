import type { DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDatabase, type SotayDb } from '../../../src/db';

/** A database on its own fake IndexedDB: nothing is shared between tests. */
export function freshDb(name = 'sotay-test'): SotayDb {
  return openDatabase({ name, indexedDB: new IDBFactory(), IDBKeyRange });
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

type FakeTransaction = IDBTransaction & { _abort(errorName: string): void };

/**
 * Makes the transaction of every put or add to `tableName` abort with `errorName` once the write
 * has succeeded, as Chromium reports a full disk: at commit, on the transaction, not the request.
 * Works under Dexie and under the raw IndexedDB path alike (it patches the connection). Uses
 * fake-indexeddb's own abort routine (`_abort`, what it runs for real failures): the standard
 * `abort()` cannot carry an error name.
 */
export async function abortWritesAtCommit(
  db: SotayDb,
  tableName: string,
  errorName = 'QuotaExceededError',
): Promise<void> {
  await db.open();
  const idb = db.backendDB();
  const transaction = idb.transaction.bind(idb);
  idb.transaction = ((...args: Parameters<IDBDatabase['transaction']>) => {
    const tx = transaction(...args) as FakeTransaction;
    const objectStore = tx.objectStore.bind(tx);
    tx.objectStore = (name: string) => {
      const store = objectStore(name);
      if (name !== tableName) return store;
      for (const method of ['put', 'add'] as const) {
        const write = store[method].bind(store);
        store[method] = (...values: Parameters<IDBObjectStore['put']>) => {
          const request = write(...values);
          request.addEventListener('success', () => tx._abort(errorName));
          return request;
        };
      }
      return store;
    };
    return tx;
  }) as IDBDatabase['transaction'];
}
