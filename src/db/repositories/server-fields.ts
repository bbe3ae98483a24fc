import { SERVER_SET_FIELDS, type ServerSetField } from '../../shared/schemas';

type ServerFields = Partial<Record<ServerSetField, unknown>>;

/**
 * `value` with the server-set fields of the stored row (or none for a new record): the caller's
 * copy may be stale, and baseVersion must come from what the device last acknowledged.
 */
export function withStoredServerFields<T extends object>(
  value: T,
  stored: ServerFields | undefined,
): T {
  const result: Partial<Record<string, unknown>> = { ...(value as Record<string, unknown>) };
  for (const field of SERVER_SET_FIELDS) {
    const kept = stored?.[field];
    if (kept === undefined) delete result[field];
    else result[field] = kept;
  }
  // Only the server-set fields changed, each to the stored row's value of the same record type.
  return result as T;
}
