import type { Indicator, Target } from '../schemas';
import { INDICATORS } from '../schemas/enums';
import { type FactSource, INDICATOR_TERMS, type IndicatorFact } from './indicator-facts';
import { addTotals, evaluateTerms, percentOf, type SourceTotals, targetTotal } from './indicators';
import { monthKey, periodRange, yearToMonthEnd } from './period';
import { childrenOf, unitAndDescendants } from './units';

/**
 * The monthly report of docs/design.md §5, in two steps that the server's SQL mirrors:
 *
 * 1. `sumFacts`: the facts summed per unit, source and month (SQL: SUM(amount) … GROUP BY
 *    unit_id, source, month — src/server/reports/fact-sums.ts);
 * 2. `reportFromSums`: a unit's rows add up its subtree's sums and weigh them with the signs of
 *    INDICATOR_TERMS, against the unit's own targets.
 *
 * - `month`: that month; `yearToDate`: 1 January to the month's last day;
 * - `target`: the unit's own target for the year (not its sub-units'), null without one;
 * - `percent`: yearToDate / target × 100 rounded to two decimals, null without a target > 0.
 */

/** A figure sent upward that changed afterwards (report-corrections.ts). */
export type ReportCorrection = { year: number; month: number; delta: number };

export type ReportRow = {
  indicator: Indicator;
  month: number;
  yearToDate: number;
  target: number | null;
  percent: number | null;
  /** Changes to closed months since their figures were sent, oldest first; absent when none. */
  corrections?: ReportCorrection[];
};

export type MonthlyReport = {
  unitId: string;
  year: number;
  month: number;
  rows: ReportRow[];
  units: { unitId: string; name: string; rows: ReportRow[] }[];
  /** Present when the month is closed: the report is then the one kept as sent. */
  closure?: { closedAt: string; closedBy: string };
};

export type ReportUnit = { id: string; name: string; parentId?: string | undefined };

/** What a report is about, besides the figures. */
export type ReportFrame = {
  units: readonly ReportUnit[];
  targets: readonly Target[];
  unitId: string;
  year: number;
  month: number;
};

export type ReportInput = ReportFrame & { facts: readonly IndicatorFact[] };

/** Σ amount of the facts of one unit, source and month (`YYYY-MM`). */
export type FactSum = { unitId: string; source: FactSource; month: string; amount: number };

/** The facts dated from `from` to `to` (ISO dates, both included), summed per unit, source, month. */
export function sumFacts(facts: readonly IndicatorFact[], from: string, to: string): FactSum[] {
  const sums = new Map<string, FactSum>();
  for (const fact of facts) {
    if (fact.date < from || fact.date > to) continue;
    const month = fact.date.slice(0, 7);
    const key = `${fact.unitId}|${fact.source}|${month}`;
    const sum = sums.get(key);
    if (sum === undefined)
      sums.set(key, { unitId: fact.unitId, source: fact.source, month, amount: fact.amount });
    else sum.amount += fact.amount;
  }
  return [...sums.values()];
}

export type SumsByUnit = ReadonlyMap<string, SourceTotals>;

/** Per unit, the sums by source of the months `keep` accepts. */
export function sumsByUnit(sums: readonly FactSum[], keep: (month: string) => boolean): SumsByUnit {
  const byUnit = new Map<string, Map<FactSource, number>>();
  for (const sum of sums) {
    if (!keep(sum.month)) continue;
    let totals = byUnit.get(sum.unitId);
    if (totals === undefined) {
      totals = new Map();
      byUnit.set(sum.unitId, totals);
    }
    totals.set(sum.source, (totals.get(sum.source) ?? 0) + sum.amount);
  }
  return byUnit;
}

/** The sums of `unitId` and every unit below it. */
export function subtreeTotals(
  units: readonly ReportUnit[],
  unitId: string,
  byUnit: SumsByUnit,
): Map<FactSource, number> {
  const totals = new Map<FactSource, number>();
  for (const id of unitAndDescendants(units, unitId)) {
    const sums = byUnit.get(id);
    if (sums !== undefined) addTotals(totals, sums);
  }
  return totals;
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

type PeriodSums = { month: SumsByUnit; yearToDate: SumsByUnit };

function rowsOf(frame: ReportFrame, unitId: string, sums: PeriodSums): ReportRow[] {
  const month = subtreeTotals(frame.units, unitId, sums.month);
  const yearToDate = subtreeTotals(frame.units, unitId, sums.yearToDate);
  const own = frame.targets.filter((target) => target.unitId === unitId);
  return INDICATORS.map((indicator) => row(indicator, month, yearToDate, own, frame.year));
}

function periodSums(frame: ReportFrame, sums: readonly FactSum[]): PeriodSums {
  const key = monthKey(frame.year, frame.month);
  const january = monthKey(frame.year, 1);
  return {
    month: sumsByUnit(sums, (month) => month === key),
    yearToDate: sumsByUnit(sums, (month) => month >= january && month <= key),
  };
}

/**
 * The whole report from the sums: the unit's rows (its subtree), then each direct sub-unit's
 * against its own targets, in the order of `frame.units`. Sums of other months are ignored.
 */
export function reportFromSums(frame: ReportFrame, sums: readonly FactSum[]): MonthlyReport {
  const period = periodSums(frame, sums);
  return {
    unitId: frame.unitId,
    year: frame.year,
    month: frame.month,
    rows: rowsOf(frame, frame.unitId, period),
    units: childrenOf(frame.units, frame.unitId).map((unit) => ({
      unitId: unit.id,
      name: unit.name,
      rows: rowsOf(frame, unit.id, period),
    })),
  };
}

/** One row per indicator for the subtree of `unitId`, against that unit's own targets. */
export function monthlyReportRows(input: ReportInput): ReportRow[] {
  return monthlyReport(input).rows;
}

/** The report computed from facts (the device's way; the server sums in SQL). */
export function monthlyReport(input: ReportInput): MonthlyReport {
  const { from, to } = periodRange(yearToMonthEnd(input.year, input.month));
  return reportFromSums(input, sumFacts(input.facts, from, to));
}
