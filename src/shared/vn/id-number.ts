import { cccdProvinceCodes } from './cccd-provinces';
import { parseDate } from './date';
import { type Issue, makeIssue, type Result, resultOf } from './issue';
import { precheck } from './precheck';

export type IdNumberContext = {
  gender?: 'male' | 'female';
  /** ISO `YYYY-MM-DD` (or anything parseDate accepts). */
  dateOfBirth?: string;
  /** ISO 3166 alpha-2; absent or empty means 'VN'. */
  nationality?: string;
};

const PASSPORT = /^[A-Z0-9]{6,20}$/;
// Century+sex digit 0–3 covers births 1900–2099; 4–9 (2100s…, 1800s) belong to nobody alive.
const MAX_CENTURY_DIGIT = 3;

/**
 * Personal id of a signup: CCCD (12 digits), legacy CMND (9 digits, accepted with a warning),
 * or a passport number when the nationality is not Vietnamese. Spaces and dots are ignored.
 */
export function parseIdNumber(
  input: string,
  context: IdNumberContext = {},
  field = 'idNumber',
): Result<string> {
  const pre = precheck(input, field, 'id_number');
  if (!pre.ok) return { issues: pre.issues };
  // Callers outside TypeScript (JSON bodies) may pass null: treat it as no context.
  const ctx: IdNumberContext = context ?? {};
  if (!isVietnamese(ctx.nationality)) return parsePassport(pre.text, field);
  const digits = pre.text.replace(/[\s.]+/g, '');
  if (/^\d{9}$/.test(digits)) {
    return resultOf(digits, [makeIssue(field, 'warning', 'id_number.legacy_cmnd')]);
  }
  if (!/^\d{12}$/.test(digits)) {
    return { issues: [makeIssue(field, 'error', 'id_number.format')] };
  }
  return resultOf(digits, cccdIssues(digits, ctx, field));
}

function isVietnamese(nationality: unknown): boolean {
  if (typeof nationality !== 'string') return true;
  const code = nationality.trim().toUpperCase();
  return code === '' || code === 'VN' || code === 'VNM';
}

function parsePassport(text: string, field: string): Result<string> {
  const compact = text.replace(/[\s.-]+/g, '').toUpperCase();
  if (!PASSPORT.test(compact) || !/\d/.test(compact)) {
    return { issues: [makeIssue(field, 'error', 'id_number.passport')] };
  }
  return { value: compact, issues: [] };
}

function cccdIssues(digits: string, context: IdNumberContext, field: string): Issue[] {
  const issues: Issue[] = [];
  const province = digits.slice(0, 3);
  if (!cccdProvinceCodes().has(province)) {
    issues.push(makeIssue(field, 'error', 'id_number.province', { code: province }));
  }
  const centuryDigit = Number(digits.charAt(3));
  if (centuryDigit > MAX_CENTURY_DIGIT) {
    issues.push(makeIssue(field, 'error', 'id_number.century', { digit: centuryDigit }));
    return issues;
  }
  const gender = centuryDigit % 2 === 0 ? 'male' : 'female';
  if (isGender(context.gender) && context.gender !== gender) {
    issues.push(makeIssue(field, 'warning', 'id_number.gender_mismatch'));
  }
  const birthYear = 1900 + 100 * Math.floor(centuryDigit / 2) + Number(digits.slice(4, 6));
  const enteredYear = yearOf(context.dateOfBirth);
  if (enteredYear !== undefined && enteredYear !== birthYear) {
    issues.push(
      makeIssue(field, 'warning', 'id_number.birth_year_mismatch', {
        idYear: birthYear,
        year: enteredYear,
      }),
    );
  }
  return issues;
}

function isGender(value: unknown): value is 'male' | 'female' {
  return value === 'male' || value === 'female';
}

function yearOf(dateOfBirth: unknown): number | undefined {
  if (typeof dateOfBirth !== 'string') return undefined;
  const iso = parseDate(dateOfBirth).value;
  return iso === undefined ? undefined : Number(iso.slice(0, 4));
}
