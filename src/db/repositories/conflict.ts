import { mergeRecords } from '../../shared/domain';
import { nowIso } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage } from '../errors';
import type { SyncRecord } from '../rows';
import { getSyncState, updateSyncState } from '../sync-state';
import { syncRecordOf, syncTable, toStoredRow } from './entity-tables';
import { enqueueMutation, entityOutboxRows } from './outbox-write';

function versionOf(record: unknown): number | undefined {
  const version = (record as { version?: unknown } | null)?.version;
  return typeof version === 'number' ? version : undefined;
}

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
    db.transaction(
      'rw',
      [db.outbox, db.shadows, db.enterprises, db.visits, db.signups, db.meta],
      async () => {
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
        const remote = current as SyncRecord;
        const { merged, conflicts } = mergeRecords<SyncRecord>(
          row.base ?? shadow?.data,
          local ?? remote,
          remote,
        );
        // Every waiting row of this record was built on a version the server no longer has.
        await db.outbox.bulkDelete(rows.filter((r) => r.state === 'pending').map((r) => r.seq));
        await db.shadows.put({
          entity: row.entity,
          entityId: row.entityId,
          version: remoteVersion,
          data: remote,
        });
        const stored = { ...merged, version: remoteVersion } as SyncRecord;
        await db.table(table.name).put(toStoredRow(row.entity, stored, localRow?.localUpdatedAt));
        if (JSON.stringify({ ...merged, version: remoteVersion }) !== JSON.stringify(remote)) {
          await enqueueMutation(
            db,
            { entity: row.entity, entityId: row.entityId, op: 'put', data: stored },
            remoteVersion,
            now,
          );
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
      },
    ),
  );
}
