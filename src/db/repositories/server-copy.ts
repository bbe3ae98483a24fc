import type { AnySyncRecord } from '../../shared/protocol';
import type { SyncEntity } from '../../shared/schemas';
import type { SotayDb } from '../database';
import type { ShadowRow } from '../rows';

/**
 * THE record of a server copy (the shadow: base of conflict merges and what a record settles to
 * once nothing of it waits), from an acknowledgement, a pull, a conflict answer or a backup.
 * `data` undefined: the server deleted the record. The shadow only moves forward: a copy at the
 * version already held, or older (pages replayed out of order, an answer after a later pull), is
 * not recorded, and false says so. Runs in the caller's rw transaction over the shadows.
 */
export async function recordServerCopy(
  db: SotayDb,
  entity: SyncEntity,
  entityId: string,
  version: number,
  data: AnySyncRecord | undefined,
): Promise<boolean> {
  const shadow = forwardShadow(await db.shadows.get([entity, entityId]), {
    entity,
    entityId,
    version,
    data,
  });
  if (shadow === undefined) return false;
  await db.shadows.put(shadow);
  return true;
}

/** A record's key in maps of many records (a push's answers, a pull page). */
export const recordKey = (entity: string, entityId: string) => `${entity}\u0000${entityId}`;

export type ServerCopy = {
  entity: SyncEntity;
  entityId: string;
  version: number;
  data: AnySyncRecord | undefined;
};

/**
 * The shadow a server copy makes of `existing`, or undefined when `existing` holds that version or
 * a later one already (see recordServerCopy).
 */
export function forwardShadow(
  existing: ShadowRow | undefined,
  { entity, entityId, version, data }: ServerCopy,
): ShadowRow | undefined {
  if (existing !== undefined && existing.version >= version) return undefined;
  return data === undefined
    ? { entity, entityId, version, deleted: true }
    : { entity, entityId, version, data: { ...data, version } };
}
