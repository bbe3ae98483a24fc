import { isRealDate, toIsoDate } from './date';

/** Shown instead of a number that does not exist (no target set, NaN). */
export const NO_VALUE = '–';

// Created on first use: a top-level `new Intl.NumberFormat` is a side effect that would keep
// this module in every bundle that imports anything from src/shared/vn.
let integerLike: Intl.NumberFormat | undefined;
let percentLike: Intl.NumberFormat | undefined;

function numberFormat(): Intl.NumberFormat {
  integerLike ??= new Intl.NumberFormat('vi-VN', { signDisplay: 'negative' });
  return integerLike;
}

function percentFormat(): Intl.NumberFormat {
  percentLike ??= new Intl.NumberFormat('vi-VN', {
    maximumFractionDigits: 2,
    signDisplay: 'negative',
  });
  return percentLike;
}

function isFiniteNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** vi-VN number: `10.291`, `1.234,5`. Non-finite → "–". `signDisplay` avoids "-0". */
export function formatNumber(n: number): string {
  if (!isFiniteNumber(n)) return NO_VALUE;
  return numberFormat().format(n);
}

/**
 * numerator / denominator as a percentage with at most two decimals and no trailing zeros:
 * `106,07%`, `65,7%`, `80%`. A zero denominator (no target) gives "–", not ∞ or NaN.
 */
export function formatPercent(numerator: number, denominator: number): string {
  if (!isFiniteNumber(numerator) || !isFiniteNumber(denominator) || denominator === 0) {
    return NO_VALUE;
  }
  const percent = (numerator / denominator) * 100;
  return Number.isFinite(percent) ? `${percentFormat().format(percent)}%` : NO_VALUE;
}

/** Progress as shown in reports: `20/25 (80%)`, `657/1.000 (65,7%)`, `3/0 (–)`. */
export function formatProgress(actual: number, target: number): string {
  return `${formatNumber(actual)}/${formatNumber(target)} (${formatPercent(actual, target)})`;
}

const ISO_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?=$|[T ])/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;
// Vietnam has used UTC+7 all year since 1975 (no daylight saving).
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * `dd/mm/yyyy` from an ISO date or date-time. A date-time with an offset is an instant and is
 * shown on Vietnam's calendar (`2025-03-01T20:00:00Z` → `02/03/2025`), the same on every device
 * and on the server; one without an offset shows its own date. Unreadable input is returned
 * unchanged rather than hidden.
 */
export function formatDate(iso: string): string {
  if (typeof iso !== 'string') return '';
  const text = iso.trim();
  const date = HAS_OFFSET.test(text) && text.length > 10 ? vietnamDate(text) : text;
  const match = date === undefined ? null : ISO_DATE_PREFIX.exec(date);
  if (!match) return iso;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!isRealDate(parts)) return iso;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

function vietnamDate(dateTime: string): string | undefined {
  if (!ISO_DATE_PREFIX.test(dateTime)) return undefined;
  const ms = Date.parse(dateTime);
  if (Number.isNaN(ms)) return undefined;
  const shifted = new Date(ms + VIETNAM_OFFSET_MS);
  return toIsoDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}
