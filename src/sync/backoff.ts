/** Retry policy after a network error, a 5xx or a 429 (docs/design.md §6). */
export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 5 * 60_000;

/**
 * Exponential backoff with full jitter: the n-th consecutive failure waits a random time up to
 * BASE·2ⁿ (capped), so that many phones coming back online at once don't retry in step. A
 * server's Retry-After is a floor, never shortened by the jitter.
 */
export function retryDelay(
  failures: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, failures - 1));
  const jittered = Math.round(ceiling * (0.5 + random() / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Retry-After as seconds or an HTTP date → milliseconds from `now`. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  // An HTTP date names its day and month; anything else (`-5`, `soon`) is not understood.
  if (!/[a-z]{3}/i.test(header)) return undefined;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
