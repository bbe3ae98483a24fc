import {
  monthPeriod,
  type Period,
  periodRange,
  quarterPeriod,
  yearToDate,
} from '../../../shared/domain/period';
import { isCalendarDate } from '../../../shared/schemas';

/**
 * The period a progress screen shows, as the user picks it: this month, a month, a quarter, the
 * year to date (today, or 31 December of a past year) or the year to a cut-off date. It lives in
 * the address (`?p=m-2026-03`), so going back from a figure's records keeps the choice.
 */
export type PeriodChoice =
  | { kind: 'thisMonth' }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'ytd'; year: number }
  | { kind: 'cutoff'; date: string };

export type PeriodKind = PeriodChoice['kind'];
export const PERIOD_KINDS: readonly PeriodKind[] = [
  'thisMonth',
  'month',
  'quarter',
  'ytd',
  'cutoff',
];

export const THIS_MONTH: PeriodChoice = { kind: 'thisMonth' };

const pad2 = (n: number) => String(n).padStart(2, '0');

export function encodeChoice(choice: PeriodChoice): string {
  switch (choice.kind) {
    case 'thisMonth':
      return 'this-month';
    case 'month':
      return `m-${choice.year}-${pad2(choice.month)}`;
    case 'quarter':
      return `q-${choice.year}-${choice.quarter}`;
    case 'ytd':
      return `y-${choice.year}`;
    case 'cutoff':
      return `d-${choice.date}`;
  }
}

const YEAR = '(\\d{4})';

/** The choice an address names; anything unreadable is undefined (the screen shows this month). */
export function decodeChoice(text: string | null | undefined): PeriodChoice | undefined {
  if (!text) return undefined;
  if (text === 'this-month') return THIS_MONTH;
  let m = new RegExp(`^m-${YEAR}-(\\d{2})$`).exec(text);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', year: Number(m[1]), month } : undefined;
  }
  m = new RegExp(`^q-${YEAR}-([1-4])$`).exec(text);
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  m = new RegExp(`^y-${YEAR}$`).exec(text);
  if (m) return { kind: 'ytd', year: Number(m[1]) };
  m = /^d-(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (m?.[1] && isCalendarDate(m[1])) return { kind: 'cutoff', date: m[1] };
  return undefined;
}

/** The reporting period of a choice on `today` (an ISO date on Vietnam's calendar). */
export function toPeriod(choice: PeriodChoice, today: string): Period {
  const year = Number(today.slice(0, 4));
  switch (choice.kind) {
    case 'thisMonth':
      return monthPeriod(year, Number(today.slice(5, 7)));
    case 'month':
      return monthPeriod(choice.year, choice.month);
    case 'quarter':
      return quarterPeriod(choice.year, choice.quarter);
    case 'ytd':
      return yearToDate(choice.year === year ? today : `${choice.year}-12-31`);
    case 'cutoff':
      return yearToDate(choice.date);
  }
}

/**
 * The date a period is held to the pace of the year: its last day, or today while it runs.
 * Undefined for a period that has not begun (nothing is expected yet).
 */
export function paceDate(period: Period, today: string): string | undefined {
  const { from, to } = periodRange(period);
  if (from > today) return undefined;
  return to < today ? to : today;
}

/** The month a monthly report of the period covers: the month of its pace date. */
export function reportMonth(period: Period, today: string): { year: number; month: number } {
  const date = paceDate(period, today) ?? periodRange(period).from;
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/**
 * The days the headline of a choice asks about on `today`: the period's first and last day and
 * the date of its totals (its pace date; none for a period not begun).
 */
export function headlineDates(
  choice: PeriodChoice,
  today: string,
): { from: string; to: string; asOf: string | undefined } {
  const period = toPeriod(choice, today);
  const { from, to } = periodRange(period);
  return { from, to, asOf: paceDate(period, today) };
}
