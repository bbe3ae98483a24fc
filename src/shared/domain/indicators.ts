import {
  type Enterprise,
  type EntryKind,
  type Indicator,
  type IndicatorEntry,
  isCalendarDate,
  type SignupStatus,
  type Target,
} from '../schemas';
import { INDICATORS } from '../schemas/enums';
import { formatNumber, formatProgress } from '../vn/format';
import { type Period, periodRange, periodYear, yearToDate } from './period';

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

export { formatProgress };

export const CDCS_25_MIN_WORKERS = 25;

/** Facts that come from the app's own records rather than entries. */
export const RECORD_SOURCES = ['signup_accepted', 'cdcs_founded', 'cdcs25_founded'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];
export type AdjustmentSource = `adjustment.${Indicator}`;
export type FactSource = RecordSource | EntryKind | AdjustmentSource;

export type IndicatorFact = {
  source: FactSource;
  unitId: string;
  /** ISO date the fact counts on. */
  date: string;
  amount: number;
  /** The record behind the fact, so that every figure can be traced to its records. */
  entity: 'signup' | 'enterprise' | 'indicatorEntry';
  id: string;
  /** Who collected the application (signup facts): per-organizer admissions. */
  authorId?: string;
};

export type Term = { source: FactSource; sign: 1 | -1 };

const add = (source: FactSource): Term => ({ source, sign: 1 });
const subtract = (source: FactSource): Term => ({ source, sign: -1 });
const adjusted = (indicator: Indicator): Term => add(`adjustment.${indicator}`);

const newMembersTerms = [add('signup_accepted'), add('admitted_outside'), adjusted('new_members')];
const newCdcsTerms = [add('cdcs_founded'), add('cdcs_founded_outside'), adjusted('new_cdcs')];
const newNdcsTerms = [add('ndcs_founded'), adjusted('new_ndcs')];
const netMembersTerms = [
  ...newMembersTerms,
  add('transferred_in'),
  subtract('left'),
  subtract('transferred_out'),
  adjusted('net_members'),
];

/** Each indicator as a signed sum of fact sources (the table of docs/design.md §3). */
export const INDICATOR_TERMS: Readonly<Record<Indicator, readonly Term[]>> = {
  new_members: newMembersTerms,
  net_members: netMembersTerms,
  informal_members: [add('informal_admitted'), adjusted('informal_members')],
  new_cdcs: newCdcsTerms,
  new_cdcs_25: [add('cdcs25_founded'), add('cdcs25_founded_outside'), adjusted('new_cdcs_25')],
  new_ndcs: newNdcsTerms,
  party_introductions: [add('party_introduced'), adjusted('party_introductions')],
  party_admissions: [add('party_admitted'), adjusted('party_admissions')],
};

/** Counts at a date (not targets): the opening on 1 January plus the year's movements. */
export const TOTALS = ['members', 'cdcs', 'ndcs'] as const;
export type Total = (typeof TOTALS)[number];

export const TOTAL_TERMS: Readonly<Record<Total, readonly Term[]>> = {
  members: [add('members_opening'), ...netMembersTerms],
  cdcs: [add('cdcs_opening'), ...newCdcsTerms, subtract('cdcs_dissolved')],
  // The model has no dissolution kind for NĐCS: their count only grows within a year.
  ndcs: [add('ndcs_opening'), ...newNdcsTerms],
};

export type IndicatorSignup = {
  id: string;
  enterpriseId: string;
  status: SignupStatus;
  decision?: { date: string } | undefined;
  authorId?: string | undefined;
};

export type IndicatorEnterprise = Pick<
  Enterprise,
  'id' | 'unitId' | 'foundedAt' | 'workerCountAtFounding' | 'workerCount'
>;

export type IndicatorData = {
  enterprises: readonly IndicatorEnterprise[];
  signups: readonly IndicatorSignup[];
  entries: readonly IndicatorEntry[];
};

/** Worker count that decides `new_cdcs_25`: the one at founding, for good. */
export function workersAtFounding(enterprise: IndicatorEnterprise): number {
  return enterprise.workerCountAtFounding ?? enterprise.workerCount ?? 0;
}

/**
 * Every fact of the records. A signup whose enterprise is not in `enterprises` has no unit and
 * yields no fact (a device only holds its scope's enterprises, and counts its scope). A fact
 * without a real calendar date counts nowhere, so it is left out here once rather than checked in
 * every period.
 */
export function indicatorFacts(data: IndicatorData): IndicatorFact[] {
  // A year has at most 366 dates: each distinct one is checked once.
  const valid = new Map<string, boolean>();
  return recordFacts(data).filter((fact) => {
    let ok = valid.get(fact.date);
    if (ok === undefined) {
      ok = isCalendarDate(fact.date);
      valid.set(fact.date, ok);
    }
    return ok;
  });
}

function recordFacts(data: IndicatorData): IndicatorFact[] {
  const facts: IndicatorFact[] = [];
  const unitOf = new Map(data.enterprises.map((enterprise) => [enterprise.id, enterprise.unitId]));
  for (const signup of data.signups) {
    const unitId = unitOf.get(signup.enterpriseId);
    const date = signup.decision?.date;
    if (signup.status !== 'accepted' || unitId === undefined || date === undefined) continue;
    const fact: IndicatorFact = {
      source: 'signup_accepted',
      unitId,
      date,
      amount: 1,
      entity: 'signup',
      id: signup.id,
    };
    facts.push(signup.authorId === undefined ? fact : { ...fact, authorId: signup.authorId });
  }
  for (const enterprise of data.enterprises) {
    const { id, unitId, foundedAt: date } = enterprise;
    if (date === undefined) continue;
    facts.push({ source: 'cdcs_founded', unitId, date, amount: 1, entity: 'enterprise', id });
    if (workersAtFounding(enterprise) >= CDCS_25_MIN_WORKERS) {
      facts.push({ source: 'cdcs25_founded', unitId, date, amount: 1, entity: 'enterprise', id });
    }
  }
  for (const entry of data.entries) {
    const adjustment = entry.kind === 'adjustment';
    facts.push({
      source: adjustment ? `adjustment.${entry.indicator}` : entry.kind,
      unitId: entry.unitId,
      date: entry.date,
      amount: adjustment ? entry.delta : entry.count,
      entity: 'indicatorEntry',
      id: entry.id,
    });
  }
  return facts;
}

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
