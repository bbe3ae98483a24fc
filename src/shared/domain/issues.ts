import * as v from 'valibot';
import { addScreenMessages, hasMessage, type MessageKey, type MessageParams, t } from '../i18n';
import { fieldsVi } from '../i18n/catalog/fields';
import { rulesVi } from '../i18n/catalog/rules';
import { formatNumber } from '../vn/format';
import type { Issue } from '../vn/issue';

/**
 * Turns Valibot issues into the app's `Issue` (docs/design.md §4): a field path, a stable code
 * `<entity>.<field_in_snake_case>.<kind>` and a message in the current language.
 */

// Issues name their fields: the labels come with this module, not with the first screen, and so
// do the messages of the schema findings (`issue.<kind>`, rules.ts).
addScreenMessages(fieldsVi);
addScreenMessages(rulesVi);

/** Kinds of schema finding; each has the message `issue.<kind>` (catalog/rules.ts). */
export const ISSUE_KINDS = [
  'required',
  'invalid',
  'too_long',
  'too_short',
  'too_small',
  'too_large',
  'not_integer',
  'duplicate',
  'exceeds_worker_count',
  'future',
  'mismatch',
  'before_signing',
  'not_new_year',
  'malformed_text',
  'not_finite',
] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

function isIssueKind(value: unknown): value is IssueKind {
  return (ISSUE_KINDS as readonly unknown[]).includes(value);
}

/** `peopleMet.0.phone` → `peopleMet.phone`: labels and codes do not depend on the index. */
function withoutIndexes(path: string): string {
  return path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
}

function snakeCase(path: string): string {
  return path
    .split('.')
    .map((segment) => segment.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`))
    .join('.');
}

/** The field's label: entity-specific, then generic, then the last segment, else the path. */
export function fieldLabel(entity: string, path: string): string {
  const plain = withoutIndexes(path);
  const last = plain.split('.').pop() ?? plain;
  for (const key of [`field.${entity}.${plain}`, `field.${plain}`, `field.${last}`]) {
    if (hasMessage(key)) return t(key);
  }
  return path;
}

/** The stable code of a finding on `path` of `entity`, e.g. `signup.date_of_birth.future`. */
export function issueCode(entity: string, path: string, kind: IssueKind): string {
  const field = snakeCase(withoutIndexes(path));
  return field === '' ? `${entity}.${kind}` : `${entity}.${field}.${kind}`;
}

/** An Issue of the generic kinds above, with its message rendered now. */
export function fieldIssue(
  entity: string,
  path: string,
  kind: IssueKind,
  options: { level?: Issue['level']; params?: MessageParams } = {},
): Issue {
  const key: MessageKey = `issue.${kind}`;
  const params = { ...options.params, field: fieldLabel(entity, path) };
  return {
    field: path,
    level: options.level ?? 'error',
    code: issueCode(entity, path, kind),
    message: t(key, params),
  };
}

function kindOf(issue: v.BaseIssue<unknown>): IssueKind {
  // Custom checks in src/shared/schemas carry their kind as the message.
  if (isIssueKind(issue.message)) return issue.message;
  if (issue.input === undefined || issue.type === 'non_empty') return 'required';
  switch (issue.type) {
    case 'max_length':
      return 'too_long';
    case 'min_length':
      return 'too_short';
    case 'min_value':
      return 'too_small';
    case 'max_value':
      return 'too_large';
    case 'integer':
      return 'not_integer';
    default:
      return 'invalid';
  }
}

function paramsOf(issue: v.BaseIssue<unknown>, kind: IssueKind): MessageParams {
  const requirement: unknown = (issue as { requirement?: unknown }).requirement;
  if (typeof requirement !== 'number') return {};
  const shown = formatNumber(requirement);
  if (kind === 'too_long' || kind === 'too_large') return { max: shown };
  if (kind === 'too_short' || kind === 'too_small') return { min: shown };
  return {};
}

/** Every Valibot issue as an `Issue`, field paths in dot notation (`contact.phone`). */
export function fromValibot(entity: string, issues: readonly v.BaseIssue<unknown>[]): Issue[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue) ?? '';
    const kind = kindOf(issue);
    return fieldIssue(entity, path, kind, { params: paramsOf(issue, kind) });
  });
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.level === 'error');
}

/** Re-homes an issue from a validator called with its own field name onto a record path. */
export function atField(issues: readonly Issue[], field: string): Issue[] {
  return issues.map((issue) => ({ ...issue, field }));
}
