import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { CURRENT_VERSION, type Session, saveSession } from '../../../src/db';
import { CURRENT_STORES, STORES_V1 } from '../../../src/db/database';
import { toEnterpriseRow } from '../../../src/db/rows';
import { makeEnterprise, makeUser } from '../../fixtures/records';
import '../db/support';

/*
 * startup.ts reads the session and the vault's status before the first render, and the list's
 * first rows when the app opens on the list (the app's database, as the page opens it). Each test
 * loads the app's modules afresh on an empty database.
 */
const session = (token: string): Session => ({
  token,
  user: makeUser(),
  signedInAt: '2026-11-30T08:00:00+07:00',
});

async function freshStart() {
  vi.resetModules();
  await Dexie.delete('sotay');
  const startup = await import('../../../src/app/startup');
  const { appDb } = await import('../../../src/app/db');
  const db = appDb();
  // Dexie announces the deletion ("anything may have changed") to the new modules' listeners a
  // little later; opened, the database starts as a phone's does.
  await db.open();
  return { ...startup, db };
}

describe('the state read at start', () => {
  it('gives the session stored before the start', async () => {
    const { startStartupReads, takeStartState, db } = await freshStart();
    await saveSession(db, session('before'));
    await startStartupReads('/settings');
    expect(takeStartState()?.session?.token).toBe('before');
    db.close();
  });

  it('gives no session, and no PIN, on a device signed out', async () => {
    const { startStartupReads, takeStartState, db } = await freshStart();
    await startStartupReads('/settings');
    expect(takeStartState()).toMatchObject({ session: null, vault: { hasPin: false } });
    db.close();
  });

  it('is not used when the session changed after the start: the app reads it again', async () => {
    const { startStartupReads, takeStartState, readStartState, db } = await freshStart();
    await saveSession(db, session('old'));
    const started = startStartupReads('/settings');
    await saveSession(db, session('new'));
    await started;
    expect(takeStartState()).toBeUndefined();
    expect((await readStartState()).session?.token).toBe('new');
    db.close();
  });

  it('is used once: a later read sees later writes', async () => {
    const { startStartupReads, takeStartState, readStartState, db } = await freshStart();
    await saveSession(db, session('first'));
    await startStartupReads('/settings');
    expect(takeStartState()?.session?.token).toBe('first');
    expect(takeStartState()).toBeUndefined();
    await saveSession(db, session('second'));
    expect((await readStartState()).session?.token).toBe('second');
    db.close();
  });

  it('is not there when nothing was started', async () => {
    const { takeStartState, readStartState, db } = await freshStart();
    await saveSession(db, session('stored'));
    expect(takeStartState()).toBeUndefined();
    expect((await readStartState()).session?.token).toBe('stored');
    db.close();
  });

  it.each([
    { path: '/', waitsForRows: true },
    { path: '/enterprises', waitsForRows: true },
    { path: '/enterprises/new', waitsForRows: false },
    { path: '/settings', waitsForRows: false },
  ])('opening on $path waits for the list rows: $waitsForRows', async ({ path, waitsForRows }) => {
    const { startStartupReads, readStartState, db } = await freshStart();
    const release = holdTable(db, 'enterprises');
    let resolved = false;
    const started = startStartupReads(path).then(() => {
      resolved = true;
    });
    // The start state's own tables are free: its read answers while the list's waits.
    await readStartState();
    if (!waitsForRows) await started;
    expect(resolved).toBe(!waitsForRows);
    release();
    await started;
    const { readFirstScreenEarly } = await import('../../../src/app/hooks/useEnterpriseIndex');
    await expect(readFirstScreenEarly()).resolves.toMatchObject({ rows: [], total: 0 });
    db.close();
  });
});

describe('the database the start opens', () => {
  it.each([
    { at: 'at the current version', release: CURRENT_VERSION },
    { at: 'at version 1, two upgrades behind', release: 1 },
  ])('keeps every row of a phone $at, upgraded to the current version', async ({ release }) => {
    vi.resetModules();
    await Dexie.delete('sotay');
    const installed = new Dexie('sotay');
    installed.version(release).stores(release === 1 ? STORES_V1 : CURRENT_STORES);
    const stored = makeEnterprise({ workerCount: 40 });
    await installed.table('enterprises').put(release === 1 ? stored : toEnterpriseRow(stored));
    installed.close();

    const { startStartupReads } = await import('../../../src/app/startup');
    await startStartupReads('/enterprises');
    const { appDb } = await import('../../../src/app/db');
    const db = appDb();
    expect(db.verno).toBe(CURRENT_VERSION);
    // The upgrades of versions 2 and 7 derive these for a phone at version 1.
    expect(await db.enterprises.get(stored.id)).toEqual(toEnterpriseRow(stored));
    expect(await db.enterprises.orderBy('listOrder').primaryKeys()).toEqual([stored.id]);
    db.close();
  });
});

/**
 * Keeps a read-write transaction on `table` open, as a long write would, so that every read of
 * it waits: IndexedDB runs them after it. The returned function lets it commit.
 */
function holdTable(db: Dexie, table: string): () => void {
  const store = db.backendDB().transaction(table, 'readwrite').objectStore(table);
  let held = true;
  const keepBusy = () => {
    if (held) store.count().onsuccess = keepBusy;
  };
  keepBusy();
  return () => {
    held = false;
  };
}
