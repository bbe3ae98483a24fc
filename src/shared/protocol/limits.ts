/** Limits of the sync API (docs/design.md §5). Beyond them the server answers 413. */

export const MAX_MUTATIONS_PER_PUSH = 500;
/** Largest accepted push body, in bytes (2 MiB). */
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;

/** Pull page size when `limit` is absent, and the ceiling it is clamped to. */
export const PULL_DEFAULT_LIMIT = 200;
export const PULL_MAX_LIMIT = 1000;

/** Cursors are opaque server tokens; anything longer was not issued by the server. */
export const MAX_CURSOR_LENGTH = 200;

/** The page size the server uses for a requested `limit` (≥ 1): clamped to PULL_MAX_LIMIT. */
export function clampPullLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return PULL_DEFAULT_LIMIT;
  return Math.min(PULL_MAX_LIMIT, Math.max(1, Math.floor(limit)));
}
