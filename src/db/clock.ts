/** Time and ids made on the device. */

/** Now as an ISO date-time in UTC (`…Z`, which the schemas accept as an offset). */
export function nowIso(): string {
  return new Date().toISOString();
}

/** `date` (ISO) plus `days`, as an ISO date; calendar arithmetic in UTC, so no DST surprises. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days));
  return shifted.toISOString().slice(0, 10);
}

/** Milliseconds of an ISO date-time (any offset), so that `+07:00` and `Z` times compare; 0 when unreadable. */
export function timeOf(dateTime: string | undefined): number {
  return dateTime === undefined ? 0 : Date.parse(dateTime) || 0;
}

const HEX = '0123456789abcdef';

/**
 * A random (v4) UUID in lowercase. `crypto.randomUUID` exists only in secure contexts, so an app
 * opened over plain HTTP on a LAN falls back to getRandomValues, which exists everywhere.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => (HEX[byte >> 4] ?? '') + (HEX[byte & 15] ?? '')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
