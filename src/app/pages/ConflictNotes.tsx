import { useState } from 'preact/hooks';
import {
  type ConflictNote,
  type ConflictNoteView,
  dismissConflictNote,
  restoreConflictNote,
  ValidationError,
} from '../../db';
import { sameValue } from '../../shared/domain/same-value';
import { hasMessage, localeOf, t } from '../../shared/i18n';
import { appDb } from '../db';
import { fieldName } from '../field-labels';
import { formatDateTime } from '../format';
import { saveFailureMessage } from '../forms/submit';
import { afterWrite } from '../sync-scheduler';
import { addSyncMessages } from './sync-messages';

/**
 * Values replaced in a conflict (docs/design.md §6), on the sync screen: the field, both values,
 * who wrote the other one and when, and one tap to restore the value that was overwritten.
 */

addSyncMessages();

/** A field's value as a person reads it: enum labels, numbers in the UI language, "(empty)". */
export function noteValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return t('sync.note.empty');
  if (typeof value === 'boolean') return t(value ? 'sync.note.yes' : 'sync.note.no');
  if (typeof value === 'number') return new Intl.NumberFormat(localeOf()).format(value);
  if (typeof value === 'string') {
    const label = `${field}.${value}`;
    return hasMessage(label) ? t(label) : value;
  }
  // A contact or a list: its parts, each as above.
  const parts = Array.isArray(value) ? value : Object.values(value as object);
  return parts.map((part) => noteValue(field, part)).join(' · ');
}

function who(note: ConflictNote): string {
  return note.by ?? t('sync.note.someone');
}

function fieldLabel(field: string): string {
  const key = `field.${field}`;
  return hasMessage(key) ? fieldName(field) : field;
}

/**
 * The two values of a note, the one the record got first, each under its owner; the one the
 * record holds now is marked in use (either, or neither once the record moved on again).
 */
function values(view: ConflictNoteView): { label: string; value: unknown; testId: string }[] {
  const { note } = view;
  const by = who(note);
  const theirs = note.at
    ? t('sync.note.theirs', { by, when: formatDateTime(note.at) })
    : t('sync.note.theirsNoTime', { by });
  const mine = t('sync.note.yours');
  const [kept, lost] = note.kind === 'merged' ? [mine, theirs] : [theirs, mine];
  const label = (owner: string, value: unknown) =>
    view.exists && sameValue(view.current, value) ? t('sync.note.inUse', { label: owner }) : owner;
  return [
    { label: label(kept, note.kept), value: note.kept, testId: 'note-kept' },
    { label: label(lost, note.lost), value: note.lost, testId: 'note-lost' },
  ];
}

function summary(note: ConflictNote): string {
  if (!note.restorable) return t('sync.note.legacy');
  if (note.kind === 'merged') return t('sync.note.merged', { by: who(note) });
  return note.at
    ? t('sync.note.replaced', { by: who(note), when: formatDateTime(note.at) })
    : t('sync.note.replacedNoTime', { by: who(note) });
}

export function ConflictNotes(props: {
  notes: readonly ConflictNoteView[];
  /** The record a note is about, as the sync screen names it. */
  recordName: (note: ConflictNote) => string;
}) {
  if (props.notes.length === 0) return null;
  return (
    <section class="card" aria-labelledby="sync-conflicts">
      <h2 id="sync-conflicts">{t('sync.conflicts')}</h2>
      <ul class="plain-list" data-testid="sync-conflict-list">
        {props.notes.map((view) => (
          <NoteItem key={view.note.id} view={view} recordName={props.recordName(view.note)} />
        ))}
      </ul>
    </section>
  );
}

function NoteItem({ view, recordName }: { view: ConflictNoteView; recordName: string }) {
  const { note } = view;
  const [failure, setFailure] = useState('');
  const restored = view.exists && sameValue(view.current, note.lost);
  const restore = async () => {
    setFailure('');
    try {
      await restoreConflictNote(appDb(), note.id);
      afterWrite();
    } catch (error) {
      setFailure(
        error instanceof ValidationError
          ? error.issues.map((issue) => issue.message).join(' ')
          : saveFailureMessage(error),
      );
    }
  };
  const restoreLabel =
    note.kind === 'merged'
      ? t('sync.note.useTheirs', { by: who(note) })
      : t('sync.note.restoreMine');
  return (
    <li data-testid="conflict-note" data-kind={note.kind}>
      <strong>{t('sync.note.title', { record: recordName, field: fieldLabel(note.field) })}</strong>
      <p>{summary(note)}</p>
      {note.restorable && (
        <dl class="note-values">
          {values(view).map((item) => (
            <div key={item.testId}>
              <dt>{item.label}</dt>
              <dd data-testid={item.testId}>{noteValue(note.field, item.value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {!view.exists && <p class="muted">{t('sync.note.gone')}</p>}
      {view.exists && note.restorable && restored && <p class="muted">{t('sync.note.restored')}</p>}
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      <div class="form-actions">
        {view.exists && note.restorable && !restored && (
          <button type="button" class="button primary" onClick={() => void restore()}>
            {restoreLabel}
          </button>
        )}
        <button
          type="button"
          class="button"
          onClick={() => void dismissConflictNote(appDb(), note.id)}
        >
          {t('sync.note.dismiss')}
        </button>
      </div>
    </li>
  );
}
