import type { Decision, Signup, SignupRecord, SignupStatus } from '../schemas';
import type { Issue } from '../vn/issue';
import { makeIssue } from '../vn/issue';
import { isAfter } from './dates';
import { idNumberKey } from './id-number';
import { fieldIssue } from './issues';
import { ancestorsOf, type UnitLink, unitAndDescendants } from './units';

/**
 * Admission (kết nạp) rules shared by the supervisor's queue on the device and the server:
 * - one decision may admit many applications at once (acceptSignups);
 * - a decision is dated neither in the future nor before the application was signed;
 * - a rejection needs a reason;
 * - an ID number is accepted once per federation: the server refuses a second member, the
 *   queue warns about a possible duplicate (idNumberDuplicateIssues).
 */

/** Issues of a decision date: after `today` (Vietnam's calendar), or before `signedAt`. */
export function checkDecisionDate(
  decisionDate: string,
  signedAt: string | undefined,
  today: string,
  field = 'decision.date',
): Issue[] {
  if (isAfter(decisionDate, today)) return [fieldIssue('signup', field, 'future')];
  if (signedAt !== undefined && isAfter(signedAt, decisionDate)) {
    return [fieldIssue('signup', field, 'before_signing')];
  }
  return [];
}

/** Applications a decision may admit: submitted ones, and rejected ones being reconsidered. */
const ADMISSIBLE: readonly SignupStatus[] = ['submitted', 'rejected'];

export type AdmissionOutcome = {
  accepted: Signup[];
  /** Applications the decision cannot admit, with the reasons. */
  refused: { id: string; issues: Issue[] }[];
};

/**
 * Accepts every admissible application with one decision: status `accepted`, the decision set,
 * any rejection reason cleared. Those that cannot be (a draft, already accepted, signed after
 * the decision) are refused with their issues; the others are not held back by them.
 */
export function acceptSignups(
  signups: readonly SignupRecord[],
  decision: Decision,
  today: string,
): AdmissionOutcome {
  const outcome: AdmissionOutcome = { accepted: [], refused: [] };
  for (const signup of signups) {
    if (signup.status === 'draft' || !ADMISSIBLE.includes(signup.status)) {
      const issue = makeIssue('status', 'error', 'admission.not_admissible');
      outcome.refused.push({ id: signup.id, issues: [issue] });
      continue;
    }
    const issues = checkDecisionDate(decision.date, signup.signedAt, today);
    if (issues.length > 0) {
      outcome.refused.push({ id: signup.id, issues });
      continue;
    }
    const { rejectionReason: _cleared, ...rest } = signup;
    outcome.accepted.push({ ...rest, status: 'accepted', decision });
  }
  return outcome;
}

/** The application rejected with `reason`; issues instead when it cannot be. */
export function rejectSignup(
  signup: SignupRecord,
  reason: string,
): { value?: Signup; issues: Issue[] } {
  if (signup.status !== 'submitted') {
    return { issues: [makeIssue('status', 'error', 'admission.not_rejectable')] };
  }
  const text = reason.trim().normalize('NFC');
  if (text === '') return { issues: [fieldIssue('signup', 'rejectionReason', 'required')] };
  const { decision: _cleared, ...rest } = signup;
  return { value: { ...rest, status: 'rejected', rejectionReason: text }, issues: [] };
}

export { idNumberKey };

export type IdNumberHolder = {
  id: string;
  status: SignupStatus;
  idNumber?: string | undefined;
};

/**
 * Possible duplicates of `signup` among `others` (the federation's applications; the server
 * passes its accepted ones with the same key). Another accepted application with the same ID
 * number means the person is already a member: an error when `signup` itself is accepted (the
 * server refuses it, field `idNumber`), a warning in the queue otherwise. Another submitted one
 * is a warning. Drafts and rejected applications are not compared.
 */
export function idNumberDuplicateIssues(
  signup: IdNumberHolder,
  others: readonly IdNumberHolder[],
): Issue[] {
  const key = idNumberKey(signup.idNumber);
  if (key === '') return [];
  const same = others.filter((o) => o.id !== signup.id && idNumberKey(o.idNumber) === key);
  const members = same.filter((o) => o.status === 'accepted').length;
  const applications = same.filter((o) => o.status === 'submitted').length;
  const issues: Issue[] = [];
  if (members > 0) {
    const level = signup.status === 'accepted' ? 'error' : 'warning';
    issues.push(makeIssue('idNumber', level, 'admission.already_member'));
  }
  if (applications > 0) {
    issues.push(
      makeIssue('idNumber', 'warning', 'admission.duplicate_application', { count: applications }),
    );
  }
  return issues;
}

/**
 * The unit that issued a decision must stand on the record's line of the tree: the record's
 * unit, a unit above it (the upper-level union, the federation) or below it (a CĐCS admitting
 * its own members). A unit of another branch, or one the tree does not know, is an error.
 */
export function checkDecisionIssuer(
  issuedBy: string,
  recordUnitId: string,
  units: readonly UnitLink[],
  field = 'decision.issuedBy',
): Issue[] {
  const known = units.some((unit) => unit.id === issuedBy);
  const onLine =
    ancestorsOf(units, recordUnitId).includes(issuedBy) ||
    unitAndDescendants(units, recordUnitId).has(issuedBy);
  return known && onLine ? [] : [makeIssue(field, 'error', 'admission.issuer_unrelated')];
}
