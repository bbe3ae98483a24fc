import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clearUserData,
  getClientId,
  getMeta,
  getSession,
  getSyncState,
  listVisits,
  liveQuery,
  logVisit,
  markSessionExpired,
  StorageFullError,
  saveEnterprise,
  saveSession,
  setMeta,
  toServerRecord,
  updateSyncState,
} from '../../../src/db';
import { IDS, makeEnterprise, makeUser, makeVisit } from '../../fixtures/records';
import { freshDb } from './support';

describe('meta', () => {
  it('creates the client id once', async () => {
    const db = freshDb();
    const first = await getClientId(db);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await getClientId(db)).toBe(first);
  });

  it('stores typed values by key', async () => {
    const db = freshDb();
    await setMeta(db, 'syncState', { cursor: 'c-1' });
    expect(await getMeta(db, 'syncState')).toEqual({ cursor: 'c-1' });
    expect(await getMeta(db, 'clientId')).toBeUndefined();
  });
});

describe('session and sync state', () => {
  const session = { token: 't', user: makeUser(), signedInAt: '2025-03-05T08:00:00.000Z' };

  it('keeps the session until it expires, then keeps it marked', async () => {
    const db = freshDb();
    expect(await getSession(db)).toBeNull();
    await saveSession(db, session);
    expect(await getSession(db)).toEqual(session);
    await markSessionExpired(db);
    expect(await getSession(db)).toEqual({ ...session, expired: true });
  });

  it('patches the sync state; undefined removes a key', async () => {
    const db = freshDb();
    await updateSyncState(db, { cursor: 'c-1', failures: 2, retryAt: 5 });
    await updateSyncState(db, { failures: 0, retryAt: undefined });
    expect(await getSyncState(db)).toEqual({ cursor: 'c-1', failures: 0 });
  });
});

describe('clearUserData', () => {
  it('empties every table except the installation id', async () => {
    const db = freshDb();
    const clientId = await getClientId(db);
    await saveSession(db, { token: 't', user: makeUser(), signedInAt: '2025-03-05T08:00:00.000Z' });
    await saveEnterprise(db, makeEnterprise());
    await logVisit(db, makeVisit());

    await clearUserData(db);

    for (const table of db.tables.filter((t) => t.name !== 'meta')) {
      expect(await table.count(), table.name).toBe(0);
    }
    expect(await db.meta.toArray()).toEqual([{ key: 'clientId', value: clientId }]);
  });
});

describe('storage errors', () => {
  it('reports a database closed under the app as StorageFullError', async () => {
    const db = freshDb();
    await db.open();
    db.close();
    const error = await saveEnterprise(db, makeEnterprise()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).reason).toBe('closed');
  });
});

describe('toServerRecord', () => {
  it('removes the local-only fields and nothing else', () => {
    const row = { ...makeEnterprise(), searchKey: 'x', localUpdatedAt: '2025-03-05T08:00:00.000Z' };
    expect(toServerRecord('enterprise', row)).toEqual(makeEnterprise());
  });
});

describe('liveQuery', () => {
  const saved = { ...Dexie.dependencies };
  afterEach(() => {
    Object.assign(Dexie.dependencies, saved);
  });

  it('re-runs a read when its table changes', async () => {
    const db = freshDb();
    // liveQuery stays silent where no global IndexedDB exists (Node); the browser always has one.
    Object.assign(Dexie.dependencies, { indexedDB: {}, IDBKeyRange: {} });
    await saveEnterprise(db, makeEnterprise());
    const seen: number[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const subscription = liveQuery(() => listVisits(db, IDS.enterprise)).subscribe({
        next: (visits) => {
          seen.push(visits.length);
          if (visits.length === 0) void logVisit(db, makeVisit()).catch(reject);
          else {
            subscription.unsubscribe();
            resolve();
          }
        },
        error: reject,
      });
    });
    await done;
    expect(seen).toEqual([0, 1]);
  });
});
