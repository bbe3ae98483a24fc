/** Fields the server sets on every synced record (docs/design.md §3). */
type ServerFields = {
  version?: number | undefined;
  updatedAt?: string | undefined;
  updatedBy?: string | undefined;
};

/**
 * `value` with the server-set fields of the stored row (or none for a new record): the caller's
 * copy may be stale, and baseVersion must come from what the device last acknowledged.
 */
export function withStoredServerFields<T extends ServerFields>(
  value: T,
  stored: ServerFields | undefined,
): T {
  const { version: _v, updatedAt: _u, updatedBy: _b, ...rest } = value;
  return {
    ...rest,
    ...(stored?.version === undefined ? {} : { version: stored.version }),
    ...(stored?.updatedAt === undefined ? {} : { updatedAt: stored.updatedAt }),
    ...(stored?.updatedBy === undefined ? {} : { updatedBy: stored.updatedBy }),
  } as T;
}
