import type { PullChange } from '../../shared/protocol';
import { SYNC_ENTITIES, type SyncEntity } from '../../shared/schemas';
import type { SotayDb } from '../database';
import { ENTITY_TABLES, type ShadowRow } from '../rows';
import { forwardShadow, recordKey, type ServerCopy } from './server-copy';

/** An entity row as a pull reads it: its version and when it was last edited here. */
export type StoredRow = { version?: number; localUpdatedAt?: string };

export function isSyncEntity(entity: string): entity is SyncEntity {
  return (SYNC_ENTITIES as readonly string[]).includes(entity);
}

export function tableOf(entity: string): string | undefined {
  return Object.hasOwn(ENTITY_TABLES, entity)
    ? ENTITY_TABLES[entity as keyof typeof ENTITY_TABLES]
    : undefined;
}

/**
 * A pull page's rows and shadows, read in one request per table before its changes are applied
 * in order, and its writes, made in one request per table after: a page of 500 changes was 500
 * to 1,000 requests awaited one after another. Each change sees the writes of the changes before
 * it, as it did when each was read and written on its own.
 */
export type Page = {
  /** recordServerCopy on the page: false when the shadow holds that version or a later one. */
  recordServerCopy(copy: ServerCopy): boolean;
  row(tableName: string, id: string): StoredRow | undefined;
  /** The row stored at `id`; undefined deletes it. */
  write(tableName: string, id: string, row: Record<string, unknown> | undefined): void;
  /** What writePage stores: the shadows moved, and each table's rows written or deleted. */
  readonly shadowWrites: Map<string, ShadowRow>;
  readonly rowWrites: Map<string, Map<string, Record<string, unknown> | undefined>>;
};

export async function readPage(db: SotayDb, changes: readonly PullChange[]): Promise<Page> {
  const synced = changes.filter((change) => isSyncEntity(change.entity));
  const shadowKeys = synced.map((change): [SyncEntity, string] => [
    change.entity as SyncEntity,
    change.entityId,
  ]);
  const idsByTable = new Map<string, string[]>();
  for (const change of changes) {
    const tableName = tableOf(change.entity);
    if (tableName !== undefined) {
      idsByTable.set(tableName, [...(idsByTable.get(tableName) ?? []), change.entityId]);
    }
  }
  const [shadowRows, tableRows] = await Promise.all([
    db.shadows.bulkGet(shadowKeys),
    Promise.all(
      [...idsByTable].map(async ([tableName, ids]) => {
        const rows = await db.table<StoredRow, string>(tableName).bulkGet(ids);
        return [tableName, new Map(ids.map((id, i) => [id, rows[i]]))] as const;
      }),
    ),
  ]);
  const shadows = new Map(
    shadowKeys.map(([entity, id], i) => [recordKey(entity, id), shadowRows[i]]),
  );
  const rows = new Map(tableRows);
  const state: Page = {
    shadowWrites: new Map(),
    rowWrites: new Map(),
    recordServerCopy(copy) {
      const key = recordKey(copy.entity, copy.entityId);
      const shadow = forwardShadow(shadows.get(key), copy);
      if (shadow === undefined) return false;
      shadows.set(key, shadow);
      state.shadowWrites.set(key, shadow);
      return true;
    },
    row: (tableName, id) => rows.get(tableName)?.get(id),
    write(tableName, id, row) {
      rows.get(tableName)?.set(id, row);
      const writes = state.rowWrites.get(tableName) ?? new Map();
      state.rowWrites.set(tableName, writes.set(id, row));
    },
  };
  return state;
}

/** The page's writes: one request per table and kind. */
export async function writePage(db: SotayDb, page: Page): Promise<void> {
  const { shadowWrites, rowWrites } = page;
  const requests: Promise<unknown>[] = [db.shadows.bulkPut([...shadowWrites.values()])];
  for (const [tableName, writes] of rowWrites) {
    const table = db.table<Record<string, unknown>, string>(tableName);
    const puts = [...writes.values()].filter((row) => row !== undefined);
    const deletes = [...writes].filter(([, row]) => row === undefined).map(([id]) => id);
    requests.push(table.bulkPut(puts), table.bulkDelete(deletes));
  }
  await Promise.all(requests);
}
