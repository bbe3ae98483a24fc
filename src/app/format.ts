import { getLanguage, localeOf } from '../shared/i18n';
import { formatDate, parsePhone } from '../shared/vn/core';

/*
 * Dates and phones as shown on screen, in the UI language: Vietnamese `15/03/2026`, English
 * `15 Mar 2026` (day first and the month in words: `3/15` and `15/3` are both read somewhere).
 */

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A date or date-time on Vietnam's calendar (as formatDate reads it), in the UI language. */
export function formatDay(iso: string): string {
  const vietnamese = formatDate(iso);
  if (getLanguage() === 'vi') return vietnamese;
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(vietnamese);
  if (!match) return vietnamese;
  const locale = localeOf();
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  return format.format(
    new Date(Date.UTC(Number(match[3]), Number(match[2]) - 1, Number(match[1]))),
  );
}

/** Date and time of an instant, on Vietnam's clock, in the UI language. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(localeOf(), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

/**
 * A Vietnamese phone as written in Vietnam: mobile `0918 123 456`, landline `0292 3812 345`.
 * What cannot be read as a Vietnamese number is shown as stored.
 */
export function formatPhone(phone: string): string {
  const e164 = parsePhone(phone).value;
  if (e164 === undefined) return phone;
  const digits = `0${e164.slice(3)}`;
  const head = digits.slice(0, 4);
  return digits.length === 10
    ? `${head} ${digits.slice(4, 7)} ${digits.slice(7)}`
    : `${head} ${digits.slice(4, 8)} ${digits.slice(8)}`;
}

/** The `tel:` link of a phone: the international form when it reads as Vietnamese. */
export function telHref(phone: string): string {
  const e164 = parsePhone(phone).value;
  return `tel:${e164 ?? phone.replace(/[^\d+]/g, '')}`;
}
