import type { SyncEntity } from '../../shared/schemas';
import { SYNC_ENTITIES } from '../../shared/schemas';
import type { SotayDb } from '../database';
import { guardStorage } from '../errors';
import { ENTITY_TABLES, type RemoteEntity, type ShadowRow, type SyncRecord } from '../rows';
import { toStoredRow } from './entity-tables';

/** One record of a pull page (docs/design.md §5). `data` is absent or null when deleted. */
export type RemoteChange = {
  entity: RemoteEntity;
  entityId: string;
  version: number;
  deleted?: boolean;
  data?: unknown;
};

export type RemoteApplyResult = {
  /** Written to (or deleted from) the entity's table. */
  applied: number;
  /** Kept local: outbox rows wait for the entity (its shadow got the server copy). */
  keptLocal: number;
  /** Older than the stored copy, of an unknown entity, or without data. */
  ignored: number;
};

function isSyncEntity(entity: string): entity is SyncEntity {
  return (SYNC_ENTITIES as readonly string[]).includes(entity);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Stores a pull page in one transaction. An entity with outbox rows waiting is NOT overwritten:
 * the local edits win until acknowledged, and the incoming copy goes to the shadow so the next
 * conflict merge has it. Synced entities always get their shadow (the last server-known copy).
 */
export function applyRemoteChanges(
  db: SotayDb,
  changes: readonly RemoteChange[],
): Promise<RemoteApplyResult> {
  const tables = [db.outbox, db.shadows, ...Object.values(ENTITY_TABLES).map((n) => db.table(n))];
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
      const waiting = new Set(
        (await db.outbox.toArray()).map((row) => `${row.entity}:${row.entityId}`),
      );
      const result: RemoteApplyResult = { applied: 0, keptLocal: 0, ignored: 0 };
      for (const change of changes) {
        const outcome = await applyOne(
          db,
          change,
          waiting.has(`${change.entity}:${change.entityId}`),
        );
        result[outcome] += 1;
      }
      return result;
    }),
  );
}

async function applyOne(
  db: SotayDb,
  change: RemoteChange,
  hasLocalEdits: boolean,
): Promise<keyof RemoteApplyResult> {
  const tableName = Object.hasOwn(ENTITY_TABLES, change.entity)
    ? ENTITY_TABLES[change.entity]
    : undefined;
  const deleted = change.deleted === true;
  if (tableName === undefined || (!deleted && !isRecord(change.data))) return 'ignored';
  const data = deleted
    ? undefined
    : { ...(change.data as Record<string, unknown>), version: change.version };
  if (isSyncEntity(change.entity)) {
    const stale = await recordShadow(db, change.entity, change.entityId, change.version, data);
    if (stale) return 'ignored';
    if (hasLocalEdits) return 'keptLocal';
  }
  const table = db.table<{ version?: number; localUpdatedAt?: string }, string>(tableName);
  const current = await table.get(change.entityId);
  if (current?.version !== undefined && current.version > change.version) return 'ignored';
  if (data === undefined) await table.delete(change.entityId);
  else await table.put(toStoredRow(change.entity, data, current?.localUpdatedAt));
  return 'applied';
}

/** True when the shadow already holds a newer copy (pages replayed out of order). */
async function recordShadow(
  db: SotayDb,
  entity: SyncEntity,
  entityId: string,
  version: number,
  data: Record<string, unknown> | undefined,
): Promise<boolean> {
  const existing = await db.shadows.get([entity, entityId]);
  if (existing !== undefined && existing.version > version) return true;
  const shadow: ShadowRow =
    data === undefined
      ? { entity, entityId, version, deleted: true }
      : // Trusted: the server checked it with the same schemas before storing it.
        { entity, entityId, version, data: data as SyncRecord };
  await db.shadows.put(shadow);
  return false;
}
