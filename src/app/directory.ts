import * as v from 'valibot';
import { getMeta, getSession, setMeta } from '../db';
import { unitUsersResponseSchema } from '../shared/protocol';
import { appDb } from './db';

/**
 * The names of the people of the user's scope (GET /api/units/users, docs/design.md §5), kept
 * in the device's meta table so that the progress screens name every organizer offline. Read
 * again after a sync when an hour old; a failure keeps the names already kept. Loaded on demand
 * (sync-scheduler.ts): the first screen does not carry Valibot.
 */

const MAX_AGE_MS = 60 * 60 * 1000;

export async function refreshDirectory(now = Date.now()): Promise<void> {
  const db = appDb();
  const session = await getSession(db);
  if (!session || session.expired) return;
  const kept = await getMeta(db, 'directory');
  if (kept && now - Date.parse(kept.fetchedAt) < MAX_AGE_MS) return;
  const response = await fetch('/api/units/users', {
    headers: { authorization: `Bearer ${session.token}` },
  });
  // A 401 is the sync's to handle (it asks for the password); anything else waits an hour.
  if (!response.ok) return;
  const parsed = v.safeParse(unitUsersResponseSchema, await response.json());
  if (!parsed.success) return;
  await setMeta(db, 'directory', {
    users: parsed.output.users,
    fetchedAt: new Date(now).toISOString(),
  });
}
