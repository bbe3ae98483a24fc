import type { SyncEntity } from '../../shared/schemas';
import type { SotayDb } from '../database';
import { syncTable, toStoredRow } from './entity-tables';
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
  if (shadow?.data === undefined || shadow.deleted === true) {
    if (current !== undefined) await table.delete(entityId);
    return;
  }
  const row = toStoredRow(
    entity,
    { ...shadow.data, version: shadow.version },
    current?.localUpdatedAt,
  );
  await db.table(table.name).put(row);
}
