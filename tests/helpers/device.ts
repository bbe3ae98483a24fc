import { type SotayDb, saveSession } from '../../src/db';
import type { User } from '../../src/shared/schemas';
import type { Fetch } from '../../src/sync';
import { freshDb } from './device-db';

let counter = 0;

/** A phone: its own IndexedDB (fresh factory), signed in with a real token of the real server. */
export async function newDevice(user: User, token: string): Promise<SotayDb> {
  counter += 1;
  const db = freshDb(`device-${counter}`);
  await saveSession(db, { token, user, signedInAt: new Date().toISOString() });
  return db;
}

export type FetchLog = { requests: string[] };

/** Routes the sync client's fetches into a Hono app, recording them. */
export function fetchInto(
  app: { request(url: string, init?: RequestInit): Response | Promise<Response> },
  log: FetchLog = { requests: [] },
): Fetch {
  return async (url, init) => {
    log.requests.push(`${init?.method ?? 'GET'} ${url.split('?')[0]}`);
    return app.request(url, init);
  };
}
