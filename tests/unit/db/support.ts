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
