import { describe, expect, it } from 'vitest';
import {
  expectedByDate,
  expectedShare,
  isBehindPace,
  paceGap,
} from '../../../../src/shared/domain';

describe('expectedShare', () => {
  it.each<[string, number]>([
    ['2025-06-30', 6 / 12],
    ['2025-03-31', 3 / 12],
    ['2025-12-31', 1],
    ['2025-03-15', (2 + 15 / 31) / 12],
    ['2024-02-29', 2 / 12],
    ['2025-02-14', (1 + 14 / 28) / 12],
    ['2025-01-01', 1 / 31 / 12],
  ])('on %s: %f of the year', (date, share) => {
    expect(expectedShare(date)).toBeCloseTo(share, 12);
  });

  it.each(['2025-02-30', '30/06/2025', ''])('undefined for %s', (date) => {
    expect(expectedShare(date)).toBeUndefined();
  });

  it('expects half of a target of 8.500 at the end of June', () => {
    expect(expectedByDate(8_500, '2025-06-30')).toBe(4_250);
  });
});

describe('behind the pace', () => {
  it.each<[number, number, string, boolean, number | undefined]>([
    // actual, target, date, behind, gap in points
    [40, 100, '2025-06-30', true, -10],
    [50, 100, '2025-06-30', false, 0],
    [60, 100, '2025-06-30', false, 10],
    [9_016, 8_500, '2025-12-31', false, 6.07],
    [1, 3, '2025-03-31', false, 8.33],
    [4, 25, '2025-03-31', true, -9],
    [3, 0, '2025-06-30', false, undefined],
  ])('%i of %i on %s: behind %s, gap %s', (actual, target, date, behind, gap) => {
    expect(isBehindPace(actual, target, date)).toBe(behind);
    expect(paceGap(actual, target, date)).toBe(gap);
  });

  it('ranks units from the furthest behind', () => {
    const units = [
      { name: 'A', actual: 40, target: 100 },
      { name: 'B', actual: 5, target: 8 },
      { name: 'C', actual: 20, target: 80 },
    ];
    const ranked = [...units].sort(
      (a, b) =>
        (paceGap(a.actual, a.target, '2025-06-30') ?? 0) -
        (paceGap(b.actual, b.target, '2025-06-30') ?? 0),
    );
    expect(ranked.map((unit) => unit.name)).toEqual(['C', 'A', 'B']);
  });
});
