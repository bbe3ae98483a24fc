import { describe, expect, it } from 'vitest';
import {
  checkTarget,
  copyTargets,
  targetKey,
  targetSplit,
  targetUniquenessIssues,
} from '../../../../src/shared/domain';
import type { Target } from '../../../../src/shared/schemas';
import { fixtureId, makeTarget, makeUnit } from '../../../fixtures/records';

const U = fixtureId(1, 2);
const A = fixtureId(1, 3);
const B = fixtureId(1, 4);
const units = [
  makeUnit({ id: U }),
  makeUnit({ id: A, parentId: U }),
  makeUnit({ id: B, parentId: U }),
  makeUnit({ id: fixtureId(1, 5), parentId: A }),
];
let n = 0;
function target(unitId: string, indicator: Target['indicator'], value: number, year = 2025) {
  n += 1;
  return makeTarget({ id: fixtureId(5, n), unitId, indicator, value, year });
}

describe('one target per unit, year and indicator', () => {
  const existing = [target(U, 'new_members', 100), target(U, 'new_cdcs', 5, 2024)];

  it.each<[string, Target, string[]]>([
    ['another indicator', target(U, 'net_members', 80), []],
    ['the same indicator another year', target(U, 'new_cdcs', 6), []],
    ['the same indicator for another unit', target(A, 'new_members', 60), []],
    ['an edit of the same target', { ...(existing[0] as Target), value: 120 }, []],
    ['a second one', target(U, 'new_members', 90), ['target.duplicate']],
  ])('%s', (_label, candidate, expected) => {
    expect(targetUniquenessIssues(candidate, existing).map((i) => i.code)).toEqual(expected);
  });

  it('keys by unit, year and indicator', () => {
    expect(targetKey({ unitId: U, year: 2025, indicator: 'new_members' })).toBe(
      `${U}|2025|new_members`,
    );
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a valid target', {}, []],
    ['a negative value', { value: -1 }, ['target.value.too_small']],
    ['an entry kind as indicator', { indicator: 'left' }, ['target.indicator.invalid']],
  ])('checkTarget: %s', (_label, overrides, expected) => {
    const result = checkTarget({ ...makeTarget(), ...overrides });
    expect(result.issues.map((i) => i.code)).toEqual(expected);
    expect(result.value !== undefined).toBe(expected.length === 0);
  });
});

describe('targetSplit: what a unit hands down', () => {
  const targets = [
    target(U, 'new_members', 100),
    target(A, 'new_members', 60),
    target(B, 'new_members', 30),
    target(U, 'new_cdcs', 4),
    target(A, 'new_cdcs', 2),
    target(B, 'new_cdcs', 3),
    target(A, 'new_ndcs', 1),
    // A grandchild's target and another year's do not count.
    target(fixtureId(1, 5), 'new_members', 50),
    target(B, 'new_members', 70, 2024),
  ];
  const split = targetSplit(units, targets, U, 2025);
  const row = (indicator: string) => split.find((s) => s.indicator === indicator);

  it.each<[string, number | undefined, number, boolean]>([
    ['new_members', 100, 90, true],
    ['new_cdcs', 4, 5, false],
    ['new_ndcs', undefined, 1, false],
    ['party_admissions', undefined, 0, false],
  ])('%s: own %s, handed down %i, short %s', (indicator, own, handedDown, short) => {
    expect(row(indicator)).toEqual({ indicator, own, handedDown, short });
  });

  it('has a row for every indicator', () => {
    expect(split).toHaveLength(8);
  });
});

describe('copyTargets: last year as a starting point', () => {
  const last = [
    target(U, 'new_members', 100, 2024),
    target(A, 'new_members', 60, 2024),
    target(U, 'new_cdcs', 4, 2024),
    target(fixtureId(1, 9), 'new_members', 10, 2024),
  ];
  const already = target(U, 'new_cdcs', 6, 2025);
  let next = 0;
  const copies = copyTargets([...last, already], new Set([U, A]), 2024, 2025, () => {
    next += 1;
    return fixtureId(7, next);
  });

  it('copies the units asked for, with new ids, skipping targets already set', () => {
    expect(copies).toEqual([
      { id: fixtureId(7, 1), unitId: U, year: 2025, indicator: 'new_members', value: 100 },
      { id: fixtureId(7, 2), unitId: A, year: 2025, indicator: 'new_members', value: 60 },
    ]);
  });
});
