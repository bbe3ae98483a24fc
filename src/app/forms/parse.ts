import { parseDate } from '../../shared/vn/core';

/** A count typed as `1.200` or `1 200` (vi-VN grouping); empty → undefined, junk → NaN. */
export function parseCount(text: string): number | undefined {
  const compact = text.replace(/[\s.,]/g, '');
  if (compact === '') return undefined;
  return /^\d+$/.test(compact) ? Number(compact) : Number.NaN;
}

/** A date typed as `dd/mm/yyyy` → ISO; empty → undefined; unreadable → the text itself, so the
 * schema reports it as invalid instead of it vanishing. */
export function parseOptionalDate(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  return parseDate(text).value ?? text;
}

/** Drops keys whose value is undefined or '' (exactOptionalPropertyTypes: absent, not empty). */
export function compact<T extends Record<string, unknown>>(record: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out as Partial<T>;
}
