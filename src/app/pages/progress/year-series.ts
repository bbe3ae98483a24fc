import {
  endOfMonth,
  evaluateTerms,
  expectedByDate,
  type FactSource,
  INDICATOR_TERMS,
  type IndicatorFact,
} from '../../../shared/domain';
import type { Indicator } from '../../../shared/schemas';

/**
 * The chart of the year: for each month, the result from 1 January to the month's end (the year
 * to date of a monthly report), the pace line (the target × the share of the year gone by at the
 * month's end) and the target. Months after `today` have no result yet.
 */
export type YearPoint = {
  month: number;
  /** Absent for a month that has not ended... or begun: see yearSeries. */
  cumulative?: number;
  /** Absent without a target. */
  pace?: number;
};

export type YearSeries = {
  year: number;
  indicator: Indicator;
  target?: number;
  points: YearPoint[];
};

/**
 * `facts` are the subtree's (any year); a month counts when it has begun by `today`, so the
 * current month shows its result so far.
 */
export function yearSeries(
  facts: readonly IndicatorFact[],
  indicator: Indicator,
  year: number,
  target: number | undefined,
  today: string,
): YearSeries {
  const terms = INDICATOR_TERMS[indicator];
  const wanted = new Set<FactSource>(terms.map((term) => term.source));
  const byMonth = Array.from({ length: 12 }, () => new Map<FactSource, number>());
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const fact of facts) {
    if (!fact.date.startsWith(prefix) || !wanted.has(fact.source)) continue;
    const month = byMonth[Number(fact.date.slice(5, 7)) - 1];
    month?.set(fact.source, (month.get(fact.source) ?? 0) + fact.amount);
  }
  let running = 0;
  const points = byMonth.map((sums, i): YearPoint => {
    const month = i + 1;
    running += evaluateTerms(terms, sums);
    const begun = `${prefix}${String(month).padStart(2, '0')}-01` <= today;
    const pace = target === undefined ? undefined : expectedByDate(target, endOfMonth(year, month));
    return {
      month,
      ...(begun ? { cumulative: running } : {}),
      ...(pace === undefined ? {} : { pace: Math.round(pace * 100) / 100 }),
    };
  });
  return { year, indicator, ...(target === undefined ? {} : { target }), points };
}
