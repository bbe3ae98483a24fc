import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { type Session, saveSession } from '../../../src/db';
import { makeUser } from '../../fixtures/records';
import '../db/support';

/*
 * startup.ts reads the session and the vault's status before the first render (the app's database, as the page opens
 * it). Each test loads the app's modules afresh on an empty database.
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
    await startStartupReads();
    expect(takeStartState()?.session?.token).toBe('before');
    db.close();
  });

  it('gives no session, and no PIN, on a device signed out', async () => {
    const { startStartupReads, takeStartState, db } = await freshStart();
    await startStartupReads();
    expect(takeStartState()).toMatchObject({ session: null, vault: { hasPin: false } });
    db.close();
  });

  it('is not used when the session changed after the start: the app reads it again', async () => {
    const { startStartupReads, takeStartState, readStartState, db } = await freshStart();
    await saveSession(db, session('old'));
    const started = startStartupReads();
    await saveSession(db, session('new'));
    await started;
    expect(takeStartState()).toBeUndefined();
    expect((await readStartState()).session?.token).toBe('new');
    db.close();
  });

  it('is used once: a later read sees later writes', async () => {
    const { startStartupReads, takeStartState, readStartState, db } = await freshStart();
    await saveSession(db, session('first'));
    await startStartupReads();
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
});
