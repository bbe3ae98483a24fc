import { type Issue, makeIssue } from './issue';
import { foldFullWidth, MAX_INPUT_LENGTH } from './text';

type CodePrefix = 'tax_code' | 'phone' | 'id_number' | 'date';

export type Precheck = { ok: true; text: string } | { ok: false; issues: Issue[] };

/**
 * Common first step of every parser: refuse non-strings, empty and oversized input, then fold
 * full-width ASCII (typed by some IMEs and pasted from PDFs) to plain ASCII and trim.
 */
export function precheck(input: unknown, field: string, prefix: CodePrefix): Precheck {
  const raw = typeof input === 'string' ? input : '';
  if (raw.trim() === '') {
    return { ok: false, issues: [makeIssue(field, 'error', `${prefix}.required`)] };
  }
  if (raw.length > MAX_INPUT_LENGTH) {
    return {
      ok: false,
      issues: [makeIssue(field, 'error', `${prefix}.too_long`, { max: MAX_INPUT_LENGTH })],
    };
  }
  return { ok: true, text: foldFullWidth(raw).trim() };
}
