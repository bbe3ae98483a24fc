import { isRecord } from '../../shared/domain/record-input';
import type { AnySyncRecord, PullChange } from '../../shared/protocol';
import type { SotayDb } from '../database';
import { guardStorage } from '../errors';
import { ENTITY_TABLES } from '../rows';
import { protectAny, readVaultBasis } from '../vault';
import { toStoredRow } from './entity-tables';
import { isSyncEntity, type Page, readPage, tableOf, writePage } from './remote-page';

export type RemoteApplyResult = {
  /** Written to (or deleted from) the entity's table. */
  applied: number;
  /** Kept local: outbox rows wait for the entity (its shadow got the server copy). */
  keptLocal: number;
  /**
   * Not written: at the version the device already holds (the rows it just pushed come back
   * in the pull that follows), older than it, of an unknown entity, or without data.
   */
  ignored: number;
};

/**
 * Stores a pull page in one transaction. An entity with outbox rows waiting is NOT overwritten:
 * the local edits win until acknowledged, and the incoming copy goes to the shadow so the next
 * conflict merge has it. Synced entities always get their shadow (the last server-known copy).
 *
 * `reset`: the server started over (the cursor was issued for another user, role or unit,
 * docs/design.md §5 "Need to know"): first every server copy the device holds that has nothing
 * waiting in the outbox goes, in the same transaction, so what left the user's scope does not
 * stay; the pull from scratch brings back what is still theirs. Drafts and unsent records stay.
 */
export async function applyRemoteChanges(
  db: SotayDb,
  pulled: readonly PullChange[],
  reset = false,
): Promise<RemoteApplyResult> {
  // Personal fields are encrypted before the transaction (Web Crypto would let it commit).
  const basis = await readVaultBasis(db);
  const changes = await Promise.all(
    pulled.map(async (change) =>
      change.deleted || !isRecord(change.data)
        ? change
        : { ...change, data: await protectAny(db, change.entity, change.data, basis) },
    ),
  );
  const tables = [db.outbox, db.shadows, ...Object.values(ENTITY_TABLES).map((n) => db.table(n))];
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
      const waiting = new Set(
        (await db.outbox.toArray()).map((row) => `${row.entity}:${row.entityId}`),
      );
      if (reset) await dropServerCopies(db, waiting);
      const page = await readPage(db, changes);
      const result: RemoteApplyResult = { applied: 0, keptLocal: 0, ignored: 0 };
      for (const change of changes) {
        const outcome = applyOne(page, change, waiting.has(`${change.entity}:${change.entityId}`));
        result[outcome] += 1;
      }
      await writePage(db, page);
      return result;
    }),
  );
}

/** Every row the server sent (it has a version) and its shadow, unless outbox rows wait for it. */
async function dropServerCopies(db: SotayDb, waiting: ReadonlySet<string>): Promise<void> {
  const kept = (entity: string, id: string) => waiting.has(`${entity}:${id}`);
  for (const [entity, tableName] of Object.entries(ENTITY_TABLES)) {
    const table = db.table<{ id: string; version?: number }, string>(tableName);
    await table.filter((row) => row.version !== undefined && !kept(entity, row.id)).delete();
  }
  await db.shadows.filter((shadow) => !kept(shadow.entity, shadow.entityId)).delete();
}

/** What a change does, decided on the page as read (remote-page.ts), its writes kept there. */
function applyOne(page: Page, change: PullChange, hasLocalEdits: boolean): keyof RemoteApplyResult {
  const tableName = tableOf(change.entity);
  const deleted = change.deleted;
  if (tableName === undefined || (!deleted && !isRecord(change.data))) return 'ignored';
  const data = deleted ? undefined : { ...(change.data as object), version: change.version };
  if (isSyncEntity(change.entity)) {
    // Trusted: the server checked the record with the same schemas before storing it.
    const copy = data as AnySyncRecord | undefined;
    const { entity, entityId, version } = change;
    if (!page.recordServerCopy({ entity, entityId, version, data: copy })) return 'ignored';
    if (hasLocalEdits) return 'keptLocal';
  }
  const current = page.row(tableName, change.entityId);
  if (current?.version !== undefined && current.version >= change.version) return 'ignored';
  const row = data && toStoredRow(change.entity, data, current?.localUpdatedAt);
  page.write(tableName, change.entityId, row);
  return 'applied';
}
