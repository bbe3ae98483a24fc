import * as v from 'valibot';
import {
  CONTRACT_TYPES,
  GENDERS,
  isCalendarDate,
  MANAGER_ROLES,
  type Signup,
  signupSchema,
} from '../schemas';
import { parseDate } from '../vn/date';
import { parseIdNumber } from '../vn/id-number';
import type { Issue, Result } from '../vn/issue';
import { parsePhone } from '../vn/phone';
import { checkDecisionDate } from './admission';
import { isAfter, todayInVietnam } from './dates';
import { checkEligibility } from './eligibility';
import { fieldIssue, fromValibot, hasErrors } from './issues';
import {
  asRecord,
  filledString,
  oneOf,
  optionalBoolean,
  optionalNumber,
  type UnknownRecord,
} from './record-input';

/**
 * The full check of a membership application: strict schema, Vietnamese ID number and phone,
 * dates not in the future, an admission decision not dated before the signature, eligibility. Every issue at once; never throws, whatever the input.
 */

export type SignupCheckOptions = {
  /** ISO date of "today" on Vietnam's calendar; defaults to the current one. */
  today?: string;
};

type Mode = 'draft' | 'submitted';

const DATE_FIELDS = ['dateOfBirth', 'signedAt', 'startedWorkingAt'] as const;

/** Issues of `signup` as it would be submitted (a `draft` status is judged as `submitted`). */
export function checkSubmittedSignup(signup: unknown, options: SignupCheckOptions = {}): Issue[] {
  return reviewSignup(signup, options).issues;
}

/**
 * Issues to show inline while a draft is being typed: the same checks, but a missing field (or
 * consent not yet given) is not an issue yet.
 */
export function checkDraftSignup(draft: unknown, options: SignupCheckOptions = {}): Issue[] {
  return review(draft, options.today ?? todayInVietnam(), 'draft').issues;
}

/**
 * The check plus the record to store: dates typed as `dd/mm/yyyy` become ISO, the ID number
 * and phone take their canonical forms (`+84…`). `value` is present only without errors. A draft
 * comes back with status `submitted`: this is how a draft becomes the record to submit (the
 * caller sets `submittedAt`).
 */
export function reviewSignup(input: unknown, options: SignupCheckOptions = {}): Result<Signup> {
  return review(input, options.today ?? todayInVietnam(), 'submitted');
}

function review(input: unknown, today: string, mode: Mode): Result<Signup> {
  const record = asRecord(input);
  const candidate = canonicalDates(record);
  const parsed = v.safeParse(signupSchema, candidate);
  const schemaIssues = parsed.success
    ? []
    : fromValibot('signup', parsed.issues).map((issue) => namedDateProblem(issue, record));
  const kept = mode === 'draft' ? schemaIssues.filter((i) => !isMissing(i)) : schemaIssues;
  const flagged = new Set(schemaIssues.map((issue) => issue.field));
  const idNumber = checkIdNumber(candidate, flagged);
  const phone = checkPhone(candidate, flagged);
  const future = futureDateIssues(candidate, flagged, today);
  // A date already reported (unreadable, in the future) is used neither for the age rule nor
  // to judge the decision date.
  for (const issue of future) flagged.add(issue.field);
  const decision = decisionDateIssues(candidate, flagged, today);
  const issues = onePerProblem([
    ...kept,
    ...idNumber.issues,
    ...phone.issues,
    ...future,
    ...decision,
    ...checkEligibility(eligibilityInput(candidate, flagged), { mode, today }),
  ]);
  if (!parsed.success || hasErrors(issues)) return { issues };
  const value: Signup = { ...parsed.output };
  if (idNumber.value !== undefined) value.idNumber = idNumber.value;
  if (phone.value !== undefined) value.phone = phone.value;
  return { value, issues };
}

/**
 * One message per problem: "Xác nhận tự nguyện không được để trống" says less than the rule's
 * "Người lao động chưa xác nhận tự nguyện…" about the same box, so a field's bare `required` goes
 * when another error of the same field explains it.
 */
function onePerProblem(issues: Issue[]): Issue[] {
  const explained = new Set(
    issues.filter((i) => i.level === 'error' && !isMissing(i)).map((i) => i.field),
  );
  return issues.filter((issue) => !(isMissing(issue) && explained.has(issue.field)));
}

/**
 * An unreadable date keeps its stable code (`signup.date_of_birth.invalid`) but says what is
 * wrong with it, as parseDate does: "Tháng 2 năm 1995 không có ngày 31".
 */
function namedDateProblem(issue: Issue, record: UnknownRecord): Issue {
  if (!(DATE_FIELDS as readonly string[]).includes(issue.field) || isMissing(issue)) return issue;
  const raw = filledString(record[issue.field]);
  const problem = raw === undefined ? undefined : parseDate(raw, issue.field).issues[0];
  return problem === undefined ? issue : { ...issue, message: problem.message };
}

function isMissing(issue: Issue): boolean {
  return issue.code.endsWith('.required');
}

/** Draft → submitted, and typed dates in ISO form where they can be read. */
function canonicalDates(record: UnknownRecord): UnknownRecord {
  const copy: UnknownRecord = { ...record };
  if (copy['status'] === 'draft') copy['status'] = 'submitted';
  for (const field of DATE_FIELDS) {
    const raw = filledString(copy[field]);
    const iso = raw === undefined ? undefined : parseDate(raw, field).value;
    if (iso !== undefined) copy[field] = iso;
  }
  return copy;
}

function checkIdNumber(candidate: UnknownRecord, flagged: Set<string>): Result<string> {
  const raw = filledString(candidate['idNumber']);
  if (raw === undefined || flagged.has('idNumber')) return { issues: [] };
  const gender = oneOf(GENDERS, candidate['gender']);
  const dateOfBirth = flagged.has('dateOfBirth')
    ? undefined
    : filledString(candidate['dateOfBirth']);
  // An unknown nationality is reported on its own field; the ID is then read as Vietnamese (the
  // default), so that a mistyped nationality can never switch the CCCD checks off.
  const nationality = flagged.has('nationality')
    ? undefined
    : filledString(candidate['nationality']);
  return parseIdNumber(
    raw,
    {
      ...(gender !== undefined && { gender }),
      ...(dateOfBirth !== undefined && { dateOfBirth }),
      ...(nationality !== undefined && { nationality }),
    },
    'idNumber',
  );
}

function checkPhone(candidate: UnknownRecord, flagged: Set<string>): Result<string> {
  const raw = filledString(candidate['phone']);
  if (raw === undefined || flagged.has('phone')) return { issues: [] };
  return parsePhone(raw, 'phone');
}

function futureDateIssues(candidate: UnknownRecord, flagged: Set<string>, today: string): Issue[] {
  return DATE_FIELDS.filter((field) => {
    const value = candidate[field];
    return !flagged.has(field) && typeof value === 'string' && isAfter(value, today);
  }).map((field) => fieldIssue('signup', field, 'future'));
}

/** The admission decision: not in the future, not before the application was signed. */
function decisionDateIssues(
  candidate: UnknownRecord,
  flagged: Set<string>,
  today: string,
): Issue[] {
  const date = asRecord(candidate['decision'])['date'];
  if (flagged.has('decision.date') || typeof date !== 'string' || !isCalendarDate(date)) return [];
  const signedAt = flagged.has('signedAt') ? undefined : filledString(candidate['signedAt']);
  return checkDecisionDate(date, signedAt, today);
}

function eligibilityInput(candidate: UnknownRecord, flagged: Set<string>) {
  const date = (field: string) => (flagged.has(field) ? undefined : filledString(candidate[field]));
  return {
    managerRole: oneOf(MANAGER_ROLES, candidate['managerRole']),
    servingSentence: optionalBoolean(candidate['servingSentence']),
    dateOfBirth: date('dateOfBirth'),
    signedAt: date('signedAt'),
    nationality: flagged.has('nationality') ? undefined : filledString(candidate['nationality']),
    contractType: oneOf(CONTRACT_TYPES, candidate['contractType']),
    contractMonths: optionalNumber(candidate['contractMonths']),
    consent: optionalBoolean(candidate['consent']),
  };
}
