/**
 * The server's error log. Records hold workers' names, ID numbers, phones and birth dates, and
 * database errors carry the statement's parameters (PGlite's error objects do, and messages such
 * as `invalid input syntax … "…"` quote the value), so an error is logged by what it IS — its
 * SQLSTATE or class, where it was thrown — and by where it happened (route, mutation id, entity),
 * never by its message or the data involved.
 */
export type ErrorPlace = {
  /** `POST /api/sync/push`: the method and the route pattern, never the URL with its query. */
  route: string;
  mutationId?: string;
  entity?: string;
};

// A PostgreSQL SQLSTATE (`23505`, `22P05`): names the kind of failure without quoting data.
const SQLSTATE = /^[0-9A-Z]{5}$/;

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && SQLSTATE.test(code)) return code;
  if (error instanceof Error) return error.name;
  return typeof error;
}

/** The stack's frames without its first line, which repeats the message. */
function frames(error: unknown): string[] {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return [];
  return error.stack
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .map((line) => line.trim());
}

export function logServerError(place: ErrorPlace, error: unknown): void {
  console.error(
    JSON.stringify({ level: 'error', code: errorCode(error), ...place, at: frames(error) }),
  );
}
