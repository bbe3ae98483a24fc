import type { Indicator } from '../../../shared/schemas';
import { encodeChoice, type PeriodChoice } from './period-choice';

/**
 * Addresses of the progress screens. Their state (period, indicator, unit, author) is in the
 * query, so that the back button returns to the same figures.
 */

export type ActivityKind = 'visits' | 'applications' | 'admissions' | 'movedForward';
export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  'visits',
  'applications',
  'admissions',
  'movedForward',
];

export function progressHref(choice: PeriodChoice, indicator: Indicator): string {
  return `/progress?${new URLSearchParams({ p: encodeChoice(choice), i: indicator })}`;
}

/** The records behind an indicator of a unit's subtree in the period. */
export function indicatorRecordsHref(
  unitId: string,
  choice: PeriodChoice,
  indicator: Indicator,
): string {
  return `/progress/records?${new URLSearchParams({ u: unitId, p: encodeChoice(choice), i: indicator })}`;
}

/** The records behind an organizer's figure (`a`: the author, '' when nobody can name them). */
export function activityRecordsHref(
  unitId: string,
  choice: PeriodChoice,
  kind: ActivityKind,
  authorId: string,
): string {
  return `/progress/records?${new URLSearchParams({ u: unitId, p: encodeChoice(choice), k: kind, a: authorId })}`;
}

export function reportHref(unitId: string, year: number, month: number): string {
  return `/progress/report?${new URLSearchParams({ u: unitId, y: String(year), m: String(month) })}`;
}
