import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { type Session, saveSession } from '../../../src/db';
import { makeUser } from '../../fixtures/records';
import '../db/support';

/*
 * startup.ts reads the session before the first render (the app's database, as the page opens
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
  return { ...startup, db: appDb() };
}

describe('the session read at start', () => {
  it('gives the session stored before the start', async () => {
    const { startStartupReads, readSession, db } = await freshStart();
    await saveSession(db, session('before'));
    startStartupReads();
    expect((await readSession())?.token).toBe('before');
    db.close();
  });

  it('gives no session on a device signed out', async () => {
    const { startStartupReads, readSession, db } = await freshStart();
    startStartupReads();
    expect(await readSession()).toBeNull();
    db.close();
  });

  it('is read again when the session changed after the start', async () => {
    const { startStartupReads, readSession, db } = await freshStart();
    await saveSession(db, session('old'));
    startStartupReads();
    await saveSession(db, session('new'));
    expect((await readSession())?.token).toBe('new');
    db.close();
  });

  it('is used once: a later read sees later writes', async () => {
    const { startStartupReads, readSession, db } = await freshStart();
    await saveSession(db, session('first'));
    startStartupReads();
    expect((await readSession())?.token).toBe('first');
    await saveSession(db, session('second'));
    expect((await readSession())?.token).toBe('second');
    db.close();
  });

  it('reads the database when nothing was started', async () => {
    const { readSession, db } = await freshStart();
    await saveSession(db, session('stored'));
    expect((await readSession())?.token).toBe('stored');
    db.close();
  });
});
