import { describe, expect, it } from 'vitest';
import { indicatorFacts, monthlyReport, type ReportRow } from '../../../../src/shared/domain';
import { C, data, targets, U, units } from './indicator-scenario';

const facts = indicatorFacts(data);
const march = monthlyReport({ facts, units, targets, unitId: U, year: 2025, month: 3 });

describe('monthlyReport (counted by hand from indicator-scenario.ts)', () => {
  it('names the unit and the period', () => {
    expect(march).toMatchObject({ unitId: U, year: 2025, month: 3 });
  });

  it("gives U's subtree its month, year to date and U's own targets", () => {
    expect(march.rows).toEqual<ReportRow[]>([
      { indicator: 'new_members', month: 12, yearToDate: 19, target: 25, percent: 76 },
      { indicator: 'net_members', month: 8, yearToDate: 10, target: 20, percent: 50 },
      { indicator: 'informal_members', month: 3, yearToDate: 3, target: 4, percent: 75 },
      { indicator: 'new_cdcs', month: 4, yearToDate: 6, target: 2, percent: 300 },
      { indicator: 'new_cdcs_25', month: 3, yearToDate: 4, target: 3, percent: 133.33 },
      // A target of 0 has no percentage; a target of another year is no target.
      { indicator: 'new_ndcs', month: 0, yearToDate: 1, target: 0, percent: null },
      { indicator: 'party_introductions', month: 2, yearToDate: 2, target: null, percent: null },
      { indicator: 'party_admissions', month: 1, yearToDate: 1, target: null, percent: null },
    ]);
  });

  // C alone: 5 admitted outside on 28 February, 3 left on 10 January, e2 founded on 20 January
  // and e8 on 10 March (both at 20 workers); its accepted signup is of April.
  it('gives each direct sub-unit its own rows against its own targets', () => {
    expect(march.units).toEqual([
      {
        unitId: C,
        name: 'CĐ phường',
        rows: [
          { indicator: 'new_members', month: 0, yearToDate: 5, target: 10, percent: 50 },
          { indicator: 'net_members', month: 0, yearToDate: 2, target: null, percent: null },
          { indicator: 'informal_members', month: 0, yearToDate: 0, target: null, percent: null },
          { indicator: 'new_cdcs', month: 1, yearToDate: 2, target: null, percent: null },
          { indicator: 'new_cdcs_25', month: 0, yearToDate: 0, target: null, percent: null },
          { indicator: 'new_ndcs', month: 0, yearToDate: 0, target: null, percent: null },
          {
            indicator: 'party_introductions',
            month: 0,
            yearToDate: 0,
            target: null,
            percent: null,
          },
          { indicator: 'party_admissions', month: 0, yearToDate: 0, target: null, percent: null },
        ],
      },
    ]);
  });

  it('counts April on its own and the year to 30 April', () => {
    const april = monthlyReport({ facts, units, targets, unitId: U, year: 2025, month: 4 });
    expect(april.rows[0]).toEqual({
      indicator: 'new_members',
      month: 8,
      yearToDate: 27,
      target: 25,
      percent: 108,
    });
  });
});
