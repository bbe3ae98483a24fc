import type { SyncEntity } from '../shared/schemas';
import type { SotayDb } from './database';

/**
 * What the drain last did, shared by the tabs and the service worker through IndexedDB (a live
 * query on it drives the sync screen's progress bar).
 */
export type SyncState = {
  running?: boolean;
  /** Rows sent in the current drain, of `total` known so far. */
  sent?: number;
  total?: number;
  lastSyncAt?: string | undefined;
  /** Consecutive failed drains, and when the next may start (ms since epoch). */
  failures?: number;
  retryAt?: number | undefined;
  lastError?: string | undefined;
  /** The server's opaque pull cursor. */
  cursor?: string;
  /**
   * Values replaced in a conflict, for the user to check and restore (docs/design.md §6): one
   * note per field. Read them with conflictNotes (notes stored before values were kept named
   * only the fields).
   */
  conflicts?: (ConflictNote | LegacyConflictNote)[] | undefined;
  /** Ids of server notices stored here that the server has not yet been told of. */
  unacknowledged?: string[] | undefined;
};

/**
 * A field whose value replaced another's. `merged`: this device's merge kept its own value over
 * another user's; `replaced`: another user's merge replaced this user's value (a notice from the
 * server). `kept` is the value the record got, `lost` the one it overwrote — what one tap
 * restores (absent: the field was empty). `by` and `at` name the other user (as the server
 * named them) and when their value was written.
 */
export type ConflictNote = {
  id: string;
  kind: 'merged' | 'replaced';
  entity: SyncEntity;
  entityId: string;
  field: string;
  kept?: unknown;
  lost?: unknown;
  /** False for a note stored before values were kept: nothing to restore. */
  restorable: boolean;
  by?: string;
  at?: string;
  /** When the device noted it. */
  noted: string;
};

/** A note as devices stored them before the values were kept: the merged fields only. */
export type LegacyConflictNote = {
  entity: SyncEntity;
  entityId: string;
  fields: string[];
  at: string;
};

/** The id of a merge's note: a later merge of the same field replaces it. */
export function mergeNoteId(entity: string, entityId: string, field: string): string {
  return `merge:${entity}:${entityId}:${field}`;
}

/** The state's notes, old ones read as notes without values, oldest first. */
export function conflictNotes(state: SyncState): ConflictNote[] {
  // A backup's sync state comes back as it was written: skip anything that is not a note.
  const stored = Array.isArray(state.conflicts) ? state.conflicts : [];
  return stored.flatMap((note): ConflictNote[] =>
    typeof note !== 'object' || note === null
      ? []
      : 'fields' in note
        ? note.fields.map((field) => ({
            id: mergeNoteId(note.entity, note.entityId, field),
            kind: 'merged',
            entity: note.entity,
            entityId: note.entityId,
            field,
            restorable: false,
            noted: note.at,
          }))
        : [note],
  );
}

const KEY = 'syncState';

export async function getSyncState(db: SotayDb): Promise<SyncState> {
  const row = await db.meta.get(KEY);
  return (row?.value as SyncState | undefined) ?? {};
}

/** Merges `patch` into the state; a key set to undefined is removed. */
export async function updateSyncState(db: SotayDb, patch: Partial<SyncState>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const next: Record<string, unknown> = { ...(await getSyncState(db)), ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    await db.meta.put({ key: KEY, value: next });
  });
}
