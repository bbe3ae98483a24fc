import {
  childrenOf,
  computeIndicators,
  evaluateTerms,
  expectedByDate,
  INDICATOR_TERMS,
  type IndicatorData,
  type IndicatorFact,
  type IndicatorResult,
  indicatorFacts,
  isBehindPace,
  type Period,
  paceGap,
  periodRange,
  periodYear,
  sourceTotals,
  type Total,
  targetsMet,
  targetTotal,
  totalsAt,
  unitAndDescendants,
  yearToDate,
} from '../../../shared/domain';
import type { Indicator, Target } from '../../../shared/schemas';

/**
 * The figures of the progress screens, from facts (indicatorFacts) with the functions of
 * src/shared/domain: a unit's subtree against the unit's own targets, as the monthly report does
 * (docs/design.md §3, §5).
 */

export type ProgressUnit = { id: string; name: string; parentId?: string | undefined };

/** Facts bucketed by unit once, so that each subtree sums only its own. */
export type FactIndex = {
  facts: readonly IndicatorFact[];
  byUnit: ReadonlyMap<string, readonly IndicatorFact[]>;
  units: readonly ProgressUnit[];
  targets: readonly Target[];
};

/**
 * The facts of the headline's narrow read (loadProgressHeadline): those of its foundings and
 * entries, and one fact of `unitId` per span of admissions, dated the span's first day.
 */
export function headlineFacts(
  unitId: string,
  indicators: IndicatorData,
  admitted: readonly { from: string; count: number }[],
): IndicatorFact[] {
  const facts = indicatorFacts(indicators);
  for (const { from, count } of admitted) {
    if (count > 0) {
      facts.push({
        source: 'signup_accepted',
        unitId,
        date: from,
        amount: count,
        entity: 'signup',
        id: from,
      });
    }
  }
  return facts;
}

export function indexFacts(
  facts: readonly IndicatorFact[],
  units: readonly ProgressUnit[],
  targets: readonly Target[],
): FactIndex {
  const byUnit = new Map<string, IndicatorFact[]>();
  for (const fact of facts) {
    const list = byUnit.get(fact.unitId);
    if (list) list.push(fact);
    else byUnit.set(fact.unitId, [fact]);
  }
  return { facts, byUnit, units, targets };
}

/** The facts of `unitId`'s subtree (the unit and every unit below it). */
export function subtreeFacts(
  index: FactIndex,
  unitId: string,
): {
  unitIds: Set<string>;
  facts: IndicatorFact[];
} {
  const unitIds = unitAndDescendants(index.units, unitId);
  const facts: IndicatorFact[] = [];
  for (const id of unitIds) facts.push(...(index.byUnit.get(id) ?? []));
  return { unitIds, facts };
}

export function ownTargets(index: FactIndex, unitId: string): Target[] {
  return index.targets.filter((target) => target.unitId === unitId);
}

export type UnitFigures = {
  unitId: string;
  name: string;
  results: IndicatorResult[];
  met: { met: number; total: number };
};

/** Every indicator of a unit's subtree in the period, against the unit's own targets. */
export function unitFigures(index: FactIndex, unitId: string, period: Period): UnitFigures {
  const { unitIds, facts } = subtreeFacts(index, unitId);
  const results = computeIndicators({ facts, unitIds, period }, ownTargets(index, unitId));
  const name = index.units.find((unit) => unit.id === unitId)?.name ?? '';
  return { unitId, name, results, met: targetsMet(results) };
}

/** Members, CĐCS and NĐCS of the subtree at the end of `date`. */
export function subtreeTotals(
  index: FactIndex,
  unitId: string,
  date: string,
): Record<Total, number> {
  const { unitIds, facts } = subtreeFacts(index, unitId);
  return totalsAt(facts, unitIds, date);
}

/** Where a unit stands against the pace of the year on `date`, for one indicator. */
export type PaceMark = {
  /** The year to `date`. */
  actual: number;
  target: number;
  /** target × the share of the year gone by. */
  expected: number;
  /** Points of the target ahead (+) or behind (−) the pace. */
  gap: number;
  behind: boolean;
};

export function paceMark(
  index: FactIndex,
  unitId: string,
  indicator: Indicator,
  date: string,
): PaceMark | undefined {
  const target = targetTotal(ownTargets(index, unitId), Number(date.slice(0, 4)), indicator);
  if (target === undefined || !(target > 0)) return undefined;
  const { facts } = subtreeFacts(index, unitId);
  const { from, to } = periodRange(yearToDate(date));
  const inYear = facts.filter((fact) => fact.date >= from && fact.date <= to);
  const actual = evaluateTerms(INDICATOR_TERMS[indicator], sourceTotals(inYear));
  const gap = paceGap(actual, target, date);
  const expected = expectedByDate(target, date);
  if (gap === undefined || expected === undefined) return undefined;
  return { actual, target, expected, gap, behind: isBehindPace(actual, target, date) };
}

export type SubUnitRow = UnitFigures & { pace?: PaceMark };

/**
 * The direct sub-units of `parentId`, each with its figures for the period and its pace on
 * `date` for `indicator`, the furthest behind first; those without a target for it come last,
 * by name.
 */
export function rankedSubUnits(
  index: FactIndex,
  parentId: string,
  period: Period,
  indicator: Indicator,
  date: string | undefined,
): SubUnitRow[] {
  const rows = childrenOf(index.units, parentId).map((unit): SubUnitRow => {
    const figures = unitFigures(index, unit.id, period);
    const pace = date === undefined ? undefined : paceMark(index, unit.id, indicator, date);
    return pace === undefined ? figures : { ...figures, pace };
  });
  return rows.sort(byPace);
}

const collator = new Intl.Collator('vi');

function byPace(a: SubUnitRow, b: SubUnitRow): number {
  if (a.pace && b.pace && a.pace.gap !== b.pace.gap) return a.pace.gap - b.pace.gap;
  if (a.pace && !b.pace) return -1;
  if (!a.pace && b.pace) return 1;
  return collator.compare(a.name, b.name);
}

/** The year of a period, for its targets and its chart. */
export function yearOf(period: Period): number {
  return periodYear(period);
}
