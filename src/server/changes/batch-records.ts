import type { Sql } from '../store/types';
import { findRecords, type RecordKey, recordKeyOf, type StoredRecord } from './records';

/**
 * The records a push transaction's mutations name (each mutation's record and a visit's or
 * application's enterprise), read in one statement once the write lock is held, instead of one
 * statement per mutation inside it: every statement under the lock makes every other push wait.
 * Every write of a push to the records table (apply.ts) forgets what it wrote (forgetRecord,
 * forgetChildren), so that a later mutation of the batch reads it again.
 */
export type BatchRecords = Map<string, StoredRecord | undefined>;

export async function readBatchRecords(tx: Sql, keys: readonly RecordKey[]): Promise<BatchRecords> {
  const unique = [...new Map(keys.map((key) => [recordKeyOf(key), key])).values()];
  const found = await findRecords(tx, unique);
  return new Map(unique.map((key, i) => [recordKeyOf(key), found[i]]));
}

/** `keys` as the batch read them when it holds them all, else from the database. */
export function recordsOf(
  tx: Sql,
  known: BatchRecords,
  keys: readonly RecordKey[],
): Promise<(StoredRecord | undefined)[]> {
  if (!keys.every((key) => known.has(recordKeyOf(key)))) return findRecords(tx, keys);
  return Promise.resolve(keys.map((key) => known.get(recordKeyOf(key))));
}

/** A record a mutation of the batch wrote: read again when named again. */
export function forgetRecord(known: BatchRecords, key: RecordKey): void {
  known.delete(recordKeyOf(key));
}

/** The records under an enterprise that moved them to its new unit: read again. */
export function forgetChildren(known: BatchRecords, enterpriseId: string): void {
  const id = enterpriseId.toLowerCase();
  for (const [key, record] of known) if (record?.enterpriseId === id) known.delete(key);
}
