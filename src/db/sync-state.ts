import type { SotayDb } from './database';

/**
 * What the drain last did, shared by the tabs and the service worker through IndexedDB (a live
 * query on it drives the sync screen's progress bar).
 */
export type SyncState = {
  running?: boolean;
  /** Rows sent in the current drain, of `total` known so far. */
  sent?: number;
  total?: number;
  lastSyncAt?: string | undefined;
  /** Consecutive failed drains, and when the next may start (ms since epoch). */
  failures?: number;
  retryAt?: number | undefined;
  lastError?: string | undefined;
  /** The server's opaque pull cursor. */
  cursor?: string;
  /** Records merged after a conflict whose fields changed on both sides, for the user to check. */
  conflicts?: ConflictNote[];
};

export type ConflictNote = { entity: string; entityId: string; fields: string[]; at: string };

const KEY = 'syncState';

export async function getSyncState(db: SotayDb): Promise<SyncState> {
  const row = await db.meta.get(KEY);
  return (row?.value as SyncState | undefined) ?? {};
}

/** Merges `patch` into the state; a key set to undefined is removed. */
export async function updateSyncState(db: SotayDb, patch: Partial<SyncState>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const next: Record<string, unknown> = { ...(await getSyncState(db)), ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    await db.meta.put({ key: KEY, value: next });
  });
}
