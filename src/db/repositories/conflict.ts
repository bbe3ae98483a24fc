import { mergeRecords } from '../../shared/domain';
import { sameValue } from '../../shared/domain/same-value';
import type { AnySyncRecord, ReplacedValue } from '../../shared/protocol';
import { SYNC_ENTITIES } from '../../shared/schemas/enums';
import { nowIso } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage } from '../errors';
import { ENTITY_TABLES, type OutboxRow } from '../rows';
import { type ConflictNote, mergeNoteId } from '../sync-state';
import { syncRecordOf, syncTable, toStoredRow } from './entity-tables';
import { entityOutboxRows, type LocalChange, writeLocalChange } from './local-change';
import { addConflictNotes, withoutPersonalValues } from './notes';
import { recordServerCopy } from './server-copy';

function versionOf(record: unknown): number | undefined {
  const version = (record as { version?: unknown } | null)?.version;
  return typeof version === 'number' ? version : undefined;
}

/**
 * Tables an answer of the server writes (resolveConflict, acknowledge, a rejection taken back):
 * the outbox, the server copies, the table of every entity the device pushes and the sync notes
 * in meta. Built from SYNC_ENTITIES, so a new pushed entity is in the answer's transaction too.
 */
export const CONFLICT_TABLES: readonly string[] = [
  'outbox',
  'shadows',
  ...SYNC_ENTITIES.map((entity) => ENTITY_TABLES[entity]),
  'meta',
];

/**
 * What the merged put says it overwrites: the server's values of the fields changed on both
 * sides, and those a previous merge of this record had listed that the server still holds and
 * the put still changes (a merged put that meets a new conflict must not forget them).
 */
function replacedList(
  fresh: readonly ReplacedValue[],
  earlier: readonly ReplacedValue[] | undefined,
  remote: AnySyncRecord,
  merged: AnySyncRecord,
): ReplacedValue[] {
  const r = remote as Record<string, unknown>;
  const m = merged as Record<string, unknown>;
  const fields = new Set(fresh.map((entry) => entry.field));
  const carried = (earlier ?? []).filter(
    ({ field, value }) =>
      !fields.has(field) && sameValue(r[field], value) && !sameValue(m[field], value),
  );
  return [...fresh, ...carried];
}

/** One note per field the merge kept over the other user's value. */
function mergeNotes(
  row: OutboxRow,
  local: AnySyncRecord,
  remote: AnySyncRecord,
  fields: readonly string[],
  byName: string | undefined,
  noted: string,
): ConflictNote[] {
  const l = local as Record<string, unknown>;
  const r = remote as Record<string, unknown>;
  const notes = fields.map(
    (field): ConflictNote => ({
      id: mergeNoteId(row.entity, row.entityId, field),
      kind: 'merged',
      entity: row.entity,
      entityId: row.entityId,
      field,
      ...(l[field] === undefined ? {} : { kept: l[field] }),
      ...(r[field] === undefined ? {} : { lost: r[field] }),
      restorable: true,
      ...(byName === undefined ? {} : { by: byName }),
      ...(typeof r['updatedAt'] === 'string' ? { at: r['updatedAt'] } : {}),
      noted,
    }),
  );
  return notes.map(withoutPersonalValues);
}

/**
 * The server answered `conflict`: its copy moved on since the device's edit was made. The
 * device's pending changes of that record are merged field by field onto the server's copy
 * (base: the last server copy the device knew) and queued again as ONE new mutation on the
 * server's version, listing the server's values it overwrites (`replaced`, so that their
 * author is told). Each field changed on both sides is noted for the user with both values and
 * `currentByName`, who wrote the server's copy. A record the server deleted is quarantined:
 * never dropped silently.
 */
export function resolveConflict(
  db: SotayDb,
  seq: number,
  current: unknown,
  currentByName?: string,
): Promise<void> {
  const now = nowIso();
  return guardStorage(() =>
    db.transaction('rw', CONFLICT_TABLES, async () => {
      const row = await db.outbox.get(seq);
      if (!row) return;
      const remoteVersion = versionOf(current);
      if (current === null || remoteVersion === undefined) {
        await db.outbox.update(seq, { state: 'rejected', lastError: 'deleted_on_server' });
        return;
      }
      const table = syncTable(db, row.entity);
      const [shadow, localRow, rows] = await Promise.all([
        db.shadows.get([row.entity, row.entityId]),
        table.get(row.entityId),
        entityOutboxRows(db, row.entity, row.entityId),
      ]);
      const local = localRow ? syncRecordOf(localRow) : row.data;
      // The server checked its copy with the same schemas before storing it.
      const remote = current as AnySyncRecord;
      const { merged, conflicts, replaced } = mergeRecords<AnySyncRecord>(
        row.base ?? shadow?.data,
        local ?? remote,
        remote,
      );
      // Every waiting row of this record was built on a version the server no longer has.
      await db.outbox.bulkDelete(rows.filter((r) => r.state === 'pending').map((r) => r.seq));
      await recordServerCopy(db, row.entity, row.entityId, remoteVersion, remote);
      const stored = { ...merged, version: remoteVersion } as AnySyncRecord;
      if (JSON.stringify(stored) !== JSON.stringify(remote)) {
        const overwritten = replacedList(replaced, row.replaced, remote, stored);
        const change: LocalChange = {
          entity: row.entity,
          entityId: row.entityId,
          op: 'put',
          data: stored,
          ...(overwritten.length > 0 ? { replaced: overwritten } : {}),
        };
        await writeLocalChange(db, change, { version: remoteVersion }, now);
      } else {
        // Nothing of the device's is left: the record is the server's copy.
        await db.table(table.name).put(toStoredRow(row.entity, stored, localRow?.localUpdatedAt));
      }
      await addConflictNotes(
        db,
        mergeNotes(row, local ?? remote, remote, conflicts, currentByName, now),
      );
    }),
  );
}
