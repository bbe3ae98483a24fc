import { makeIssue, type Result } from './issue';
import { precheck } from './precheck';

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Day first, as written in Vietnam; the same separator twice (`/`, `-` or `.`).
const VN_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const MIN_YEAR = 1000;

export type DateParts = { year: number; month: number; day: number };

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate({ year, month, day }: DateParts): boolean {
  return (
    year >= MIN_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

export function toIsoDate({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A calendar date typed by a user: `dd/mm/yyyy`, `d/m/yyyy` (also with `-` or `.`), or ISO
 * `yyyy-mm-dd`. Spaces are ignored. Value: ISO `YYYY-MM-DD`. Two-digit years are refused:
 * for a date of birth "01/01/05" could be 1905 or 2005.
 */
export function parseDate(input: string, field = 'date'): Result<string> {
  const pre = precheck(input, field, 'date');
  if (!pre.ok) return { issues: pre.issues };
  const parts = splitDate(pre.text.replace(/\s+/g, ''));
  if (parts === undefined) {
    return { issues: [makeIssue(field, 'error', 'date.format')] };
  }
  if (!isRealDate(parts)) return { issues: [unrealDateIssue(parts, field)] };
  return { value: toIsoDate(parts), issues: [] };
}

/** Names what is wrong: "Tháng 2 năm 1995 không có ngày 31", not only "not a date". */
function unrealDateIssue({ year, month, day }: DateParts, field: string) {
  if (month < 1 || month > 12) return makeIssue(field, 'error', 'date.month', { month });
  if (year < MIN_YEAR) return makeIssue(field, 'error', 'date.year', { year });
  return makeIssue(field, 'error', 'date.invalid', { day, month, year });
}

function splitDate(text: string): DateParts | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const vn = VN_DATE.exec(text);
  if (vn) return { year: Number(vn[4]), month: Number(vn[3]), day: Number(vn[1]) };
  return undefined;
}
