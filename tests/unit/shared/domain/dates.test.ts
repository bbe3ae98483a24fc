import { describe, expect, it } from 'vitest';
import { ageOn, daysBetween, isAfter, todayInVietnam } from '../../../../src/shared/domain';

describe('todayInVietnam', () => {
  it.each([
    ['2025-03-09T16:59:59Z', '2025-03-09'],
    ['2025-03-09T17:00:00Z', '2025-03-10'],
    ['2024-12-31T23:00:00Z', '2025-01-01'],
  ])('%s → %s', (instant, date) => {
    expect(todayInVietnam(new Date(instant))).toBe(date);
  });
});

describe('ageOn', () => {
  it.each<[string, string, number | undefined]>([
    ['1995-04-12', '2025-04-11', 29],
    ['1995-04-12', '2025-04-12', 30],
    ['2010-12-31', '2025-01-01', 14],
    ['2025-01-01', '2024-01-01', -1],
    ['12/04/1995', '2025-01-01', undefined],
    ['1995-04-12', '2025-02-30', undefined],
  ])('born %s, on %s → %s', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe('isAfter', () => {
  it.each<[string, string, boolean]>([
    ['2025-03-11', '2025-03-10', true],
    ['2025-03-10', '2025-03-10', false],
    ['2025-03-09', '2025-03-10', false],
    ['not a date', '2025-03-10', false],
  ])('%s after %s → %s', (date, today, expected) => {
    expect(isAfter(date, today)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each<[string, string, number | undefined]>([
    ['2026-03-05', '2026-03-05', 0],
    ['2026-02-28', '2026-03-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-12-31', '2026-01-01', 1],
    ['2026-03-05', '2026-03-01', -4],
    ['2026-02-30', '2026-03-01', undefined],
  ])('from %s to %s: %s days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});
