import type { Indicator } from '../schemas';
import { INDICATORS } from '../schemas/enums';
import { INDICATOR_TERMS } from './indicator-facts';
import { evaluateTerms } from './indicators';
import { monthKey } from './period';
import {
  type FactSum,
  type MonthlyReport,
  type ReportCorrection,
  type ReportFrame,
  type ReportRow,
  subtreeTotals,
  sumsByUnit,
} from './report';
import { childrenOf } from './units';

/**
 * Closing a month (chốt số liệu, docs/design.md §5). When a unit closes a month, the server keeps
 * the report as sent and the figures of every month from January of the year before up to the
 * closed one (`closedMonths`). A later report of that unit compares the figures of those months
 * now with the ones kept by the latest closure before it, and shows each difference as a
 * correction of its indicator ("điều chỉnh số liệu tháng 3"), so that a figure sent upward never
 * changes silently. Once that later month is closed in turn, its closure keeps the corrected
 * figures, and the next report shows only what changed after it.
 */

export type IndicatorFigures = Record<Indicator, number>;

/** One month's figures: the report unit's subtree and each direct sub-unit (by id). */
export type MonthFigures = {
  /** `YYYY-MM`. */
  month: string;
  rows: IndicatorFigures;
  units: Record<string, IndicatorFigures>;
};

export type YearMonth = { year: number; month: number };

function monthsBetween(first: YearMonth, last: YearMonth): string[] {
  const months: string[] = [];
  for (
    let y = first.year, m = first.month;
    y < last.year || (y === last.year && m <= last.month);
  ) {
    months.push(monthKey(y, m));
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

/** The months a closure of `closed` keeps: January of the year before, up to `closed`. */
export function closedMonths(closed: YearMonth): string[] {
  return monthsBetween({ year: closed.year - 1, month: 1 }, closed);
}

/**
 * The months a report of `report` corrects, given the latest closure before it: the closure's
 * months from January of the year before the report's (older ones are history).
 */
export function correctedMonths(report: YearMonth, closure: YearMonth): string[] {
  const earliest = monthKey(report.year - 1, 1);
  return closedMonths(closure).filter((month) => month >= earliest);
}

function figures(frame: ReportFrame, unitId: string, sums: ReturnType<typeof sumsByUnit>) {
  const totals = subtreeTotals(frame.units, unitId, sums);
  return Object.fromEntries(
    INDICATORS.map((indicator) => [indicator, evaluateTerms(INDICATOR_TERMS[indicator], totals)]),
  ) as IndicatorFigures;
}

/** The figures of each month of `months` from the sums (see report.ts). */
export function monthFigures(
  frame: ReportFrame,
  sums: readonly FactSum[],
  months: readonly string[],
): MonthFigures[] {
  const children = childrenOf(frame.units, frame.unitId);
  return months.map((month) => {
    const byUnit = sumsByUnit(sums, (m) => m === month);
    return {
      month,
      rows: figures(frame, frame.unitId, byUnit),
      units: Object.fromEntries(children.map((unit) => [unit.id, figures(frame, unit.id, byUnit)])),
    };
  });
}

function withRowCorrections(
  rows: readonly ReportRow[],
  changes: readonly { month: string; now: IndicatorFigures; sent: IndicatorFigures }[],
): ReportRow[] {
  return rows.map((row) => {
    const corrections: ReportCorrection[] = [];
    for (const { month, now, sent } of changes) {
      const delta = now[row.indicator] - sent[row.indicator];
      if (delta !== 0) {
        corrections.push({ year: Number(month.slice(0, 4)), month: Number(month.slice(5)), delta });
      }
    }
    return corrections.length === 0 ? row : { ...row, corrections };
  });
}

const NOTHING = Object.fromEntries(INDICATORS.map((i) => [i, 0])) as IndicatorFigures;

/**
 * The report with its corrections: for each month `sent` holds, the figures `now` minus those
 * sent, per indicator, on the unit's rows and on each sub-unit's (a sub-unit the closure did not
 * know counts as sent with zeros). Only differences other than zero are listed.
 */
export function withCorrections(
  report: MonthlyReport,
  now: readonly MonthFigures[],
  sent: readonly MonthFigures[],
): MonthlyReport {
  const current = new Map(now.map((figures) => [figures.month, figures]));
  const pairs = [...sent]
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((kept) => ({ kept, now: current.get(kept.month) }));
  const changesOf = (pick: (f: MonthFigures) => IndicatorFigures | undefined) =>
    pairs.map(({ kept, now }) => ({
      month: kept.month,
      now: (now && pick(now)) ?? NOTHING,
      sent: pick(kept) ?? NOTHING,
    }));
  return {
    ...report,
    rows: withRowCorrections(
      report.rows,
      changesOf((f) => f.rows),
    ),
    units: report.units.map((unit) => ({
      ...unit,
      rows: withRowCorrections(
        unit.rows,
        changesOf((f) => f.units[unit.unitId]),
      ),
    })),
  };
}
