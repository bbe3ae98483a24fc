import Dexie from 'dexie';
import { CURRENT_VERSION, DEFAULT_DB_NAME, SotayDb } from './database';

export type OpenOptions = {
  name?: string;
  /** Tests pass fake-indexeddb's factory and key range; the app uses the browser's. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /**
   * The database is known to be at the current version (installedIsCurrent): only that version
   * is declared. Unset, every version with an upgrade is declared, which is right for any phone.
   */
  installedIsCurrent?: boolean;
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
  return new SotayDb(
    options.name ?? DEFAULT_DB_NAME,
    {
      ...(options.indexedDB === undefined ? {} : { indexedDB: options.indexedDB }),
      ...(options.IDBKeyRange === undefined ? {} : { IDBKeyRange: options.IDBKeyRange }),
    },
    options.installedIsCurrent === true,
  );
}

/**
 * Whether the database `name` is installed at the current version or later, as IndexedDB lists
 * it (Dexie opens version n as IndexedDB's n × 10, and adds to that when it patches a schema).
 * False when it is absent, older, or the browser cannot list its databases: the safe answer,
 * since every upgrade is then declared.
 */
export async function installedIsCurrent(
  name: string,
  // The factory Dexie opens when given none (documented: Dexie.dependencies).
  factory: IDBFactory | undefined = Dexie.dependencies.indexedDB,
): Promise<boolean> {
  if (typeof factory?.databases !== 'function') return false;
  try {
    const installed = (await factory.databases()).find((database) => database.name === name);
    return (installed?.version ?? 0) >= CURRENT_VERSION * 10;
  } catch {
    return false;
  }
}

let appDb: SotayDb | undefined;
let opening: Promise<SotayDb> | undefined;

/**
 * The app's database, created on first call (page and service worker each have their own). Made
 * before openAppDb resolved, it declares every upgrade: right, only slower to make.
 */
export function getDb(): SotayDb {
  appDb ??= openDatabase();
  return appDb;
}

/**
 * The app's database once IndexedDB said which version the phone holds: at the current one, as
 * on every start but the first after an update, it is made with that version alone. The handle
 * getDb() returns from then on.
 */
export function openAppDb(): Promise<SotayDb> {
  opening ??= installedIsCurrent(DEFAULT_DB_NAME).then((current) => {
    appDb ??= openDatabase({ installedIsCurrent: current });
    return appDb;
  });
  return opening;
}
