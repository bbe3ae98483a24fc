import type { Table } from 'dexie';
import type { AnySyncRecord } from '../../shared/protocol';
import type { Enterprise, PullEntity, SyncEntity } from '../../shared/schemas';
import type { SotayDb } from '../database';
import {
  ENTITY_TABLES,
  type EnterpriseRow,
  type SignupRow,
  toEnterpriseRow,
  type VisitRow,
  withoutLocalFields,
} from '../rows';

/** A row of one of the tables whose records the device edits and pushes. */
export type SyncRow = EnterpriseRow | VisitRow | SignupRow;

export function syncTable(db: SotayDb, entity: SyncEntity): Table<SyncRow, string> {
  return db.table<SyncRow, string>(ENTITY_TABLES[entity]);
}

/** The record a row would push; undefined for a signup draft, which never leaves the device. */
export function syncRecordOf(row: SyncRow): AnySyncRecord | undefined {
  if ('status' in row && row.status === 'draft') return undefined;
  // Only the local fields were removed: the rest is the record of its table.
  return withoutLocalFields(row) as AnySyncRecord;
}

/**
 * A server (or backup) record as stored in its table: local fields recomputed (the enterprise
 * search key) and `localUpdatedAt` kept when given. Records are trusted here: the server checks
 * them with the same schemas, and backups are checked before import.
 */
export function toStoredRow(
  entity: PullEntity,
  record: object,
  localUpdatedAt?: string,
): Record<string, unknown> {
  if (entity === 'enterprise') return toEnterpriseRow(record as Enterprise, localUpdatedAt);
  const plain: Record<string, unknown> = withoutLocalFields(record);
  const local = localUpdatedAt !== undefined && (entity === 'visit' || entity === 'signup');
  return local ? { ...plain, localUpdatedAt } : plain;
}
