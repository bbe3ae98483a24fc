import * as v from 'valibot';
import { type Indicator, type Target, targetSchema } from '../schemas';
import { INDICATORS } from '../schemas/enums';
import type { Issue, Result } from '../vn/issue';
import { makeIssue } from '../vn/issue';
import { fromValibot } from './issues';
import { childrenOf, type UnitLink } from './units';

/**
 * Targets (chỉ tiêu): one per unit, year and indicator (docs/design.md §3). A unit hands targets
 * down to the units below it; the sum of theirs should reach its own.
 */

/** The identity of a target: two targets with the same key are one too many. */
export function targetKey(target: Pick<Target, 'unitId' | 'year' | 'indicator'>): string {
  return `${target.unitId}|${target.year}|${target.indicator}`;
}

/** Schema check of a target; `value` only without errors. */
export function checkTarget(input: unknown): Result<Target> {
  const parsed = v.safeParse(targetSchema, input);
  if (!parsed.success) return { issues: fromValibot('target', parsed.issues) };
  return { value: parsed.output, issues: [] };
}

/** An error when another target (another id) has the same unit, year and indicator. */
export function targetUniquenessIssues(
  target: Pick<Target, 'id' | 'unitId' | 'year' | 'indicator'>,
  existing: readonly Pick<Target, 'id' | 'unitId' | 'year' | 'indicator'>[],
): Issue[] {
  const key = targetKey(target);
  const taken = existing.some((other) => other.id !== target.id && targetKey(other) === key);
  return taken ? [makeIssue('indicator', 'error', 'target.duplicate')] : [];
}

export type TargetSplit = {
  indicator: Indicator;
  /** The unit's own target; undefined when not set. */
  own: number | undefined;
  /** Sum of the direct sub-units' targets (0 when none is set). */
  handedDown: number;
  /** The sub-units' targets fall short of the unit's own. */
  short: boolean;
};

/** For each indicator: the unit's target against the sum handed down to its direct sub-units. */
export function targetSplit(
  units: readonly UnitLink[],
  targets: readonly Target[],
  unitId: string,
  year: number,
): TargetSplit[] {
  const children = new Set(childrenOf(units, unitId).map((unit) => unit.id));
  const ofYear = targets.filter((target) => target.year === year);
  return INDICATORS.map((indicator) => {
    const own = ofYear.find((t) => t.unitId === unitId && t.indicator === indicator)?.value;
    const handedDown = ofYear
      .filter((t) => children.has(t.unitId) && t.indicator === indicator)
      .reduce((sum, t) => sum + t.value, 0);
    return { indicator, own, handedDown, short: own !== undefined && handedDown < own };
  });
}

/**
 * Last year's targets of `unitIds` as a starting point for `toYear`: new ids, versions dropped,
 * and none for a unit and indicator that already has a target that year.
 */
export function copyTargets(
  targets: readonly Target[],
  unitIds: ReadonlySet<string>,
  fromYear: number,
  toYear: number,
  newId: () => string,
): Target[] {
  const taken = new Set(
    targets.filter((t) => t.year === toYear).map((t) => targetKey({ ...t, year: toYear })),
  );
  return targets
    .filter((t) => t.year === fromYear && unitIds.has(t.unitId))
    .filter((t) => !taken.has(targetKey({ ...t, year: toYear })))
    .map((t) => ({
      id: newId(),
      unitId: t.unitId,
      year: toYear,
      indicator: t.indicator,
      value: t.value,
    }));
}
