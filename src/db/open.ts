import Dexie from 'dexie';
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
  // Dexie turns its debug mode on by itself on any page served from localhost or 127.0.0.1: a
  // console task and a captured stack for every operation and promise, several times the work
  // of the operation itself. The app runs as on the organizer's phone wherever it is served
  // (the end-to-end tests and `npm run bench` serve it on 127.0.0.1). Documented: Dexie.debug.
  Dexie.debug = false;
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
