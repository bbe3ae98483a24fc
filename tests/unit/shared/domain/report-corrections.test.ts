import { describe, expect, it } from 'vitest';
import {
  closedMonths,
  correctedMonths,
  indicatorFacts,
  type MonthlyReport,
  monthFigures,
  monthlyReport,
  reportFromSums,
  sumFacts,
  withCorrections,
} from '../../../../src/shared/domain';
import type { SignupRecord } from '../../../../src/shared/schemas';
import { fixtureId, makeDecision, makeSignup } from '../../../fixtures/records';
import { C, data, e, targets, U, units } from './indicator-scenario';

const frame = (month: number) => ({ units, targets, unitId: U, year: 2025, month });

function lateAdmission(n: number, enterpriseId: string, date: string): SignupRecord {
  return makeSignup({
    id: fixtureId(4, 500 + n),
    enterpriseId,
    status: 'accepted',
    signedAt: '2024-11-01',
    decision: makeDecision({ number: `${n}/QĐ-KN`, date }),
  });
}

/** What a closure of March 2025 keeps, then the April report after late records. */
function aprilAfter(late: SignupRecord[]): MonthlyReport {
  const before = indicatorFacts(data);
  const sent = monthFigures(
    frame(3),
    sumFacts(before, '2024-01-01', '2025-03-31'),
    closedMonths({ year: 2025, month: 3 }),
  );
  const after = indicatorFacts({ ...data, signups: [...data.signups, ...late] });
  const sums = sumFacts(after, '2024-01-01', '2025-04-30');
  const april = reportFromSums(frame(4), sums);
  const months = correctedMonths({ year: 2025, month: 4 }, { year: 2025, month: 3 });
  return withCorrections(april, monthFigures(frame(4), sums, months), sent);
}

describe('the months a closure keeps and a later report corrects', () => {
  it('a closure keeps January of the year before up to its month', () => {
    const months = closedMonths({ year: 2025, month: 3 });
    expect(months[0]).toBe('2024-01');
    expect(months.at(-1)).toBe('2025-03');
    expect(months).toHaveLength(15);
  });

  it('a report corrects those from January of the year before its own', () => {
    expect(correctedMonths({ year: 2025, month: 4 }, { year: 2025, month: 3 })).toHaveLength(15);
    expect(correctedMonths({ year: 2026, month: 2 }, { year: 2025, month: 3 })).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
    expect(correctedMonths({ year: 2027, month: 1 }, { year: 2025, month: 3 })).toEqual([]);
  });
});

describe('withCorrections (counted by hand from indicator-scenario.ts)', () => {
  it('shows nothing when nothing changed after the closure', () => {
    const april = aprilAfter([]);
    expect(april).toEqual(monthlyReport({ facts: indicatorFacts(data), ...frame(4) }));
  });

  // One admission decided on 20 March at e8 (commune C, below U), recorded in April after March
  // was closed: U's and C's March grew by one admission, so also by one net member.
  it('shows a late admission of a closed month as a correction of that month', () => {
    const april = aprilAfter([lateAdmission(1, e(8), '2025-03-20')]);
    const [newMembers, netMembers, informal] = april.rows;
    expect(newMembers).toEqual({
      indicator: 'new_members',
      month: 8,
      yearToDate: 28, // 27 before, + 1
      target: 25,
      percent: 112,
      corrections: [{ year: 2025, month: 3, delta: 1 }],
    });
    expect(netMembers?.corrections).toEqual([{ year: 2025, month: 3, delta: 1 }]);
    expect(informal?.corrections).toBeUndefined();
    const c = april.units.find((unit) => unit.unitId === C);
    expect(c?.rows[0]?.corrections).toEqual([{ year: 2025, month: 3, delta: 1 }]);
  });

  // Two more in February and one in December 2024: each month its own line, oldest first; the
  // December one changes last year's figures, not this year's year to date.
  it('lists each corrected month, oldest first, across the turn of the year', () => {
    const april = aprilAfter([
      lateAdmission(2, e(1), '2025-02-03'),
      lateAdmission(3, e(1), '2025-02-27'),
      lateAdmission(4, e(1), '2024-12-15'),
    ]);
    expect(april.rows[0]).toMatchObject({
      yearToDate: 29, // 27 + 2 in February
      corrections: [
        { year: 2024, month: 12, delta: 1 },
        { year: 2025, month: 2, delta: 2 },
      ],
    });
    // e1 is U's own: C's figures did not change.
    expect(april.units[0]?.rows[0]?.corrections).toBeUndefined();
  });
});
