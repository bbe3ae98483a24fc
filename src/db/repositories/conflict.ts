import { mergeRecords } from '../../shared/domain';
import type { AnySyncRecord } from '../../shared/protocol';
import { nowIso } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage } from '../errors';
import { getSyncState, updateSyncState } from '../sync-state';
import { syncRecordOf, syncTable, toStoredRow } from './entity-tables';
import { entityOutboxRows, type LocalChange, writeLocalChange } from './local-change';
import { recordServerCopy } from './server-copy';

function versionOf(record: unknown): number | undefined {
  const version = (record as { version?: unknown } | null)?.version;
  return typeof version === 'number' ? version : undefined;
}

/** Tables resolveConflict writes. */
export const CONFLICT_TABLES = [
  'outbox',
  'shadows',
  'enterprises',
  'visits',
  'signups',
  'meta',
] as const;

/**
 * The server answered `conflict`: its copy moved on since the device's edit was made. The
 * device's pending changes of that record are merged field by field onto the server's copy
 * (base: the last server copy the device knew) and queued again as ONE new mutation on the
 * server's version. Fields changed on both sides are noted for the user. A record the server
 * deleted is quarantined: never dropped silently.
 */
export function resolveConflict(db: SotayDb, seq: number, current: unknown): Promise<void> {
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
      const { merged, conflicts } = mergeRecords<AnySyncRecord>(
        row.base ?? shadow?.data,
        local ?? remote,
        remote,
      );
      // Every waiting row of this record was built on a version the server no longer has.
      await db.outbox.bulkDelete(rows.filter((r) => r.state === 'pending').map((r) => r.seq));
      await recordServerCopy(db, row.entity, row.entityId, remoteVersion, remote);
      const stored = { ...merged, version: remoteVersion } as AnySyncRecord;
      if (JSON.stringify(stored) !== JSON.stringify(remote)) {
        const change: LocalChange = {
          entity: row.entity,
          entityId: row.entityId,
          op: 'put',
          data: stored,
        };
        await writeLocalChange(db, change, { version: remoteVersion }, now);
      } else {
        // Nothing of the device's is left: the record is the server's copy.
        await db.table(table.name).put(toStoredRow(row.entity, stored, localRow?.localUpdatedAt));
      }
      if (conflicts.length > 0) {
        const state = await getSyncState(db);
        const notes = (state.conflicts ?? []).filter((n) => n.entityId !== row.entityId);
        await updateSyncState(db, {
          conflicts: [
            ...notes,
            { entity: row.entity, entityId: row.entityId, fields: conflicts, at: now },
          ],
        });
      }
    }),
  );
}
