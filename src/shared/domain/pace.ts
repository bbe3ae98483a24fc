import { isCalendarDate } from '../schemas';
import { percentOf } from './indicators';

/**
 * The pace of the year: the share of a yearly target that should be reached by a date, month by
 * month as steering committees reckon it (the end of June is 50 %, the end of March 25 %), and
 * in proportion to the days of the month within it (15 March is 2 + 15/31 months → 20,70 %).
 */

/** Share of the year (0–1) elapsed at the end of `date`; undefined for a non-date. */
export function expectedShare(date: string): number | undefined {
  if (!isCalendarDate(date)) return undefined;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (month - 1 + day / daysInMonth) / 12;
}

/** The expected result at `date` for a yearly target, unrounded. */
export function expectedByDate(target: number, date: string): number | undefined {
  const share = expectedShare(date);
  return share === undefined ? undefined : target * share;
}

/**
 * How far a result is ahead (positive) or behind (negative) the pace, in percentage points of
 * the target, two decimals: 40 % of the target at the end of June is −10. Ranking units by it,
 * lowest first, puts the furthest behind first. Undefined without a target > 0.
 */
export function paceGap(actual: number, target: number, date: string): number | undefined {
  const percent = percentOf(actual, target);
  const share = expectedShare(date);
  if (percent === undefined || share === undefined) return undefined;
  return Math.round((percent - share * 100) * 100) / 100;
}

/** Behind the pace: short of the expected result at `date`. False without a target > 0. */
export function isBehindPace(actual: number, target: number, date: string): boolean {
  const expected = expectedByDate(target, date);
  return target > 0 && expected !== undefined && actual < expected;
}
