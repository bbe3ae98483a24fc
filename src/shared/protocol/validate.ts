import * as v from 'valibot';
import { checkEnterprise } from '../domain/enterprise-check';
import { checkIndicatorEntry } from '../domain/entry-check';
import { fieldIssue, fromValibot, hasErrors } from '../domain/issues';
import { asRecord } from '../domain/record-input';
import { reviewSignup } from '../domain/signup-check';
import { checkTarget } from '../domain/targets';
import { checkVisit } from '../domain/visit-check';
import type {
  Enterprise,
  IndicatorEntry,
  SignupRecord,
  SyncEntity,
  Target,
  Visit,
} from '../schemas';
import { malformedValues, SERVER_SET_FIELDS, signupDraftSchema } from '../schemas';
import type { Issue, Result } from '../vn/issue';
import { makeIssue } from '../vn/issue';
import { type Mutation, mutationSchema } from './push-pull';

/**
 * The one gate for synced data, run by the device before it writes and by the server before it
 * applies a push: the right schema for the entity, the Vietnamese rules, and — for a signup that
 * is submitted or later — the full strict check with eligibility. Warnings do not block.
 */

/** The record of each synced entity: a put's `data`, a pull's `data`, a device's outbox row. */
export type SyncRecord = {
  enterprise: Enterprise;
  visit: Visit;
  signup: SignupRecord;
  target: Target;
  indicatorEntry: IndicatorEntry;
};
/** The record of any synced entity. */
export type AnySyncRecord = SyncRecord[SyncEntity];

export type MutationDataResult<T> =
  | { ok: true; value: T; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

export type ValidateOptions = {
  /** ISO date of "today" on Vietnam's calendar (dates may not be after it); defaults to now. */
  today?: string;
};

function checkSignupRecord(data: unknown, options: ValidateOptions): Result<SignupRecord> {
  if (asRecord(data)['status'] !== 'draft') return reviewSignup(data, options);
  const parsed = v.safeParse(signupDraftSchema, data);
  return parsed.success
    ? { value: parsed.output, issues: [] }
    : { issues: fromValibot('signup', parsed.issues) };
}

const CHECKS: {
  [E in SyncEntity]: (data: unknown, options: ValidateOptions) => Result<SyncRecord[E]>;
} = {
  enterprise: checkEnterprise,
  visit: (data) => checkVisit(data),
  signup: checkSignupRecord,
  target: (data) => checkTarget(data),
  indicatorEntry: checkIndicatorEntry,
};

/** Validates and normalises a record of `entity` (phones in E.164, ISO dates, NFC text). */
export function validateMutationData<E extends SyncEntity>(
  entity: E,
  data: unknown,
  options: ValidateOptions = {},
): MutationDataResult<SyncRecord[E]> {
  const { value, issues } = CHECKS[entity](data, options);
  if (value === undefined || hasErrors(issues)) return { ok: false, issues };
  return { ok: true, value, warnings: issues };
}

export type MutationCheck =
  | { ok: true; mutation: Mutation; value?: SyncRecord[SyncEntity]; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

// Never "replaced": the record's id, and what the server sets on every write.
const NOT_REPLACEABLE: ReadonlySet<string> = new Set(['id', ...SERVER_SET_FIELDS]);

/**
 * A merged put's `replaced` list: only on a put made on a known version, on fields a user sets,
 * and its values well-formed like any data (they reach another user's screen).
 */
function replacedIssues(mutation: Mutation): Issue[] {
  const { replaced } = mutation;
  if (replaced === undefined) return [];
  if (mutation.op !== 'put' || mutation.baseVersion === undefined) {
    return [makeIssue('replaced', 'error', 'mutation.replaced_unexpected')];
  }
  const issues = malformedValues(replaced, 'replaced').map(({ path, kind }) =>
    fieldIssue(mutation.entity, path, kind),
  );
  replaced.forEach(({ field }, index) => {
    if (NOT_REPLACEABLE.has(field)) {
      issues.push(
        makeIssue(`replaced.${index}.field`, 'error', 'mutation.replaced_field', { field }),
      );
    }
  });
  return issues;
}

/**
 * A whole mutation as read from a push: its envelope, every string well-formed text and every
 * number finite (the `replaced` list's too), `data` present for a put and absent for a delete, `data.id` equal to
 * `entityId`, then validateMutationData. Never throws.
 */
export function validateMutation(raw: unknown, options: ValidateOptions = {}): MutationCheck {
  const parsed = v.safeParse(mutationSchema, raw);
  if (!parsed.success) return { ok: false, issues: fromValibot('mutation', parsed.issues) };
  const mutation = parsed.output;
  // Before any schema: drafts and fields no schema reads are covered too (docs/design.md §5).
  const malformed = malformedValues(mutation.data).map(({ path, kind }) =>
    fieldIssue(mutation.entity, path || 'data', kind),
  );
  if (malformed.length > 0) return { ok: false, issues: malformed };
  const replaced = replacedIssues(mutation);
  if (replaced.length > 0) return { ok: false, issues: replaced };
  const hasData = mutation.data !== undefined && mutation.data !== null;
  if (mutation.op === 'delete') {
    return hasData
      ? { ok: false, issues: [makeIssue('data', 'error', 'mutation.data_unexpected')] }
      : { ok: true, mutation, warnings: [] };
  }
  if (!hasData)
    return { ok: false, issues: [makeIssue('data', 'error', 'mutation.data_required')] };
  const idIssues =
    asRecord(mutation.data)['id'] === mutation.entityId
      ? []
      : [makeIssue('id', 'error', 'mutation.id_mismatch')];
  const result = validateMutationData(mutation.entity, mutation.data, options);
  if (!result.ok) return { ok: false, issues: [...idIssues, ...result.issues] };
  if (idIssues.length > 0) return { ok: false, issues: idIssues };
  return { ok: true, mutation, value: result.value, warnings: result.warnings };
}
