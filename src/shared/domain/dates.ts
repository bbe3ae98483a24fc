import { isCalendarDate } from '../schemas';

/**
 * Calendar arithmetic on ISO dates, kept as strings: no Date objects, so no time-zone surprises
 * between the phone and the server.
 */

/** Vietnam has used UTC+7 all year since 1975 (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date on Vietnam's calendar (the same on the device and on the server). */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole years from `birth` to `on` (both ISO dates); undefined when either is not a date. */
export function ageOn(birth: string, on: string): number | undefined {
  if (!isCalendarDate(birth) || !isCalendarDate(on)) return undefined;
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  // `MM-DD` strings compare in calendar order.
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** True when `date` is a real ISO date after `today`. */
export function isAfter(date: string, today: string): boolean {
  return isCalendarDate(date) && date > today;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `date` to `today` (ISO dates); undefined when either is not a date. */
export function daysBetween(date: string, today: string): number | undefined {
  if (!isCalendarDate(date) || !isCalendarDate(today)) return undefined;
  return Math.round((Date.parse(today) - Date.parse(date)) / DAY_MS);
}
