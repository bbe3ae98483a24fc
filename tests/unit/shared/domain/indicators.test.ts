import { describe, expect, it } from 'vitest';
import {
  computeIndicators,
  formatIndicatorProgress,
  formatProgress,
  type IndicatorData,
  type IndicatorScope,
  indicatorValue,
  monthPeriod,
  type Period,
  percentOf,
  unitAndDescendants,
  yearToDate,
} from '../../../../src/shared/domain';
import type { Indicator, SignupRecord } from '../../../../src/shared/schemas';
import {
  fixtureId,
  makeEnterprise,
  makeIndicatorEntry,
  makeSignup,
  makeSignupDraft,
  makeTarget,
  makeUnit,
} from '../../../fixtures/records';

// Units: federation F > upper U > commune C, and F > other O. Reports are for U (U + C).
const F = fixtureId(1, 1);
const U = fixtureId(1, 2);
const C = fixtureId(1, 3);
const O = fixtureId(1, 4);
const units = [
  makeUnit({ id: F, kind: 'federation', parentId: undefined }),
  makeUnit({ id: U, kind: 'upper', parentId: F }),
  makeUnit({ id: C, kind: 'commune', parentId: U }),
  makeUnit({ id: O, kind: 'upper', parentId: F }),
];

const e = (n: number) => fixtureId(2, n);
function founded(
  n: number,
  unitId: string,
  foundedAt: string,
  workerCount: number,
  stage: 'founded' | 'closed' = 'founded',
) {
  return makeEnterprise({
    id: e(n),
    unitId,
    stage,
    workerCount,
    femaleWorkerCount: 0,
    foundedAt,
    foundingDecision: { number: `${n}/QĐ`, date: foundedAt },
  });
}

const enterprises = [
  founded(1, U, '2025-03-15', 320),
  founded(2, C, '2025-01-20', 20),
  founded(3, O, '2025-03-02', 100),
  founded(4, U, '2024-12-30', 50),
  makeEnterprise({ id: e(5), unitId: U, stage: 'collecting_applications' }),
  // Founded in April, closed since: still a new CĐCS of April.
  founded(6, U, '2025-04-02', 40, 'closed'),
];

let signupCount = 0;
function accepted(enterpriseN: number, date: string): SignupRecord {
  signupCount += 1;
  return makeSignup({
    id: fixtureId(4, signupCount),
    enterpriseId: e(enterpriseN),
    status: 'accepted',
    decision: { number: `${signupCount}/QĐ-KN`, date },
  });
}

const signups: SignupRecord[] = [
  accepted(1, '2025-03-10'),
  accepted(1, '2025-03-10'),
  accepted(1, '2025-03-31'),
  accepted(5, '2025-02-05'),
  accepted(3, '2025-03-12'), // other unit
  accepted(1, '2024-12-31'), // previous year
  makeSignup({ id: fixtureId(4, 90), enterpriseId: e(1), status: 'submitted' }),
  makeSignup({
    id: fixtureId(4, 91),
    enterpriseId: e(1),
    status: 'rejected',
    rejectionReason: 'Giám đốc',
  }),
  makeSignupDraft({ id: fixtureId(4, 92), enterpriseId: e(1) }),
];

let entryCount = 0;
function entry(unitId: string, indicator: Indicator, date: string, delta: number) {
  entryCount += 1;
  return makeIndicatorEntry({ id: fixtureId(6, entryCount), unitId, indicator, date, delta });
}

const entries = [
  entry(U, 'new_members', '2025-03-31', 10),
  entry(C, 'new_members', '2025-02-28', 5),
  entry(O, 'new_members', '2025-03-01', 100),
  entry(U, 'new_members', '2025-04-01', 7),
  entry(U, 'net_members', '2025-03-20', 20),
  entry(U, 'net_members', '2025-03-25', -8),
  entry(C, 'net_members', '2025-01-10', 3),
  entry(U, 'new_ndcs', '2025-02-14', 1),
  entry(U, 'party_introductions', '2025-03-03', 2),
  entry(U, 'new_cdcs', '2025-03-01', 1),
];

const data: IndicatorData = { enterprises, signups, entries };
const reportUnits = unitAndDescendants(units, U);
const march = monthPeriod(2025, 3);
const april = monthPeriod(2025, 4);
const ytdMarch = yearToDate('2025-03-31');

function scope(period: Period): IndicatorScope {
  return { data, unitIds: reportUnits, period };
}

describe('unitAndDescendants', () => {
  it('follows parent links down', () => {
    expect([...reportUnits].sort()).toEqual([U, C].sort());
    expect(unitAndDescendants(units, F).size).toBe(4);
  });

  it('survives a cycle', () => {
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect([...unitAndDescendants(cyclic, 'a')].sort()).toEqual(['a', 'b']);
  });
});

describe('indicator values', () => {
  it.each<[Indicator, number, number, number]>([
    // indicator, March, year to 31 March, April
    ['new_members', 13, 19, 7],
    ['net_members', 12, 15, 0],
    ['new_cdcs', 2, 3, 1],
    ['new_cdcs_25', 1, 1, 1],
    ['new_ndcs', 0, 1, 0],
    ['party_introductions', 2, 2, 0],
  ])('%s: March %i, YTD %i, April %i', (indicator, month, ytd, nextMonth) => {
    expect(indicatorValue(indicator, scope(march))).toBe(month);
    expect(indicatorValue(indicator, scope(ytdMarch))).toBe(ytd);
    expect(indicatorValue(indicator, scope(april))).toBe(nextMonth);
  });

  it('counts nothing for units without records', () => {
    const empty = { data, unitIds: new Set([fixtureId(1, 99)]), period: ytdMarch };
    expect(indicatorValue('new_members', empty)).toBe(0);
  });

  it('counts the whole federation', () => {
    const all = { data, unitIds: unitAndDescendants(units, F), period: march };
    expect(indicatorValue('new_members', all)).toBe(3 + 1 + 10 + 100);
  });
});

describe('computeIndicators', () => {
  const targets = [
    makeTarget({ id: fixtureId(5, 1), unitId: U, indicator: 'new_members', year: 2025, value: 25 }),
    makeTarget({ id: fixtureId(5, 2), unitId: U, indicator: 'net_members', year: 2025, value: 20 }),
    makeTarget({ id: fixtureId(5, 3), unitId: U, indicator: 'new_cdcs', year: 2025, value: 2 }),
    makeTarget({ id: fixtureId(5, 4), unitId: U, indicator: 'new_cdcs_25', year: 2025, value: 3 }),
    makeTarget({ id: fixtureId(5, 5), unitId: U, indicator: 'new_ndcs', year: 2025, value: 0 }),
    makeTarget({
      id: fixtureId(5, 6),
      unitId: U,
      indicator: 'party_introductions',
      year: 2024,
      value: 5,
    }),
  ];

  it('gives actual, target, percent and display per indicator, year to date', () => {
    expect(computeIndicators(scope(ytdMarch), targets)).toEqual([
      { indicator: 'new_members', actual: 19, target: 25, percent: 76, display: '19/25 (76%)' },
      { indicator: 'net_members', actual: 15, target: 20, percent: 75, display: '15/20 (75%)' },
      { indicator: 'new_cdcs', actual: 3, target: 2, percent: 150, display: '3/2 (150%)' },
      { indicator: 'new_cdcs_25', actual: 1, target: 3, percent: 33.33, display: '1/3 (33,33%)' },
      { indicator: 'new_ndcs', actual: 1, target: 0, display: '1/0 (–)' },
      { indicator: 'party_introductions', actual: 2, display: '2' },
    ]);
  });

  it('measures a month against the yearly target', () => {
    const [newMembers] = computeIndicators(scope(march), targets);
    expect(newMembers).toEqual({
      indicator: 'new_members',
      actual: 13,
      target: 25,
      percent: 52,
      display: '13/25 (52%)',
    });
  });

  it('adds several targets of the same indicator and year', () => {
    const split = [
      makeTarget({ id: fixtureId(5, 10), indicator: 'new_members', value: 10 }),
      makeTarget({ id: fixtureId(5, 11), indicator: 'new_members', value: 15 }),
    ];
    expect(computeIndicators(scope(ytdMarch), split)[0]?.target).toBe(25);
  });
});

describe('display', () => {
  it.each<[number, number, string]>([
    [20, 25, '20/25 (80%)'],
    [657, 1000, '657/1.000 (65,7%)'],
    [10_291, 9_700, '10.291/9.700 (106,09%)'],
    [9_016, 8_500, '9.016/8.500 (106,07%)'],
    [0, 10, '0/10 (0%)'],
  ])('%i of %i → %s', (actual, target, display) => {
    expect(formatProgress(actual, target)).toBe(display);
    expect(formatIndicatorProgress(actual, target)).toBe(display);
  });

  it('shows the bare number without a target', () => {
    expect(formatIndicatorProgress(10_291, undefined)).toBe('10.291');
  });

  it.each<[number, number, number | undefined]>([
    [20, 25, 80],
    [657, 1000, 65.7],
    [10_291, 9_700, 106.09],
    [1, 3, 33.33],
    [5, 0, undefined],
  ])('percentOf(%i, %i) = %s', (actual, target, percent) => {
    expect(percentOf(actual, target)).toBe(percent);
  });
});
