import type { AnySyncRecord } from '../../shared/protocol';
import type { SyncEntity } from '../../shared/schemas';
import type { SotayDb } from '../database';
import type { OutboxRow, ShadowRow } from '../rows';
import { syncTable } from './entity-tables';
import { forwardShadow, recordKey } from './server-copy';
import { settledRow } from './settle';

/** The server applied outbox row `seq` (or had already); `version` is the one it now holds. */
export type Acknowledged = { seq: number; version?: number; data?: AnySyncRecord };

type Key = [SyncEntity, string];
type Taken = { ack: Acknowledged; row: OutboxRow };

/**
 * THE acknowledgement of outbox rows the server applied (docs/design.md §6), in the caller's rw
 * transaction over the outbox, the shadows and the synced tables. Each row is removed; with a
 * version, its server copy (the shadow) moves forward to it and the entity row takes the version;
 * an entity that has no row left waiting settles to its shadow (settle.ts does the same for one).
 *
 * Rows are taken in the order given, and the result is what acknowledging them one after another
 * leaves, in a handful of requests for the whole list: a drain acknowledges 100 rows per push, and
 * ten requests awaited one after another per row were most of the device's share of a drain.
 * Answers true for each row that was still there.
 */
export async function acknowledgeRows(
  db: SotayDb,
  acks: readonly Acknowledged[],
): Promise<boolean[]> {
  if (acks.length === 0) return [];
  const rows = await db.outbox.bulkGet(acks.map((ack) => ack.seq));
  const seen = new Set<number>();
  const taken: Taken[] = [];
  const found = acks.map((ack, i) => {
    const row = rows[i];
    if (row === undefined || seen.has(ack.seq)) return false;
    seen.add(ack.seq);
    taken.push({ ack, row });
    return true;
  });
  await db.outbox.bulkDelete(taken.map(({ row }) => row.seq));
  const versioned = taken.filter(({ ack }) => ack.version !== undefined);
  if (versioned.length > 0) await moveToServerVersions(db, versioned, removedAfter(taken));
  return found;
}

/**
 * The records of which a row without a version comes after the last row with one. One by one,
 * that row was still waiting when the record's last version arrived, so the record did not
 * settle then, and removing the row does not settle it.
 */
function removedAfter(taken: readonly Taken[]): Set<string> {
  const after = new Set<string>();
  for (const { ack, row } of taken) {
    const key = recordKey(row.entity, row.entityId);
    if (ack.version === undefined) after.add(key);
    else after.delete(key);
  }
  return after;
}

async function moveToServerVersions(
  db: SotayDb,
  versioned: readonly Taken[],
  unsettled: ReadonlySet<string>,
): Promise<void> {
  const keys = uniqueKeys(versioned.map(({ row }) => [row.entity, row.entityId]));
  const [shadows, waiting] = await Promise.all([
    db.shadows.bulkGet(keys),
    // A count per record: one cursor over them all (anyOf) jumps from key to key, which took
    // fake-indexeddb 40 ms per 100 records, where these counts take a few.
    Promise.all(keys.map((key) => db.outbox.where('[entity+entityId]').equals(key).count())),
  ]);
  const shadowOf = new Map(keys.map((key, i) => [recordKey(...key), shadows[i]]));
  const moved = new Map<string, ShadowRow>();
  const versionOf = new Map<string, number>();
  for (const { ack, row } of versioned) {
    const key = recordKey(row.entity, row.entityId);
    const version = ack.version as number;
    versionOf.set(key, version);
    const data = row.op === 'delete' ? undefined : (ack.data ?? row.data);
    const copy = { entity: row.entity, entityId: row.entityId, version, data };
    const shadow = forwardShadow(shadowOf.get(key), copy);
    if (shadow === undefined) continue;
    shadowOf.set(key, shadow);
    moved.set(key, shadow);
  }
  await db.shadows.bulkPut([...moved.values()]);
  const left = new Set(
    keys.filter((_, i) => (waiting[i] ?? 0) > 0).map((key) => recordKey(...key)),
  );
  for (const [entity, ids] of idsByEntity(keys)) {
    await settleOrStamp(db, entity, ids, (id) => {
      const key = recordKey(entity, id);
      const version = versionOf.get(key) as number;
      const settles = !left.has(key) && !unsettled.has(key);
      return { shadow: shadowOf.get(key), version, settles };
    });
  }
}

type Fate = { shadow: ShadowRow | undefined; version: number; settles: boolean };

/**
 * Each entity row of `ids`: settled (settle.ts) when nothing of it waits any more, else given the
 * version the server now holds.
 */
async function settleOrStamp(
  db: SotayDb,
  entity: SyncEntity,
  ids: readonly string[],
  fateOf: (id: string) => Fate,
): Promise<void> {
  const table = syncTable(db, entity);
  const current = await table.bulkGet([...ids]);
  const puts: Record<string, unknown>[] = [];
  const deletes: string[] = [];
  ids.forEach((id, i) => {
    const row = current[i];
    const { shadow, version, settles } = fateOf(id);
    if (!settles) {
      if (row !== undefined) puts.push({ ...row, version });
      return;
    }
    const settled = settledRow(entity, shadow, row);
    if (settled.kind === 'put') puts.push(settled.row);
    if (settled.kind === 'delete') deletes.push(id);
  });
  await Promise.all([db.table(table.name).bulkPut(puts), table.bulkDelete(deletes)]);
}

function uniqueKeys(keys: readonly Key[]): Key[] {
  const unique = new Map<string, Key>();
  for (const key of keys) unique.set(recordKey(...key), key);
  return [...unique.values()];
}

function idsByEntity(keys: readonly Key[]): Map<SyncEntity, string[]> {
  const byEntity = new Map<SyncEntity, string[]>();
  for (const [entity, id] of keys) byEntity.set(entity, [...(byEntity.get(entity) ?? []), id]);
  return byEntity;
}
