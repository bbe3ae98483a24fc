import { t } from '../i18n';
import { isCalendarDate } from '../schemas';
import { formatDate } from '../vn/format';

/**
 * Reporting periods. Reports compare year-to-date results with the yearly target and list the
 * month for the steering committee's monthly report.
 */
export type MonthPeriod = { kind: 'month'; year: number; month: number };
/** From 1 January of `through`'s year up to and including `through` (ISO date). */
export type YearToDatePeriod = { kind: 'ytd'; through: string };
export type Period = MonthPeriod | YearToDatePeriod;

export function monthPeriod(year: number, month: number): MonthPeriod {
  return { kind: 'month', year, month };
}

export function yearToDate(through: string): YearToDatePeriod {
  return { kind: 'ytd', through };
}

/** The year a period belongs to: whose targets it is measured against. */
export function periodYear(period: Period): number {
  return period.kind === 'month' ? period.year : Number(period.through.slice(0, 4));
}

/** First and last day, inclusive, as ISO dates. */
export function periodRange(period: Period): { from: string; to: string } {
  if (period.kind === 'ytd')
    return { from: `${period.through.slice(0, 4)}-01-01`, to: period.through };
  const month = String(period.month).padStart(2, '0');
  const year = String(period.year).padStart(4, '0');
  const lastDay = new Date(Date.UTC(period.year, period.month, 0)).getUTCDate();
  return { from: `${year}-${month}-01`, to: `${year}-${month}-${lastDay}` };
}

/** True when `date` (an ISO date) falls in the period; false for anything else. */
export function inPeriod(date: string | undefined, period: Period): boolean {
  if (date === undefined || !isCalendarDate(date)) return false;
  const { from, to } = periodRange(period);
  return date >= from && date <= to;
}

/** "Tháng 3/2025" or "Lũy kế đến 31/03/2025". */
export function periodLabel(period: Period): string {
  return period.kind === 'month'
    ? t('period.month', { month: period.month, year: period.year })
    : t('period.ytd', { date: formatDate(period.through) });
}
