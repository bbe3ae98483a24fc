import { DEFAULT_DB_NAME, SotayDb } from './database';

export type OpenOptions = {
  name?: string;
  /** Tests pass fake-indexeddb's factory and key range; the app uses the browser's. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
};

/**
 * A database handle; Dexie opens it (and runs pending upgrades) on first use, so middleware may
 * still be added with `db.use()` before the first query.
 */
export function openDatabase(options: OpenOptions = {}): SotayDb {
  return new SotayDb(options.name ?? DEFAULT_DB_NAME, {
    ...(options.indexedDB === undefined ? {} : { indexedDB: options.indexedDB }),
    ...(options.IDBKeyRange === undefined ? {} : { IDBKeyRange: options.IDBKeyRange }),
  });
}

let appDb: SotayDb | undefined;

/** The app's database, created on first call (page and service worker each have their own). */
export function getDb(): SotayDb {
  appDb ??= openDatabase();
  return appDb;
}
