import { describe, expect, it } from 'vitest';
import {
  computeIndicators,
  evaluateTerms,
  factsInScope,
  formatIndicatorProgress,
  formatProgress,
  formatTargetsMet,
  INDICATOR_TERMS,
  type IndicatorScope,
  indicatorBreakdown,
  indicatorFacts,
  indicatorValue,
  monthPeriod,
  type Period,
  percentOf,
  quarterPeriod,
  sourceTotals,
  targetsMet,
  totalsAt,
  unitAndDescendants,
  yearToDate,
} from '../../../../src/shared/domain';
import { INDICATORS, type Indicator } from '../../../../src/shared/schemas';
import { makeTarget } from '../../../fixtures/records';
import { C, data, e, F, O, targets, U, units } from './indicator-scenario';

const facts = indicatorFacts(data);
const reportUnits = unitAndDescendants(units, U);

function scope(period: Period, unitIds: ReadonlySet<string> = reportUnits): IndicatorScope {
  return { facts, unitIds, period };
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

describe('indicator values of U and C (counted by hand from indicator-scenario.ts)', () => {
  // March: signups 3 (10, 10, 31 March) + admitted outside 10 − adjustment 1 = 12;
  //   net 12 + transferred in 4 − left 8 = 8; CĐCS e1, e7, e8 + 1 outside = 4;
  //   of ≥ 25 workers e1 (320), e7 (30 at founding) + 1 outside = 3.
  // Q1 = year to 31 March: signups 5 (+ 8 January, 5 February) + outside 10 + 5 − 1 = 19;
  //   net 19 + 4 − (8 + 3) − 2 = 10; CĐCS + e2, e9 = 6; ≥ 25: e1, e7, e9 (25) + 1 = 4.
  // To 15 March: signups 4 + outside 5 − 1 = 8; net 8 − 3 − 2 = 3; CĐCS e2, e9, e8, e1 + 1 = 5;
  //   ≥ 25 e9, e1 + 1 = 3; Party admission of 28 March not yet.
  // April: signup 1 (C, 1 April) + outside 7 = 8; CĐCS e6 (40 workers, closed since) = 1.
  it.each<[Indicator, number, number, number, number]>([
    // indicator, March, Q1 (= year to 31 March), to 15 March, April
    ['new_members', 12, 19, 8, 8],
    ['net_members', 8, 10, 3, 8],
    ['informal_members', 3, 3, 3, 0],
    ['new_cdcs', 4, 6, 5, 1],
    ['new_cdcs_25', 3, 4, 3, 1],
    ['new_ndcs', 0, 1, 1, 0],
    ['party_introductions', 2, 2, 2, 0],
    ['party_admissions', 1, 1, 0, 0],
  ])('%s: March %i, Q1 %i, to 15 March %i, April %i', (indicator, march, q1, mid, april) => {
    expect(indicatorValue(indicator, scope(monthPeriod(2025, 3)))).toBe(march);
    expect(indicatorValue(indicator, scope(quarterPeriod(2025, 1)))).toBe(q1);
    expect(indicatorValue(indicator, scope(yearToDate('2025-03-31')))).toBe(q1);
    expect(indicatorValue(indicator, scope(yearToDate('2025-03-15')))).toBe(mid);
    expect(indicatorValue(indicator, scope(monthPeriod(2025, 4)))).toBe(april);
  });

  it('counts a decision of the last day of a month in that month, not the next', () => {
    const march = indicatorBreakdown('new_members', scope(monthPeriod(2025, 3)));
    const dates = march.filter((b) => b.fact.entity === 'signup').map((b) => b.fact.date);
    expect(dates).toContain('2025-03-31');
    const april = indicatorBreakdown('new_members', scope(monthPeriod(2025, 4)));
    expect(april.map((b) => b.fact.date)).not.toContain('2025-03-31');
  });

  it('counts an application signed in December and accepted in January in January', () => {
    expect(indicatorValue('new_members', scope(monthPeriod(2025, 1)))).toBe(1);
    // December 2024 holds only the one decided on 31 December.
    expect(indicatorValue('new_members', scope(monthPeriod(2024, 12)))).toBe(1);
  });

  it('keeps a CĐCS founded at 30 workers among those of ≥ 25 after it shrinks to 20', () => {
    const march = indicatorBreakdown('new_cdcs_25', scope(monthPeriod(2025, 3)));
    const ids = march.filter((b) => b.fact.entity === 'enterprise').map((b) => b.fact.id);
    expect(ids.sort()).toEqual([e(1), e(7)].sort());
  });

  it('counts the previous year in its own year only', () => {
    expect(indicatorValue('new_cdcs', scope(monthPeriod(2024, 12)))).toBe(1);
    expect(indicatorValue('new_cdcs_25', scope(yearToDate('2024-12-31')))).toBe(1);
  });

  it('counts nothing for units without records', () => {
    const nobody = scope(
      yearToDate('2025-03-31'),
      new Set(['00000000-0000-4000-8000-999999999999']),
    );
    expect(INDICATORS.map((indicator) => indicatorValue(indicator, nobody))).toEqual(
      INDICATORS.map(() => 0),
    );
  });

  it('counts the whole federation: U and C 12, O 1 signup + 100 outside', () => {
    const all = scope(monthPeriod(2025, 3), unitAndDescendants(units, F));
    expect(indicatorValue('new_members', all)).toBe(12 + 1 + 100);
    expect(indicatorValue('new_members', scope(monthPeriod(2025, 3), new Set([O])))).toBe(101);
  });

  it('defines net as admitted + transferred in − left − transferred out', () => {
    const terms = INDICATOR_TERMS.net_members.map((t) => `${t.sign > 0 ? '+' : '−'}${t.source}`);
    expect(terms).toEqual([
      '+signup_accepted',
      '+admitted_outside',
      '+adjustment.new_members',
      '+transferred_in',
      '−left',
      '−transferred_out',
      '+adjustment.net_members',
    ]);
  });

  it('lists the records behind a figure with their signs', () => {
    const behind = indicatorBreakdown('net_members', scope(monthPeriod(2025, 3)));
    const signed = behind.reduce((sum, b) => sum + b.sign * b.fact.amount, 0);
    expect(signed).toBe(8);
    expect(behind.find((b) => b.fact.source === 'left')).toMatchObject({
      sign: -1,
      fact: { entity: 'indicatorEntry', amount: 8, date: '2025-03-25' },
    });
  });
});

describe('indicatorFacts', () => {
  const small = indicatorFacts({
    enterprises: [{ id: e(1), unitId: U, foundedAt: '2025-02-30', workerCountAtFounding: 30 }],
    signups: [
      {
        id: 'a',
        enterpriseId: e(1),
        status: 'accepted',
        decision: { date: '2025-03-10' },
        authorId: 'lan',
      },
      { id: 'b', enterpriseId: e(1), status: 'accepted', decision: { date: '10/03/2025' } },
    ],
    entries: [],
  });

  it('leaves out a fact without a real calendar date, and names who collected an application', () => {
    expect(small).toEqual([
      {
        source: 'signup_accepted',
        unitId: U,
        date: '2025-03-10',
        amount: 1,
        entity: 'signup',
        id: 'a',
        authorId: 'lan',
      },
    ]);
  });
});

describe('sums per source, then weighed (the shape of the SQL)', () => {
  const march = factsInScope(scope(monthPeriod(2025, 3)));
  const totals = sourceTotals(march);

  it('sums the amounts of each source once', () => {
    expect(Object.fromEntries([...totals].sort(([a], [b]) => a.localeCompare(b)))).toEqual({
      'adjustment.new_members': -1,
      admitted_outside: 10,
      cdcs25_founded: 2,
      cdcs25_founded_outside: 1,
      cdcs_founded: 3,
      cdcs_founded_outside: 1,
      informal_admitted: 3,
      left: 8,
      party_admitted: 1,
      party_introduced: 2,
      signup_accepted: 3,
      transferred_in: 4,
    });
  });

  it('weighs the sums by the terms of an indicator', () => {
    expect(evaluateTerms(INDICATOR_TERMS.net_members, totals)).toBe(8);
    expect(evaluateTerms(INDICATOR_TERMS.new_cdcs_25, totals)).toBe(3);
  });
});

describe('totals at a date', () => {
  it.each<[string, number, number, number]>([
    // members = opening 1.000 + 200 + net to the date; CĐCS = 40 + new − 2 dissolved; NĐCS 3 + 1
    ['2025-03-31', 1_210, 44, 4],
    ['2025-04-30', 1_218, 45, 4],
    ['2025-01-01', 1_200, 40, 3],
  ])('on %s: %i members, %i CĐCS, %i NĐCS', (date, members, cdcs, ndcs) => {
    expect(totalsAt(facts, reportUnits, date)).toEqual({ members, cdcs, ndcs });
  });
});

describe('computeIndicators', () => {
  it('gives actual, target, percent and display per indicator, year to date', () => {
    expect(
      computeIndicators(
        scope(yearToDate('2025-03-31')),
        targets.filter((t) => t.unitId === U),
      ),
    ).toEqual([
      { indicator: 'new_members', actual: 19, target: 25, percent: 76, display: '19/25 (76%)' },
      { indicator: 'net_members', actual: 10, target: 20, percent: 50, display: '10/20 (50%)' },
      { indicator: 'informal_members', actual: 3, target: 4, percent: 75, display: '3/4 (75%)' },
      { indicator: 'new_cdcs', actual: 6, target: 2, percent: 300, display: '6/2 (300%)' },
      { indicator: 'new_cdcs_25', actual: 4, target: 3, percent: 133.33, display: '4/3 (133,33%)' },
      { indicator: 'new_ndcs', actual: 1, target: 0, display: '1/0 (–)' },
      { indicator: 'party_introductions', actual: 2, display: '2' },
      { indicator: 'party_admissions', actual: 1, display: '1' },
    ]);
  });

  it('measures a month against the yearly target', () => {
    const [newMembers] = computeIndicators(scope(monthPeriod(2025, 3)), targets);
    expect(newMembers).toEqual({
      indicator: 'new_members',
      actual: 12,
      // U's 25 and C's 10: the caller chooses whose targets to pass.
      target: 35,
      percent: 34.29,
      display: '12/35 (34,29%)',
    });
  });

  it('adds several targets of the same indicator and year', () => {
    const split = [
      makeTarget({
        id: '00000000-0000-4000-8000-000000000510',
        indicator: 'new_members',
        value: 10,
      }),
      makeTarget({
        id: '00000000-0000-4000-8000-000000000511',
        indicator: 'new_members',
        value: 15,
      }),
    ];
    expect(computeIndicators(scope(yearToDate('2025-03-31')), split)[0]?.target).toBe(25);
  });

  it('counts targets met among positive targets: new CĐCS and those of ≥ 25 workers, 2/5', () => {
    const results = computeIndicators(
      scope(yearToDate('2025-03-31')),
      targets.filter((t) => t.unitId === U),
    );
    expect(targetsMet(results)).toEqual({ met: 2, total: 5 });
    expect(formatTargetsMet(results)).toBe('2/5');
  });

  it('shows every target met as 9/9', () => {
    const results = Array.from({ length: 9 }, () => ({
      indicator: 'new_members' as const,
      actual: 10,
      target: 8,
      display: '',
    }));
    expect(formatTargetsMet(results)).toBe('9/9');
  });
});

describe('display', () => {
  it.each<[number, number, string]>([
    [20, 25, '20/25 (80%)'],
    [657, 1000, '657/1.000 (65,7%)'],
    [10_291, 9_700, '10.291/9.700 (106,09%)'],
    [9_016, 8_500, '9.016/8.500 (106,07%)'],
    [0, 10, '0/10 (0%)'],
    [2, 3, '2/3 (66,67%)'],
    [-5, 20, '-5/20 (-25%)'],
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
    [9_016, 8_500, 106.07],
    [1, 3, 33.33],
    [5, 0, undefined],
  ])('percentOf(%i, %i) = %s', (actual, target, percent) => {
    expect(percentOf(actual, target)).toBe(percent);
  });
});
