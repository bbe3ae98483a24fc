import { StorageFullError, ValidationError } from '../../db';
import { hasErrors } from '../../shared/domain/issues';
import { t } from '../../shared/i18n';
import type { Issue } from '../../shared/vn/core';
import { describeError } from '../data/load';

/**
 * The one way a form saves: map the typed fields to a record, validate it, save it, then go on
 * (navigate) — each a small function of the form's own, run here in that order.
 */
export type SaveSteps<V, S> = {
  /** Map and check: the record to save, or the issues that stop it. */
  validate: () => { value?: V | undefined; issues: Issue[] };
  save: (value: V) => Promise<S>;
  /** After a successful save: usually navigate. */
  done: (saved: S) => void;
};

export type SaveOutcome = {
  /** Shown on their fields; warnings may come with a successful save. */
  issues: Issue[];
  /** Why nothing was saved when no field is to blame (storage, an unexpected error). */
  failure: string;
  saved: boolean;
};

/**
 * A failure already put in the user's words (a server's refusal of an online action): a form
 * shows its message as it is.
 */
export class SaidError extends Error {}

/** Why a save failed, in the organizer's words: the one place for the storage message. */
export function saveFailureMessage(error: unknown): string {
  if (error instanceof StorageFullError) return t('storage.quotaError');
  if (error instanceof SaidError) return error.message;
  return t('form.saveFailed', { error: describeError(error) });
}

export async function runSave<V, S>(steps: SaveSteps<V, S>): Promise<SaveOutcome> {
  const checked = steps.validate();
  if (checked.value === undefined || hasErrors(checked.issues)) {
    return { issues: checked.issues, failure: '', saved: false };
  }
  let saved: S;
  try {
    saved = await steps.save(checked.value);
  } catch (error) {
    // The storage layer checks again with the same rules: its findings belong on the fields.
    if (error instanceof ValidationError)
      return { issues: error.issues, failure: '', saved: false };
    return { issues: checked.issues, failure: saveFailureMessage(error), saved: false };
  }
  steps.done(saved);
  return { issues: checked.issues, failure: '', saved: true };
}
