import { type Issue, makeIssue, type Result, resultOf } from './issue';
import { precheck } from './precheck';

// National significant number (after +84 / the trunk 0): mobile 9 digits, landline 10 (02x…).
const MOBILE_LENGTH = 9;
const LANDLINE_LENGTH = 10;
const MOBILE_PREFIX = /^(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)/;
const SEPARATORS = /[\s.\-()]/g;

/**
 * Vietnamese phone number, mobile (0… 10 digits) or landline (02… 11 digits), written with
 * `0`, `+84`, `84` or `0084`, with spaces, dots, dashes or parentheses. `+84 0912…` (the trunk
 * 0 kept after the country code, a common habit) is accepted too. Value: E.164 `+84…`.
 */
export function parsePhone(input: string, field = 'phone'): Result<string> {
  const pre = precheck(input, field, 'phone');
  if (!pre.ok) return { issues: pre.issues };
  const compact = pre.text.replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) {
    return { issues: [makeIssue(field, 'error', 'phone.format')] };
  }
  if (compact.startsWith('+') && !compact.startsWith('+84')) {
    return { issues: [makeIssue(field, 'error', 'phone.country')] };
  }
  const national = nationalNumber(compact);
  if (national === undefined) {
    return { issues: [makeIssue(field, 'error', 'phone.format')] };
  }
  return resultOf(`+84${national}`, numberIssues(national, field));
}

function nationalNumber(compact: string): string | undefined {
  let rest: string;
  if (compact.startsWith('+84')) rest = compact.slice(3);
  else if (compact.startsWith('0084')) rest = compact.slice(4);
  else if (compact.startsWith('84') && compact.length > MOBILE_LENGTH + 1) rest = compact.slice(2);
  else if (compact.startsWith('0')) return compact.slice(1);
  else return undefined;
  return rest.startsWith('0') ? rest.slice(1) : rest;
}

function numberIssues(national: string, field: string): Issue[] {
  const issues: Issue[] = [];
  const landline = national.startsWith('2');
  const expected = landline ? LANDLINE_LENGTH : MOBILE_LENGTH;
  if (national.length !== expected) {
    // Counted as written, with the trunk 0: what the user sees on the screen.
    issues.push(makeIssue(field, 'error', 'phone.length', { count: national.length + 1 }));
  }
  if (!landline && national.length >= 2 && !MOBILE_PREFIX.test(national)) {
    issues.push(makeIssue(field, 'error', 'phone.prefix', { prefix: `0${national.slice(0, 2)}` }));
  }
  return issues;
}
