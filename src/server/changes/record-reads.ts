import type { Sql } from '../store/types';
import { findRecord, type RecordEntity, type StoredRecord, storedRecordOf } from './records';

/**
 * The stored records a transaction's mutations read (each one's own record, and the enterprise a
 * visit or application is written into), read by one query at the transaction's first read
 * instead of two queries per mutation. That first read comes after the write lock (judge takes it
 * before reading), which the transaction holds to its commit: no other writer changes them.
 * This transaction's own writes are not in the query's answer, so what a judged mutation may have
 * written is forgotten (`forget`) and read again from the database when asked for.
 */
export type RecordReads = {
  find(tx: Sql, entity: RecordEntity, id: string): Promise<StoredRecord | undefined>;
  /**
   * After a mutation: its own record is read again, and `enterpriseId`, an enterprise it wrote
   * too (a visit's stage move); after an enterprise's, every record is (its children may have
   * moved with it).
   */
  forget(entity: string, id: string, enterpriseId: string | undefined): void;
  /** After a mutation rolled back to its savepoint: nothing read is trusted any more. */
  forgetAll(): void;
};

export type RecordKey = { entity: RecordEntity; id: string };

// Ids compared as PostgreSQL compares uuids: whatever the case they were sent in.
const keyOf = (entity: string, id: string) => `${entity}:${id.toLowerCase()}`;

export function recordReads(wanted: readonly RecordKey[]): RecordReads {
  // undefined: not read yet; then what was read, a missing record stored as null.
  let read: Promise<Map<string, StoredRecord | null>> | undefined;
  let trusted = true;
  const keys = new Set(wanted.map((key) => keyOf(key.entity, key.id)));
  const forgotten = new Set<string>();
  const readAll = async (tx: Sql) => {
    const result = await tx.query<Parameters<typeof storedRecordOf>[0]>(
      `SELECT entity, id, unit_id, enterprise_id, data, version, deleted FROM records
       WHERE (entity, id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`,
      [wanted.map((key) => key.entity), wanted.map((key) => key.id)],
    );
    const found = new Map<string, StoredRecord | null>(
      wanted.map((key) => [keyOf(key.entity, key.id), null]),
    );
    for (const row of result.rows) found.set(keyOf(row.entity, row.id), storedRecordOf(row));
    return found;
  };
  return {
    async find(tx, entity, id) {
      const key = keyOf(entity, id);
      if (!trusted || forgotten.has(key) || !keys.has(key)) {
        return findRecord(tx, entity, id);
      }
      read ??= readAll(tx).catch((error: unknown) => {
        read = undefined;
        throw error;
      });
      const found = (await read).get(key);
      return found === null || found === undefined ? undefined : found;
    },
    forget(entity, id, enterpriseId) {
      if (entity === 'enterprise') trusted = false;
      forgotten.add(keyOf(entity, id));
      if (enterpriseId !== undefined) forgotten.add(keyOf('enterprise', enterpriseId));
    },
    forgetAll() {
      trusted = false;
    },
  };
}
