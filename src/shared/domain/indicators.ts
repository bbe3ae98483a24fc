import type { Indicator, Target } from '../schemas';
import { INDICATORS } from '../schemas/enums';
import { formatNumber, formatProgress } from '../vn/format';
import {
  type FactSource,
  INDICATOR_TERMS,
  type IndicatorFact,
  type Term,
  TOTAL_TERMS,
  type Total,
} from './indicator-facts';
import { type Period, periodRange, periodYear, yearToDate } from './period';

// The facts and terms are part of this module's API (src/db imports it directly).
export * from './indicator-facts';
export { formatProgress };

/**
 * The indicators of docs/design.md §3, in two steps that SQL can mirror one to one:
 *
 * 1. `indicatorFacts` turns records into facts `{source, unitId, date, amount}`: an accepted
 *    signup is a `signup_accepted` fact (amount 1) dated by its decision, in its enterprise's unit;
 *    an enterprise with `foundedAt` is a `cdcs_founded` fact dated `foundedAt`, plus a
 *    `cdcs25_founded` fact when it had ≥ 25 workers at founding (`workerCountAtFounding`, or
 *    `workerCount` for a record founded before that field existed); an entry is a fact of its kind
 *    (amount `count`), an adjustment one of `adjustment.<indicator>` (amount `delta`, signed).
 *    (SQL: a UNION ALL view over signups ⋈ enterprises, enterprises and entries.)
 * 2. An indicator is Σ sign × amount over the facts of a unit set and a date range, with the
 *    signs of INDICATOR_TERMS. (SQL: SUM(amount * CASE source …) WHERE unit_id IN subtree AND
 *    date BETWEEN from AND to.)
 *
 * Dates are ISO strings compared as text; a period includes both its ends, so a decision dated
 * the last day of a month counts in that month, and an application signed in December and
 * accepted in January counts in January (its decision date).
 */

export type IndicatorScope = {
  facts: readonly IndicatorFact[];
  /** The units counted (typically a unit and its descendants: see unitAndDescendants). */
  unitIds: ReadonlySet<string>;
  period: Period;
};

/** The facts of the scope's units and period (ISO dates compare as text). */
export function factsInScope(scope: IndicatorScope): IndicatorFact[] {
  const { from, to } = periodRange(scope.period);
  return scope.facts.filter(
    (fact) => fact.date >= from && fact.date <= to && scope.unitIds.has(fact.unitId),
  );
}

function signs(terms: readonly Term[]): Map<FactSource, number> {
  return new Map(terms.map((term) => [term.source, term.sign]));
}

export type SourceTotals = ReadonlyMap<FactSource, number>;

/** Σ amount per source: the one pass over facts (SQL: SUM(amount) … GROUP BY source). */
export function sourceTotals(facts: readonly IndicatorFact[]): Map<FactSource, number> {
  const totals = new Map<FactSource, number>();
  for (const fact of facts) totals.set(fact.source, (totals.get(fact.source) ?? 0) + fact.amount);
  return totals;
}

/** Adds `more` into `into` (the totals of a subtree from those of its units). */
export function addTotals(into: Map<FactSource, number>, more: SourceTotals): void {
  for (const [source, amount] of more) into.set(source, (into.get(source) ?? 0) + amount);
}

/** An indicator (or total) from the per-source sums: Σ sign × sum over its terms. */
export function evaluateTerms(terms: readonly Term[], totals: SourceTotals): number {
  return terms.reduce((sum, term) => sum + term.sign * (totals.get(term.source) ?? 0), 0);
}

function sumTerms(facts: readonly IndicatorFact[], terms: readonly Term[]): number {
  return evaluateTerms(terms, sourceTotals(facts));
}

export function indicatorValue(indicator: Indicator, scope: IndicatorScope): number {
  return sumTerms(factsInScope(scope), INDICATOR_TERMS[indicator]);
}

/** The facts behind a figure, each with its sign: what a tap on the figure lists. */
export function indicatorBreakdown(
  indicator: Indicator,
  scope: IndicatorScope,
): { fact: IndicatorFact; sign: 1 | -1 }[] {
  const sign = signs(INDICATOR_TERMS[indicator]);
  return factsInScope(scope).flatMap((fact) => {
    const s = sign.get(fact.source);
    return s === undefined ? [] : [{ fact, sign: s as 1 | -1 }];
  });
}

/** Members, CĐCS and NĐCS of the units on `date` (its end of day). */
export function totalsAt(
  facts: readonly IndicatorFact[],
  unitIds: ReadonlySet<string>,
  date: string,
): Record<Total, number> {
  const totals = sourceTotals(factsInScope({ facts, unitIds, period: yearToDate(date) }));
  return {
    members: evaluateTerms(TOTAL_TERMS.members, totals),
    cdcs: evaluateTerms(TOTAL_TERMS.cdcs, totals),
    ndcs: evaluateTerms(TOTAL_TERMS.ndcs, totals),
  };
}

export type IndicatorResult = {
  indicator: Indicator;
  actual: number;
  /** Sum of the given targets for the period's year; absent when none was set. */
  target?: number;
  /** actual / target in percent units (50 = 50 %), two decimals; absent without a target > 0. */
  percent?: number;
  /** `x/y (z%)`, or just `x` without a target. */
  display: string;
};

/** actual / target × 100, rounded to two decimals; undefined when the target is not positive. */
export function percentOf(actual: number, target: number): number | undefined {
  if (!(target > 0)) return undefined;
  return Math.round((actual / target) * 10_000) / 100;
}

/** `20/25 (80%)` with a target, `20` without one. */
export function formatIndicatorProgress(actual: number, target: number | undefined): string {
  return target === undefined ? formatNumber(actual) : formatProgress(actual, target);
}

/** Sum of the targets given for one indicator and year; undefined when none matches. */
export function targetTotal(
  targets: readonly Pick<Target, 'year' | 'indicator' | 'value'>[],
  year: number,
  indicator: Indicator,
): number | undefined {
  const matching = targets.filter((t) => t.year === year && t.indicator === indicator);
  return matching.length === 0 ? undefined : matching.reduce((sum, t) => sum + t.value, 0);
}

/**
 * Every indicator for a unit set and period. `targets` are the targets this report is measured
 * against (usually the report unit's own, not also its children's, which would count twice);
 * those of the period's year are added per indicator.
 */
export function computeIndicators(
  scope: IndicatorScope,
  targets: readonly Pick<Target, 'year' | 'indicator' | 'value'>[],
): IndicatorResult[] {
  const year = periodYear(scope.period);
  const totals = sourceTotals(factsInScope(scope));
  return INDICATORS.map((indicator) => {
    const actual = evaluateTerms(INDICATOR_TERMS[indicator], totals);
    const target = targetTotal(targets, year, indicator);
    if (target === undefined) return { indicator, actual, display: formatNumber(actual) };
    const percent = percentOf(actual, target);
    return {
      indicator,
      actual,
      target,
      ...(percent === undefined ? {} : { percent }),
      display: formatProgress(actual, target),
    };
  });
}

/**
 * "Targets met" (`9/9`): of the indicators with a positive target, how many reached it. A target
 * of 0 says nothing is planned, so it is not counted.
 */
export function targetsMet(results: readonly IndicatorResult[]): { met: number; total: number } {
  const withTarget = results.filter((r) => r.target !== undefined && r.target > 0);
  const met = withTarget.filter((r) => r.actual >= (r.target ?? 0)).length;
  return { met, total: withTarget.length };
}

export function formatTargetsMet(results: readonly IndicatorResult[]): string {
  const { met, total } = targetsMet(results);
  return `${formatNumber(met)}/${formatNumber(total)}`;
}
