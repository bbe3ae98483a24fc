import type { Indicator, Target } from '../schemas';
import { INDICATORS } from '../schemas/enums';
import {
  factsInScope,
  type IndicatorFact,
  type IndicatorScope,
  indicatorValue,
  percentOf,
  targetTotal,
} from './indicators';
import { monthPeriod, yearToMonthEnd } from './period';
import { childrenOf, unitAndDescendants } from './units';

/**
 * The monthly report of docs/design.md §5 computed from facts: the server answers
 * `GET /api/reports/monthly` in SQL with the same definitions, and a test compares the two.
 *
 * - `month`: that month; `yearToDate`: 1 January to the month's last day;
 * - `target`: the unit's own target for the year (not its sub-units'), null without one;
 * - `percent`: yearToDate / target × 100 rounded to two decimals, null without a target > 0.
 */

export type ReportRow = {
  indicator: Indicator;
  month: number;
  yearToDate: number;
  target: number | null;
  percent: number | null;
};

export type MonthlyReport = {
  unitId: string;
  year: number;
  month: number;
  rows: ReportRow[];
  units: { unitId: string; name: string; rows: ReportRow[] }[];
};

export type ReportInput = {
  facts: readonly IndicatorFact[];
  units: readonly { id: string; name: string; parentId?: string | undefined }[];
  targets: readonly Target[];
  unitId: string;
  year: number;
  month: number;
};

/** One row per indicator for the subtree of `unitId`, against that unit's own targets. */
export function monthlyReportRows(input: ReportInput): ReportRow[] {
  const unitIds = unitAndDescendants(input.units, input.unitId);
  const scope = (period: IndicatorScope['period']): IndicatorScope => ({
    // Filtered once per period; the indicators then only read the smaller list.
    facts: factsInScope({ facts: input.facts, unitIds, period }),
    unitIds,
    period,
  });
  const month = scope(monthPeriod(input.year, input.month));
  const ytd = scope(yearToMonthEnd(input.year, input.month));
  const own = input.targets.filter((target) => target.unitId === input.unitId);
  return INDICATORS.map((indicator) => {
    const yearToDate = indicatorValue(indicator, ytd);
    const target = targetTotal(own, input.year, indicator) ?? null;
    const percent = target === null ? undefined : percentOf(yearToDate, target);
    return {
      indicator,
      month: indicatorValue(indicator, month),
      yearToDate,
      target,
      percent: percent ?? null,
    };
  });
}

/** The whole report: the unit's rows, then each direct sub-unit's against its own targets. */
export function monthlyReport(input: ReportInput): MonthlyReport {
  return {
    unitId: input.unitId,
    year: input.year,
    month: input.month,
    rows: monthlyReportRows(input),
    units: childrenOf(input.units, input.unitId).map((unit) => ({
      unitId: unit.id,
      name: unit.name,
      rows: monthlyReportRows({ ...input, unitId: unit.id }),
    })),
  };
}
