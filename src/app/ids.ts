/** Record ids are UUIDs made on the device (docs/design.md §3); src/db makes them. */
export { newId } from '../db';

/** Now as an ISO date-time with the device's offset, e.g. `2026-11-22T09:30:00+07:00`. */
export function nowWithOffset(date: Date = new Date()): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Today's ISO date on the device's calendar. */
export function today(date: Date = new Date()): string {
  return nowWithOffset(date).slice(0, 10);
}
