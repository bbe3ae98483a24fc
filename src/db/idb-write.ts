import Dexie, { type IndexableType, type ObservabilitySet, RangeSet } from 'dexie';
import type { SotayDb, TableName } from './database';
import { openTransaction, RawReader, tablePart } from './idb';

/** The writing half of idb.ts: only the visit save needs it, so it loads with that screen. */
export class RawTransaction extends RawReader {
  /** The primary keys written, per table: what `rawWrite` tells live queries changed. */
  readonly written = new Map<TableName, IndexableType[]>();

  /** Writes are not awaited one by one: a failed one aborts the transaction, and rawWrite rejects. */
  put(table: TableName, value: object): void {
    this.track(table, this.tx.objectStore(table).put(value));
  }

  add(table: TableName, value: object): void {
    this.track(table, this.tx.objectStore(table).add(value));
  }

  /** Rows are keyed by ids and outbox sequence numbers here: a string or a number. */
  delete(table: TableName, key: string | number): void {
    this.tx.objectStore(table).delete(key);
    this.keysOf(table).push(key);
  }

  private track(table: TableName, request: IDBRequest<IDBValidKey>): void {
    const keys = this.keysOf(table);
    // Where the store keys itself, the key exists once written: before the commit. IndexedDB
    // hands back a key of the kinds it stores, which Dexie's type names.
    request.addEventListener('success', () => keys.push(request.result as IndexableType));
  }

  private keysOf(table: TableName): IndexableType[] {
    let keys = this.written.get(table);
    if (keys === undefined) {
      keys = [];
      this.written.set(table, keys);
    }
    return keys;
  }
}

/**
 * Runs `work` in one readwrite transaction over `tables` and resolves once it has committed. No
 * other promise may be awaited inside `work` (IndexedDB would commit early). When `work` throws,
 * the transaction is aborted: nothing of it is written.
 */
export async function rawWrite<T>(
  db: SotayDb,
  tables: readonly TableName[],
  work: (tx: RawTransaction) => Promise<T>,
): Promise<T> {
  if (!db.isOpen()) await db.open();
  const tx = openTransaction(db.backendDB(), tables, 'readwrite');
  const done = committed(tx);
  // Handled below in both branches; this only keeps an early abort from being reported unhandled.
  done.catch(() => undefined);
  const raw = new RawTransaction(tx, db.keyRange);
  let value: T;
  try {
    value = await work(raw);
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
  await done;
  // The save is durable now; live queries hear of it a task later, off the path the organizer
  // waits on (Dexie signals its optimistic updates the same way).
  if (raw.written.size > 0) setTimeout(() => announce(db, raw.written), 0);
  return value;
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // A full disk shows here, at commit: the error is QuotaExceededError.
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
}

function abortQuietly(tx: IDBTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by a failed request: nothing of it was committed either way.
  }
}

/**
 * What Dexie does after its own commits: the `storagemutated` event re-runs the live queries
 * that read these tables, here and (through Dexie's BroadcastChannel) in other tabs and the
 * worker. The rows by their keys, as Dexie names them (the enterprise index re-reads only
 * those); every index whole: a visit save is rare enough that precision there buys nothing.
 */
// Above every IndexedDB key (arrays sort last, deeper ones after shallower): the bound Dexie uses
// for "everything changed". Dexie.maxKey is a string where the platform lacks array keys.
const EVERY_KEY_BELOW = [[[]]];

function announce(db: SotayDb, written: ReadonlyMap<TableName, IndexableType[]>): void {
  const parts: ObservabilitySet = {};
  for (const [name, keys] of written) {
    const prefix = tablePart(db, name);
    parts[prefix] = new RangeSet().addKeys(keys);
    parts[`${prefix}:dels`] = new RangeSet().addKeys(keys);
    for (const index of db.table(name).schema.indexes) {
      parts[`${prefix}${index.name}`] = new RangeSet(-Infinity, EVERY_KEY_BELOW);
    }
  }
  Dexie.on.storagemutated.fire(parts);
}
