import { type Issue, makeIssue, type Result, resultOf } from './issue';
import { precheck } from './precheck';

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;
const TAX_CODE = /^(\d{10})(?:-(\d{3}))?$/;
// Hyphen look-alikes that word processors and phone keyboards substitute for '-'.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;

/**
 * Check digit of an MST from its first nine digits: 10 − (Σ dᵢ·wᵢ mod 11).
 * Σ mod 11 = 0 would need a check "digit" of 10, which no digit can hold, so such prefixes
 * are never issued and this returns undefined. (Σ mod 11 = 1 gives 9 and 10 gives 0, both
 * ordinary digits: e.g. Vinamilk's 0300588569 has Σ mod 11 = 1.)
 */
export function taxCodeCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) return undefined;
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += weight * Number(firstNine.charAt(i));
  });
  const check = 10 - (sum % 11);
  return check === 10 ? undefined : check;
}

/**
 * Vietnamese enterprise tax code (mã số thuế): `NNNNNNNNNN` or branch form `NNNNNNNNNN-NNN`.
 * Spaces anywhere are ignored ("0100 233 488 - 001" is fine); the value is the compact form.
 * A 13-digit string without the dash is refused: the dash is how the branch form is written.
 */
export function parseTaxCode(input: string, field = 'taxCode'): Result<string> {
  const pre = precheck(input, field, 'tax_code');
  if (!pre.ok) return { issues: pre.issues };
  const compact = pre.text.replace(/\s+/g, '').replace(DASHES, '-');
  const match = TAX_CODE.exec(compact);
  const main = match?.[1];
  if (!match || main === undefined) {
    return { issues: [makeIssue(field, 'error', 'tax_code.format')] };
  }
  const issues: Issue[] = [];
  if (taxCodeCheckDigit(main.slice(0, 9)) !== Number(main.charAt(9))) {
    issues.push(makeIssue(field, 'error', 'tax_code.checksum'));
  }
  const branch = match[2];
  if (branch === '000') {
    issues.push(makeIssue(field, 'error', 'tax_code.branch'));
  }
  return resultOf(branch === undefined ? main : `${main}-${branch}`, issues);
}
