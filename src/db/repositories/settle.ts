import type { SyncEntity } from '../../shared/schemas';
import type { SotayDb } from '../database';
import type { ShadowRow } from '../rows';
import { type SyncRow, syncTable, toStoredRow } from './entity-tables';
import { entityOutboxRows } from './local-change';

/**
 * Once no outbox row of an entity is waiting, the device has nothing the server lacks, so the
 * entity row becomes the last server-known copy (its shadow): a remote change that arrived while
 * local edits were pending is not lost, and a record the server never accepted goes away.
 * Must run inside a rw transaction over outbox, shadows and the entity's table.
 */
export async function settleEntity(
  db: SotayDb,
  entity: SyncEntity,
  entityId: string,
): Promise<void> {
  if ((await entityOutboxRows(db, entity, entityId)).length > 0) return;
  const table = syncTable(db, entity);
  const [shadow, current] = await Promise.all([
    db.shadows.get([entity, entityId]),
    table.get(entityId),
  ]);
  const settled = settledRow(entity, shadow, current);
  if (settled.kind === 'delete') await table.delete(entityId);
  if (settled.kind === 'put') await db.table(table.name).put(settled.row);
}

export type Settled =
  | { kind: 'put'; row: Record<string, unknown> }
  | { kind: 'delete' }
  | { kind: 'none' };

/**
 * What an entity row becomes when nothing of it waits: its shadow's record (keeping when it was
 * last edited here), or gone when the server deleted it or never had it.
 */
export function settledRow(
  entity: SyncEntity,
  shadow: ShadowRow | undefined,
  current: SyncRow | undefined,
): Settled {
  if (shadow?.data === undefined || shadow.deleted === true) {
    return current === undefined ? { kind: 'none' } : { kind: 'delete' };
  }
  const record = { ...shadow.data, version: shadow.version };
  return { kind: 'put', row: toStoredRow(entity, record, current?.localUpdatedAt) };
}
