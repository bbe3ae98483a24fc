import { describe, expect, it } from 'vitest';
import {
  BASE_DELAY_MS,
  MAX_DELAY_MS,
  parseRetryAfter,
  retryDelay,
} from '../../../src/sync/backoff';

describe('retryDelay', () => {
  it.each([
    [1, 0, BASE_DELAY_MS / 2],
    [1, 0.999_999, BASE_DELAY_MS],
    [2, 0, BASE_DELAY_MS],
    [3, 1, BASE_DELAY_MS * 4],
    [30, 1, MAX_DELAY_MS],
    [30, 0, MAX_DELAY_MS / 2],
    [0, 1, BASE_DELAY_MS],
  ])('after %i failures with random %f waits %i ms', (failures, r, expected) => {
    expect(retryDelay(failures, undefined, () => r)).toBe(Math.round(expected));
  });

  it('never waits less than the server asked', () => {
    expect(retryDelay(1, 120_000, () => 0)).toBe(120_000);
  });

  it('spreads clients that failed together', () => {
    const delays = new Set(
      Array.from({ length: 50 }, (_, i) => retryDelay(4, undefined, () => i / 50)),
    );
    expect(delays.size).toBeGreaterThan(40);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 10, 22, 3, 0, 0);
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Sun, 22 Nov 2026 03:01:00 GMT', 60_000],
    ['Sun, 22 Nov 2026 02:00:00 GMT', 0],
  ])('reads %s', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it.each([null, '', 'soon', '-5'])('ignores %s', (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});
