import { addScreenMessages, type MessageKey, type MessageParams, t } from '../i18n';
import { rulesVi } from '../i18n/catalog/rules';
import { vnVi } from '../i18n/catalog/vn';

// A finding's message is rendered as it is made (makeIssue): the validators' and the rules'
// messages come with this module, so every finding has its message, and the first screen, which
// makes none, does not carry them.
addScreenMessages(vnVi);
addScreenMessages(rulesVi);

/** One finding of a check. `code` is stable (e.g. `tax_code.checksum`); `message` is localised. */
export type Issue = { field: string; level: 'error' | 'warning'; code: string; message: string };

/** Valid when no issue has level `error`; `value` is the normalised form. */
export type Result<T> = { value?: T; issues: Issue[] };

export function isValid<T>(result: Result<T>): boolean {
  return !result.issues.some((issue) => issue.level === 'error');
}

/** The message is rendered now, in the current UI language, so an Issue is plain data. */
export function makeIssue(
  field: string,
  level: Issue['level'],
  code: MessageKey,
  params?: MessageParams,
): Issue {
  return { field, level, code, message: t(code, params) };
}

/** Attaches `value` only when no issue is an error (warnings keep the value). */
export function resultOf<T>(value: T, issues: Issue[]): Result<T> {
  return isValid({ issues }) ? { value, issues } : { issues };
}
