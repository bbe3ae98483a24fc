import * as v from 'valibot';
import { getMeta, getSession, setMeta } from '../db';
import { unitUsersResponseSchema } from '../shared/protocol';
import { appDb } from './db';

/**
 * The people of the user's scope (GET /api/units/users, docs/design.md §5), kept in the device's
 * meta table (`directory`): the progress screens name every organizer from it offline, and the
 * supervisor's assignments offer its active users. Read again after a sync when an hour old, and
 * at once when the assignments screen opens; a failure keeps the people already kept. Loaded on
 * demand (sync-scheduler.ts): the first screen does not carry Valibot.
 */

const MAX_AGE_MS = 60 * 60 * 1000;

/** What a refresh did: kept (young enough), fetched, offline, or refused with an HTTP status. */
export type DirectoryRefresh = 'kept' | 'fetched' | 'offline' | { refused: number };

export async function refreshDirectory(
  options: { now?: number; maxAgeMs?: number } = {},
): Promise<DirectoryRefresh> {
  const { now = Date.now(), maxAgeMs = MAX_AGE_MS } = options;
  const db = appDb();
  const session = await getSession(db);
  if (!session || session.expired) return { refused: 401 };
  const kept = await getMeta(db, 'directory');
  if (kept && now - Date.parse(kept.fetchedAt) < maxAgeMs) return 'kept';
  let response: Response;
  try {
    response = await fetch('/api/units/users', {
      headers: { authorization: `Bearer ${session.token}` },
    });
  } catch {
    return 'offline';
  }
  // A 401 is the sync's to handle (it asks for the password again).
  if (!response.ok) return { refused: response.status };
  const parsed = v.safeParse(unitUsersResponseSchema, await response.json());
  if (!parsed.success) return { refused: response.status };
  await setMeta(db, 'directory', {
    users: parsed.output.users,
    fetchedAt: new Date(now).toISOString(),
  });
  return 'fetched';
}
