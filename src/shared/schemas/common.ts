import * as v from 'valibot';

/**
 * Building blocks shared by every entity schema. Schemas describe the stored and wire shape of a
 * record; the Vietnamese rules (tax-code checksum, phone prefixes, CCCD) run on top of them in
 * src/shared/domain, which is also where issue codes and messages are produced.
 *
 * Custom check messages below are issue-kind suffixes (see domain/issues.ts), not user text:
 * user text always comes from the i18n catalogue.
 */

/** Field length limits, shared with forms (`maxLength` attributes). */
export const MAX_LENGTH = {
  code: 50,
  shortText: 100,
  name: 200,
  address: 500,
  text: 2_000,
  notes: 5_000,
  phone: 30,
  idNumber: 20,
  taxCode: 20,
} as const;

/** Largest head count accepted anywhere (the biggest Vietnamese employers have ~100,000). */
export const MAX_COUNT = 1_000_000;

// Lowercase only: ids are compared as strings in IndexedDB and PostgreSQL, and
// crypto.randomUUID() produces lowercase, so an uppercase id is a bug to surface, not to fix.
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Earliest and latest year a date may carry: catches typos such as `0199` or `20255`. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** True for a real calendar date `YYYY-MM-DD` (rejects `2025-02-30`) within MIN_YEAR..MAX_YEAR. */
export function isCalendarDate(value: string): boolean {
  const match = DATE_RE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for an ISO date-time with an explicit offset (`Z` or `±HH:MM`) on a real calendar date. */
export function isDateTimeWithOffset(value: string): boolean {
  const match = DATE_TIME_RE.exec(value);
  return match !== null && isCalendarDate(match[1] ?? '');
}

export const uuidSchema = v.pipe(v.string(), v.regex(UUID_RE, 'invalid'));

/** ISO calendar date `YYYY-MM-DD`. */
export const isoDateSchema = v.pipe(v.string(), v.check(isCalendarDate, 'invalid'));

/** ISO date-time with offset, e.g. `2025-03-14T09:30:00+07:00`. */
export const isoDateTimeSchema = v.pipe(v.string(), v.check(isDateTimeWithOffset, 'invalid'));

// Half of a UTF-16 surrogate pair standing alone. No keyboard types one, JSON can carry one
// (`"\ud800"`), and PostgreSQL refuses it in text and jsonb: it must be refused as bad input.
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True for well-formed Unicode text without U+0000: what PostgreSQL can store and every device
 * can show. (String.prototype.isWellFormed is ES2024; this runs on the phones we support.)
 */
export function isWellFormedText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE_RE.test(value);
}

/** A string of well-formed text: the base of every text field. */
export const wellFormedString = v.pipe(v.string(), v.check(isWellFormedText, 'malformed_text'));

/** A finite number: JSON's `1e999` parses as Infinity, which JSON cannot even write back. */
export const finiteNumber = v.pipe(v.number(), v.finite('not_finite'));

/** Trimmed, NFC-normalised text (Unikey and some keyboards send NFD) of at most `max` characters. */
export function text(max: number) {
  return v.pipe(wellFormedString, v.trim(), v.normalize('NFC'), v.maxLength(max));
}

/** Like `text`, but must not be empty after trimming. */
export function requiredText(max: number) {
  return v.pipe(wellFormedString, v.trim(), v.normalize('NFC'), v.nonEmpty(), v.maxLength(max));
}

/** A non-negative integer count (people, applications). */
export const countSchema = v.pipe(finiteNumber, v.integer(), v.minValue(0), v.maxValue(MAX_COUNT));

export type MalformedValue = { path: string; kind: 'malformed_text' | 'not_finite' };

// A path segment worth naming: a field name or an index, not a 100 kB key an attacker chose.
const PLAIN_KEY_RE = /^[A-Za-z0-9_]{1,64}$/;
const MAX_MALFORMED_REPORTED = 20;

/**
 * Every string (or key) that is not well-formed text and every number that is not finite in a
 * JSON value, whatever schema reads it later (drafts, fields a schema does not know). Paths are
 * dot paths (`location.accuracy`), cut at the first segment that is not a plain name. Iterative,
 * so a deeply nested value cannot overflow the stack; at most 20 findings.
 */
export function malformedValues(value: unknown, root = ''): MalformedValue[] {
  const found: MalformedValue[] = [];
  const pending: [unknown, string][] = [[value, root]];
  const join = (path: string, key: string) =>
    PLAIN_KEY_RE.test(key) ? (path ? `${path}.${key}` : key) : path;
  while (pending.length > 0 && found.length < MAX_MALFORMED_REPORTED) {
    const [item, path] = pending.pop() as [unknown, string];
    if (typeof item === 'string') {
      if (!isWellFormedText(item)) found.push({ path, kind: 'malformed_text' });
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item)) found.push({ path, kind: 'not_finite' });
    } else if (Array.isArray(item)) {
      // A loop, not push(...item): spreading a million-element array overflows the call stack.
      for (let index = item.length - 1; index >= 0; index--) {
        pending.push([item[index], join(path, String(index))]);
      }
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        if (!isWellFormedText(key)) found.push({ path, kind: 'malformed_text' });
        else pending.push([child, join(path, key)]);
      }
    }
  }
  return found;
}

/**
 * Fields the server sets on every synced record. Optional so that the device can validate a
 * record before its first push; the server overwrites whatever the client sent.
 */
export const syncFields = {
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  updatedAt: v.optional(isoDateTimeSchema),
  updatedBy: v.optional(uuidSchema),
};

/**
 * Every field the server sets whatever the client sends (docs/design.md §3): the sync fields
 * above and the author of a visit or an application. The server drops them from a pushed record, a conflict merge
 * ignores them, and the device keeps its stored ones when the user saves an edit.
 */
export const SERVER_SET_FIELDS = ['version', 'updatedAt', 'updatedBy', 'authorId'] as const;
export type ServerSetField = (typeof SERVER_SET_FIELDS)[number];
