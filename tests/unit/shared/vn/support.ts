import type { Issue, Result } from '../../../../src/shared/vn';

/** Codes of a result's issues, in order: the shape most tables assert on. */
export function codes(result: Result<string>): string[] {
  return result.issues.map((issue) => issue.code);
}

export function errorCodes(result: Result<string>): string[] {
  return result.issues.filter((issue) => issue.level === 'error').map((issue) => issue.code);
}

export function warningCodes(result: Result<string>): string[] {
  return result.issues.filter((issue) => issue.level === 'warning').map((issue) => issue.code);
}

export function isWellFormedIssue(issue: Issue): boolean {
  return (
    typeof issue.field === 'string' &&
    issue.field !== '' &&
    (issue.level === 'error' || issue.level === 'warning') &&
    /^[a-z_]+\.[a-z_]+$/.test(issue.code) &&
    typeof issue.message === 'string' &&
    issue.message !== ''
  );
}

/** mulberry32: a tiny seeded PRNG, so a failing property run can be replayed exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
