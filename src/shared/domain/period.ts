import { t } from '../i18n';
import { isCalendarDate } from '../schemas';
import { formatDate } from '../vn/format';

/**
 * Reporting periods (docs/design.md §3): a month, a quarter, or the year to a cut-off date
 * ("tính đến ngày 30/9", which is also "the year to date" when the cut-off is today). Results are
 * measured against the yearly target of the period's year.
 */
export type MonthPeriod = { kind: 'month'; year: number; month: number };
export type QuarterPeriod = { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 };
/** From 1 January of `through`'s year up to and including `through` (ISO date). */
export type YearToDatePeriod = { kind: 'ytd'; through: string };
export type Period = MonthPeriod | QuarterPeriod | YearToDatePeriod;

export function monthPeriod(year: number, month: number): MonthPeriod {
  return { kind: 'month', year, month };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): QuarterPeriod {
  return { kind: 'quarter', year, quarter };
}

/** The year to a cut-off date: 1 January through `through`, both included. */
export function yearToDate(through: string): YearToDatePeriod {
  return { kind: 'ytd', through };
}

/** The quarter a month (1–12) falls in. */
export function quarterOf(month: number): 1 | 2 | 3 | 4 {
  return (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** The year a period belongs to: whose targets it is measured against. */
export function periodYear(period: Period): number {
  return period.kind === 'ytd' ? Number(period.through.slice(0, 4)) : period.year;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The last day of a month as an ISO date. */
export function endOfMonth(year: number, month: number): string {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(lastDay, 2)}`;
}

/** First and last day, inclusive, as ISO dates. */
export function periodRange(period: Period): { from: string; to: string } {
  if (period.kind === 'ytd')
    return { from: `${period.through.slice(0, 4)}-01-01`, to: period.through };
  const [first, last] =
    period.kind === 'month'
      ? [period.month, period.month]
      : [period.quarter * 3 - 2, period.quarter * 3];
  return { from: `${pad(period.year, 4)}-${pad(first, 2)}-01`, to: endOfMonth(period.year, last) };
}

/** True when `date` (an ISO date) falls in the period; false for anything else. */
export function inPeriod(date: string | undefined, period: Period): boolean {
  if (date === undefined || !isCalendarDate(date)) return false;
  const { from, to } = periodRange(period);
  return date >= from && date <= to;
}

/** "Tháng 3/2025", "Quý 1/2025" or "Lũy kế đến 31/03/2025". */
export function periodLabel(period: Period): string {
  switch (period.kind) {
    case 'month':
      return t('period.month', { month: period.month, year: period.year });
    case 'quarter':
      return t('period.quarter', { quarter: period.quarter, year: period.year });
    default:
      return t('period.ytd', { date: formatDate(period.through) });
  }
}

/** The year up to the last day of a month: the "year to date" of a monthly report. */
export function yearToMonthEnd(year: number, month: number): YearToDatePeriod {
  return yearToDate(endOfMonth(year, month));
}
