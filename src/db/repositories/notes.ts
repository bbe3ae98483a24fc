import { isPersonalField } from '../../shared/domain/personal-fields';
import type { Notice } from '../../shared/protocol';
import { validateMutationData } from '../../shared/protocol';
import { nowIso } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage, ValidationError } from '../errors';
import { type ConflictNote, conflictNotes, getSyncState, updateSyncState } from '../sync-state';
import { syncRecordOf, syncTable } from './entity-tables';
import { writeLocalChange } from './local-change';

/**
 * Notes of replaced values (docs/design.md §6), kept in the sync state: the merges this device
 * made over another user's value, and the notices the server sent of this user's values another
 * user's merge replaced. One tap restores the value a note says was lost.
 */

/** Adds notes, a note replacing the one of the same id. Inside a transaction over `meta`. */
export async function addConflictNotes(db: SotayDb, notes: readonly ConflictNote[]): Promise<void> {
  if (notes.length === 0) return;
  const ids = new Set(notes.map((note) => note.id));
  const kept = conflictNotes(await getSyncState(db)).filter((note) => !ids.has(note.id));
  await updateSyncState(db, { conflicts: [...kept, ...notes] });
}

/**
 * A note as stored: a personal field's values stay out of the sync state, which is not
 * encrypted (docs/design.md §6); such a note says what was replaced, by whom and when, and
 * restores nothing.
 */
export function withoutPersonalValues(note: ConflictNote): ConflictNote {
  if (!isPersonalField(note.entity, note.field)) return note;
  const { kept: _kept, lost: _lost, ...rest } = note;
  return { ...rest, restorable: false };
}

/** A server notice as this device notes it: the user's value was the one replaced. */
function noteOf(notice: Notice, noted: string): ConflictNote {
  return withoutPersonalValues({
    id: notice.id,
    kind: 'replaced',
    entity: notice.entity,
    entityId: notice.entityId,
    field: notice.field,
    ...(notice.replacement === undefined ? {} : { kept: notice.replacement }),
    ...(notice.value === undefined ? {} : { lost: notice.value }),
    restorable: true,
    by: notice.replacedByName,
    at: notice.replacedAt,
    noted,
  });
}

/**
 * Stores the notices of a pull and marks them to be acknowledged. A notice already stored, or
 * stored and dismissed but not yet acknowledged (the server sends it until then), is not noted
 * again.
 */
export function storeNotices(db: SotayDb, notices: readonly Notice[]): Promise<void> {
  if (notices.length === 0) return Promise.resolve();
  const noted = nowIso();
  return guardStorage(() =>
    db.transaction('rw', db.meta, async () => {
      const state = await getSyncState(db);
      const known = new Set([
        ...(state.unacknowledged ?? []),
        ...conflictNotes(state).map((n) => n.id),
      ]);
      const fresh = notices.filter((notice) => !known.has(notice.id));
      await addConflictNotes(
        db,
        fresh.map((notice) => noteOf(notice, noted)),
      );
      await updateSyncState(db, {
        unacknowledged: [...(state.unacknowledged ?? []), ...fresh.map((n) => n.id)],
      });
    }),
  );
}

/** Notices stored on the device that the server has not yet been told about. */
export async function unacknowledgedNotices(db: SotayDb): Promise<string[]> {
  return (await getSyncState(db)).unacknowledged ?? [];
}

/** The server took the acknowledgement of `ids`. */
export function noticesAcknowledged(db: SotayDb, ids: readonly string[]): Promise<void> {
  const done = new Set(ids);
  return guardStorage(() =>
    db.transaction('rw', db.meta, async () => {
      const state = await getSyncState(db);
      const rest = (state.unacknowledged ?? []).filter((id) => !done.has(id));
      await updateSyncState(db, { unacknowledged: rest.length > 0 ? rest : undefined });
    }),
  );
}

async function dropNote(db: SotayDb, id: string): Promise<void> {
  const rest = conflictNotes(await getSyncState(db)).filter((note) => note.id !== id);
  await updateSyncState(db, { conflicts: rest.length > 0 ? rest : undefined });
}

/** The user has seen the note and keeps the record as it is. */
export function dismissConflictNote(db: SotayDb, id: string): Promise<void> {
  return guardStorage(() => db.transaction('rw', db.meta, () => dropNote(db, id)));
}

/** Tables a restore writes: the record's, its outbox row and shadow, the notes. */
const RESTORE_TABLES = ['outbox', 'shadows', 'enterprises', 'visits', 'signups', 'meta'] as const;

/**
 * One tap: the note's lost value goes back into the record as an ordinary local edit (checked
 * like any edit, then writeLocalChange), and the note goes. False when the note is gone; a record
 * no longer on the device only loses its note.
 */
export function restoreConflictNote(db: SotayDb, id: string): Promise<boolean> {
  const now = nowIso();
  return guardStorage(() =>
    db.transaction('rw', RESTORE_TABLES, async () => {
      const note = conflictNotes(await getSyncState(db)).find((n) => n.id === id);
      if (note === undefined || !note.restorable) return false;
      const stored = await syncTable(db, note.entity).get(note.entityId);
      const record = stored === undefined ? undefined : syncRecordOf(stored);
      if (stored !== undefined && record !== undefined) {
        const restored: Record<string, unknown> = { ...record };
        if (note.lost === undefined) delete restored[note.field];
        else restored[note.field] = note.lost;
        const checked = validateMutationData(note.entity, restored);
        if (!checked.ok) throw new ValidationError(note.entity, checked.issues);
        const change = {
          entity: note.entity,
          entityId: note.entityId,
          op: 'put' as const,
          data: checked.value,
        };
        await writeLocalChange(db, change, stored, now);
      }
      await dropNote(db, id);
      return true;
    }),
  );
}

/** A note with the field's value in the record as stored now (absent: the record is gone). */
export type ConflictNoteView = { note: ConflictNote; exists: boolean; current?: unknown };

/** The notes, newest first, each with the record's current value of its field. */
export async function listConflictNotes(db: SotayDb): Promise<ConflictNoteView[]> {
  const notes = conflictNotes(await getSyncState(db)).reverse();
  const rows = await Promise.all(
    notes.map((note) => syncTable(db, note.entity).get(note.entityId)),
  );
  return notes.map((note, index) => {
    const row = rows[index] as Record<string, unknown> | undefined;
    if (row === undefined) return { note, exists: false };
    const current = row[note.field];
    return current === undefined ? { note, exists: true } : { note, exists: true, current };
  });
}
