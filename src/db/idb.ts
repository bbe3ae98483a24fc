import Dexie, { type ObservabilitySet } from 'dexie';
import type { SotayDb, TableName } from './database';
import { StorageFullError } from './errors';

/**
 * IndexedDB without Dexie, for the two things an organizer waits on most: the visit save after
 * every conversation and the enterprise page opened from the list (README.md, "Around Dexie").
 * Dexie's promise and middleware layers cost about a millisecond of a slow phone's CPU per
 * request, and its live queries start a task late. Whatever reads or writes here must keep the
 * same rows and rules as the Dexie repositories; `rawWrite` (idb-write.ts) tells Dexie's live
 * queries (this page, other tabs, the worker) which rows changed.
 */
export class RawReader {
  constructor(
    protected readonly tx: IDBTransaction,
    private readonly keyRange: typeof IDBKeyRange,
  ) {}

  get<T>(table: TableName, key: IDBValidKey): Promise<T | undefined> {
    return result(this.tx.objectStore(table).get(key));
  }

  /** Every row whose `index` equals `key`, in primary key order. */
  getAllByIndex<T>(table: TableName, index: string, key: IDBValidKey): Promise<T[]> {
    return result(this.tx.objectStore(table).index(index).getAll(key));
  }

  /** Every row whose two-part `index` starts with `prefix`, in index order. */
  getAllWithPrefix<T>(table: TableName, index: string, prefix: string): Promise<T[]> {
    return result(this.tx.objectStore(table).index(index).getAll(this.prefixRange(prefix)));
  }

  /** How many rows `index` holds under `key`. */
  count(table: TableName, index: string, key: IDBValidKey): Promise<number> {
    return result(this.tx.objectStore(table).index(index).count(key));
  }

  /**
   * The greatest key of a two-part `index` among those starting with `prefix`, and its row's
   * primary key, without reading the row.
   */
  async lastKeyWithPrefix(
    table: TableName,
    index: string,
    prefix: string,
  ): Promise<{ key: [string, string]; primaryKey: string } | undefined> {
    const range = this.prefixRange(prefix);
    const request = this.tx.objectStore(table).index(index).openKeyCursor(range, 'prev');
    const cursor = await result(request);
    if (cursor === null) return undefined;
    // The index was declared over two string fields (database.ts) and the table keyed by a string.
    return { key: cursor.key as [string, string], primaryKey: cursor.primaryKey as string };
  }

  private prefixRange(prefix: string): IDBKeyRange {
    // [prefix] sorts before every [prefix, x] and [prefix, []] after every string x.
    return this.keyRange.bound([prefix], [prefix, []]);
  }
}

/**
 * Runs `work` in one readonly transaction over `tables`: one consistent picture of them. As in
 * rawWrite, `work` may await only the reader's requests.
 */
export async function rawRead<T>(
  db: SotayDb,
  tables: readonly TableName[],
  work: (tx: RawReader) => Promise<T>,
): Promise<T> {
  if (!db.isOpen()) await db.open();
  return work(new RawReader(openTransaction(db.backendDB(), tables, 'readonly'), db.keyRange));
}

export function openTransaction(
  idb: IDBDatabase,
  tables: readonly TableName[],
  mode: IDBTransactionMode,
): IDBTransaction {
  try {
    return idb.transaction([...tables], mode);
  } catch (error) {
    // The browser closed the connection (another tab upgrading, storage evicted).
    if (error instanceof DOMException && error.name === 'InvalidStateError') {
      throw new StorageFullError('closed', error);
    }
    throw error;
  }
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Calls `changed` after every committed write to one of `tables`: Dexie's own, rawWrite's, and
 * those of other tabs and the worker (Dexie relays its `storagemutated` event between them).
 * Whole tables: for a read that is cheap to repeat, where a live query's range tracking costs
 * more than it saves; `parts` (Dexie's description of the write) for a listener that wants the
 * rows. Returns the unsubscribe.
 */
export function onTablesChanged(
  db: SotayDb,
  tables: readonly TableName[],
  changed: (parts: ObservabilitySet) => void,
): () => void {
  const prefixes = tables.map((name) => tablePart(db, name));
  const listener = (parts: ObservabilitySet) => {
    // `all`: Dexie's "anything may have changed" (a page restored from the back-forward cache).
    const touched = Object.keys(parts).some(
      (part) => part === 'all' || prefixes.some((prefix) => part.startsWith(prefix)),
    );
    if (touched) changed(parts);
  };
  Dexie.on.storagemutated.subscribe(listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

/** How Dexie names a table's rows in `storagemutated` (its indexes: the same, then their name). */
export function tablePart(db: SotayDb, table: TableName): string {
  return `idb://${db.name}/${table}/`;
}
