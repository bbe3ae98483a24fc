import type { Enterprise, Indicator, IndicatorEntry, SignupRecord, Target } from '../schemas';
import { INDICATORS } from '../schemas/enums';
import { formatNumber, formatProgress } from '../vn/format';
import { inPeriod, type Period, periodYear } from './period';

/**
 * Indicator definitions (docs/design.md §3) as pure functions over records, a unit set and a period.
 * Raw counts are computed; display strings come from formatProgress (`657/1.000 (65,7%)`).
 *
 * - new_members: accepted signups whose decision date is in the period, at enterprises of the
 *   units, plus `new_members` entries.
 * - net_members: entries only (new − left + transferred in is known from membership records).
 * - new_cdcs: enterprises of the units whose `foundedAt` is in the period, whatever their stage
 *   now (a CĐCS founded in March that closed in November still counts for that year), plus entries.
 * - new_cdcs_25: those of new_cdcs with workerCount ≥ 25. The model keeps one worker count, so the
 *   current figure stands in for the count at founding. Plus entries.
 * - new_ndcs, party_introductions: entries only.
 */

export { formatProgress };

export const CDCS_25_MIN_WORKERS = 25;

export type IndicatorData = {
  enterprises: readonly Enterprise[];
  signups: readonly SignupRecord[];
  entries: readonly IndicatorEntry[];
};

export type IndicatorScope = {
  data: IndicatorData;
  /** The units counted (typically a unit and its descendants: see unitAndDescendants). */
  unitIds: ReadonlySet<string>;
  period: Period;
};

function entryTotal(scope: IndicatorScope, indicator: Indicator): number {
  return scope.data.entries
    .filter(
      (entry) =>
        entry.indicator === indicator &&
        scope.unitIds.has(entry.unitId) &&
        inPeriod(entry.date, scope.period),
    )
    .reduce((sum, entry) => sum + entry.delta, 0);
}

function enterprisesInScope(scope: IndicatorScope): Enterprise[] {
  return scope.data.enterprises.filter((enterprise) => scope.unitIds.has(enterprise.unitId));
}

function foundedInPeriod(scope: IndicatorScope): Enterprise[] {
  return enterprisesInScope(scope).filter((enterprise) =>
    inPeriod(enterprise.foundedAt, scope.period),
  );
}

export function newMembers(scope: IndicatorScope): number {
  const enterpriseIds = new Set(enterprisesInScope(scope).map((enterprise) => enterprise.id));
  const accepted = scope.data.signups.filter(
    (signup) =>
      signup.status === 'accepted' &&
      enterpriseIds.has(signup.enterpriseId) &&
      inPeriod(signup.decision?.date, scope.period),
  ).length;
  return accepted + entryTotal(scope, 'new_members');
}

export function netMembers(scope: IndicatorScope): number {
  return entryTotal(scope, 'net_members');
}

export function newCdcs(scope: IndicatorScope): number {
  return foundedInPeriod(scope).length + entryTotal(scope, 'new_cdcs');
}

export function newCdcs25(scope: IndicatorScope): number {
  const large = foundedInPeriod(scope).filter(
    (enterprise) => (enterprise.workerCount ?? 0) >= CDCS_25_MIN_WORKERS,
  );
  return large.length + entryTotal(scope, 'new_cdcs_25');
}

export function newNdcs(scope: IndicatorScope): number {
  return entryTotal(scope, 'new_ndcs');
}

export function partyIntroductions(scope: IndicatorScope): number {
  return entryTotal(scope, 'party_introductions');
}

const COUNTERS: Record<Indicator, (scope: IndicatorScope) => number> = {
  new_members: newMembers,
  net_members: netMembers,
  new_cdcs: newCdcs,
  new_cdcs_25: newCdcs25,
  new_ndcs: newNdcs,
  party_introductions: partyIntroductions,
};

export function indicatorValue(indicator: Indicator, scope: IndicatorScope): number {
  return COUNTERS[indicator](scope);
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

/**
 * Every indicator for a unit set and period. `targets` are the targets this report is measured
 * against (usually the report unit's own, not also its children's, which would count twice);
 * those of the period's year are added per indicator.
 */
export function computeIndicators(
  scope: IndicatorScope,
  targets: readonly Target[],
): IndicatorResult[] {
  const year = periodYear(scope.period);
  return INDICATORS.map((indicator) => {
    const actual = indicatorValue(indicator, scope);
    const matching = targets.filter(
      (target) => target.indicator === indicator && target.year === year,
    );
    if (matching.length === 0) return { indicator, actual, display: formatNumber(actual) };
    const target = matching.reduce((sum, item) => sum + item.value, 0);
    const percent = percentOf(actual, target);
    return {
      indicator,
      actual,
      target,
      ...(percent !== undefined && { percent }),
      display: formatProgress(actual, target),
    };
  });
}

/** `rootId` and every unit below it, following parentId links (cycles are ignored). */
export function unitAndDescendants(
  units: readonly { id: string; parentId?: string | undefined }[],
  rootId: string,
): Set<string> {
  const found = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== undefined && found.has(unit.parentId) && !found.has(unit.id)) {
        found.add(unit.id);
        grew = true;
      }
    }
  }
  return found;
}
