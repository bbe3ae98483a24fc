import type { Indicator, Target } from '../schemas';
import { INDICATORS } from '../schemas/enums';
import { type FactSource, INDICATOR_TERMS, type IndicatorFact } from './indicator-facts';
import { addTotals, evaluateTerms, percentOf, type SourceTotals, targetTotal } from './indicators';
import { monthPeriod, periodRange, yearToMonthEnd } from './period';
import { childrenOf, unitAndDescendants } from './units';

/**
 * The monthly report of docs/design.md §5 computed from facts: the server answers
 * `GET /api/reports/monthly` in SQL with the same definitions, and a test compares the two.
 *
 * - `month`: that month; `yearToDate`: 1 January to the month's last day;
 * - `target`: the unit's own target for the year (not its sub-units'), null without one;
 * - `percent`: yearToDate / target × 100 rounded to two decimals, null without a target > 0.
 *
 * One pass sums the facts per unit and source; a unit's rows then add up its subtree's sums.
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

function add(totals: Map<FactSource, number>, fact: IndicatorFact): void {
  totals.set(fact.source, (totals.get(fact.source) ?? 0) + fact.amount);
}

type UnitSums = { month: Map<FactSource, number>; yearToDate: Map<FactSource, number> };

/** Per unit, the sums by source of the month and of the year to the month's end. */
function sumsByUnit(input: ReportInput): Map<string, UnitSums> {
  const month = periodRange(monthPeriod(input.year, input.month));
  const ytd = periodRange(yearToMonthEnd(input.year, input.month));
  const byUnit = new Map<string, UnitSums>();
  for (const fact of input.facts) {
    if (fact.date < ytd.from || fact.date > ytd.to) continue;
    let sums = byUnit.get(fact.unitId);
    if (sums === undefined) {
      sums = { month: new Map(), yearToDate: new Map() };
      byUnit.set(fact.unitId, sums);
    }
    add(sums.yearToDate, fact);
    if (fact.date >= month.from) add(sums.month, fact);
  }
  return byUnit;
}

function rowsOf(input: ReportInput, unitId: string, byUnit: Map<string, UnitSums>): ReportRow[] {
  const month = new Map<FactSource, number>();
  const yearToDate = new Map<FactSource, number>();
  for (const id of unitAndDescendants(input.units, unitId)) {
    const sums = byUnit.get(id);
    if (sums === undefined) continue;
    addTotals(month, sums.month);
    addTotals(yearToDate, sums.yearToDate);
  }
  const own = input.targets.filter((target) => target.unitId === unitId);
  return INDICATORS.map((indicator) => row(indicator, month, yearToDate, own, input.year));
}

function row(
  indicator: Indicator,
  month: SourceTotals,
  yearToDate: SourceTotals,
  targets: readonly Target[],
  year: number,
): ReportRow {
  const terms = INDICATOR_TERMS[indicator];
  const ytd = evaluateTerms(terms, yearToDate);
  const target = targetTotal(targets, year, indicator) ?? null;
  const percent = target === null ? undefined : percentOf(ytd, target);
  return {
    indicator,
    month: evaluateTerms(terms, month),
    yearToDate: ytd,
    target,
    percent: percent ?? null,
  };
}

/** One row per indicator for the subtree of `unitId`, against that unit's own targets. */
export function monthlyReportRows(input: ReportInput): ReportRow[] {
  return rowsOf(input, input.unitId, sumsByUnit(input));
}

/** The whole report: the unit's rows, then each direct sub-unit's against its own targets. */
export function monthlyReport(input: ReportInput): MonthlyReport {
  const byUnit = sumsByUnit(input);
  return {
    unitId: input.unitId,
    year: input.year,
    month: input.month,
    rows: rowsOf(input, input.unitId, byUnit),
    units: childrenOf(input.units, input.unitId).map((unit) => ({
      unitId: unit.id,
      name: unit.name,
      rows: rowsOf(input, unit.id, byUnit),
    })),
  };
}
