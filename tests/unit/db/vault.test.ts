import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  acceptApplications,
  applyRemoteChanges,
  getSession,
  getSignup,
  listDrafts,
  listSignups,
  listVisits,
  loadAdmissionFirstScreen,
  loadAdmissionQueue,
  lockVault,
  logVisit,
  MAX_FAILED_PINS,
  mutationToSend,
  openDatabase,
  pendingOutbox,
  pinServerSealKey,
  rejectApplication,
  revealOutboxRows,
  type SotayDb,
  saveEnterprise,
  saveSession,
  saveSignupDraft,
  setUpVault,
  submitSignup,
  unlockWithPin,
  vaultStatus,
} from '../../../src/db';
import { STORES_V2 } from '../../../src/db/database';
import { generateSealKeyPair, importSealPrivateKey, open } from '../../../src/shared/crypto';
import { sealedContext } from '../../../src/shared/protocol/sealed';
import {
  fixtureId,
  IDS,
  makeDecision,
  makeEnterprise,
  makeSignup,
  makeSignupDraft,
  makeUnit,
  makeUser,
  makeVisit,
} from '../../fixtures/records';
import { freshDb, freshFactory } from './support';

/** Tests derive the PIN key with few iterations; the app always uses 600,000. */
const FAST = { iterations: 1_000 };
const PIN = '583920';
const SECRETS = ['Nguyễn Thị Lan', '001195012345', '+84911222333', 'Phạm Văn Hùng', 'Lê Thị Hoa'];
// The enterprise's contact (a manager, not an applicant) and the organizer are not protected.
const signupOf = (overrides: Parameters<typeof makeSignup>[0] = {}) =>
  makeSignup({ phone: '+84911222333', ...overrides });
const organizer = () => makeUser({ displayName: 'Cán bộ Vận động' });

/** Every table as stored, as one text: what someone reading the phone's storage would see. */
async function storedText(db: SotayDb): Promise<string> {
  const tables = await Promise.all(db.tables.map((table) => table.toArray()));
  return JSON.stringify(tables);
}

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
}

/** What submitSignup stores: submittedAt is the time of the submission. */
const submitted = () => ({ ...signupOf(), submittedAt: expect.any(String) as unknown as string });

async function captureDay(db: SotayDb): Promise<void> {
  await saveEnterprise(db, makeEnterprise());
  await submitSignup(db, signupOf());
  await saveSignupDraft(db, makeSignupDraft());
  await logVisit(db, makeVisit());
}

describe('personal fields at rest', () => {
  it('are stored encrypted and read back in clear while unlocked', async () => {
    const db = freshDb();
    await setUpVault(db, PIN, FAST);
    await captureDay(db);

    expectNoSecret(await storedText(db));
    expect(await getSignup(db, IDS.signup)).toMatchObject(submitted());
    expect((await listDrafts(db))[0]).toMatchObject(makeSignupDraft());
    expect((await listVisits(db, IDS.enterprise))[0]?.peopleMet).toEqual(makeVisit().peopleMet);
  });

  it('are hidden while locked, and records captured locked are read after unlock', async () => {
    const db = freshDb();
    await setUpVault(db, PIN, FAST);
    await saveEnterprise(db, makeEnterprise());
    lockVault(db);

    await submitSignup(db, signupOf());
    await saveSignupDraft(db, makeSignupDraft());
    expectNoSecret(await storedText(db));
    const locked = await listSignups(db);
    expect(locked).toHaveLength(2);
    for (const row of locked) expect(row).not.toHaveProperty('fullName');

    expect(await unlockWithPin(db, PIN, FAST)).toEqual({ ok: true });
    expect(await getSignup(db, IDS.signup)).toMatchObject(submitted());
    expect((await listDrafts(db))[0]?.fullName).toBe('Phạm Văn Hùng');
  });

  it('go to the server in clear only from an unlocked app', async () => {
    const db = freshDb();
    await setUpVault(db, PIN, FAST);
    await saveEnterprise(db, makeEnterprise());
    await submitSignup(db, signupOf());
    const row = (await pendingOutbox(db, 10)).find((r) => r.entity === 'signup');
    if (row === undefined) throw new Error('no outbox row');

    expect((await mutationToSend(db, row))?.data).toMatchObject(submitted());
    lockVault(db);
    expect(await mutationToSend(db, row)).toBeUndefined();
  });

  it('are encrypted when they arrive in a pull, locked or not', async () => {
    const db = freshDb();
    await setUpVault(db, PIN, FAST);
    lockVault(db);
    await applyRemoteChanges(db, [
      { entity: 'signup', entityId: IDS.signup, version: 2, deleted: false, data: signupOf() },
    ]);
    expectNoSecret(await storedText(db));
    await unlockWithPin(db, PIN, FAST);
    expect(await getSignup(db, IDS.signup)).toMatchObject({ ...signupOf(), version: 2 });
  });

  it('keep the session token out of clear text', async () => {
    const db = freshDb();
    await saveSession(db, {
      token: 'tok-secret-1234567890',
      user: organizer(),
      signedInAt: '2025-03-05T08:00:00.000Z',
    });
    expect(await storedText(db)).not.toContain('tok-secret-1234567890');
    expect((await getSession(db))?.token).toBe('tok-secret-1234567890');
  });
});

describe('the outbox sealed for the server', () => {
  it('is sent while locked, and opens on the server as the record in clear', async () => {
    const db = freshDb();
    const server = await generateSealKeyPair();
    await pinServerSealKey(db, { kid: server.kid, jwk: server.publicJwk });
    await setUpVault(db, PIN, FAST);
    await saveEnterprise(db, makeEnterprise());
    lockVault(db);
    await submitSignup(db, signupOf());
    await logVisit(db, makeVisit());
    expectNoSecret(await storedText(db));

    const keys = new Map([[server.kid, await importSealPrivateKey(server.privateJwk)]]);
    const rows = (await pendingOutbox(db, 10)).filter((row) => row.entity !== 'enterprise');
    expect(rows).toHaveLength(2);
    await unlockWithPin(db, PIN, FAST);
    for (const row of rows) {
      const { sealed: _sealed, ...unsealed } = row;
      const clear = await mutationToSend(db, unsealed);
      lockVault(db);
      const sent = await mutationToSend(db, row);
      expect(sent).not.toHaveProperty('data');
      const opened = await open(keys, sent?.sealed, sealedContext(row));
      expect(opened).toEqual(clear?.data);
      await unlockWithPin(db, PIN, FAST);
    }
  });
});

describe('a seal made before its transaction', () => {
  // The seal is made from the record as given; where the transaction stores another one (its
  // own reads fill something in), the save is done again and the seal is of what is stored.
  const remoteVisit = { entity: 'visit' as const, entityId: IDS.visit, version: 4, deleted: false };
  const cases: [string, (db: SotayDb) => Promise<unknown>][] = [
    ['a visit as given', (db) => logVisit(db, makeVisit())],
    [
      'a visit whose stage before the device fills in',
      (db) => logVisit(db, makeVisit({ stageBefore: undefined })),
    ],
    [
      'an edit of a visit the server has, on its stored version',
      async (db) => {
        await applyRemoteChanges(db, [{ ...remoteVisit, data: makeVisit({ version: 4 }) }]);
        return logVisit(db, makeVisit({ outcome: 'Sửa lại.' }));
      },
    ],
    ['an application submitted', (db) => submitSignup(db, signupOf())],
    [
      'an application submitted again, keeping its first submission time',
      async (db) => {
        await submitSignup(db, signupOf());
        return submitSignup(db, signupOf({ occupation: 'Tổ trưởng may' }));
      },
    ],
  ];

  it.each(cases)('is of the record stored: %s', async (_case, save) => {
    const db = freshDb();
    const server = await generateSealKeyPair();
    await pinServerSealKey(db, { kid: server.kid, jwk: server.publicJwk });
    await setUpVault(db, PIN, FAST);
    await saveEnterprise(db, makeEnterprise());
    await save(db);
    const keys = new Map([[server.kid, await importSealPrivateKey(server.privateJwk)]]);
    const rows = (await pendingOutbox(db, 10)).filter((row) => row.entity !== 'enterprise');
    const row = rows.at(-1);
    expect(row?.sealed).toBeDefined();
    if (row === undefined) return;
    const { sealed: _sealed, ...unsealed } = row;
    const clear = await mutationToSend(db, unsealed);
    expect(await open(keys, row.sealed, sealedContext(row))).toEqual(clear?.data);
  });
});

describe('the vault as this tab last read it', () => {
  it('is read again when a PIN was set after this tab’s last save', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    await logVisit(db, makeVisit({ id: fixtureId(7, 1), peopleMet: [] }));
    await setUpVault(db, PIN, FAST);
    lockVault(db);
    await logVisit(db, makeVisit());
    expectNoSecret(await storedText(db));
  });

  it('is read again when a server key was pinned after this tab’s last save', async () => {
    const db = freshDb();
    await setUpVault(db, PIN, FAST);
    await saveEnterprise(db, makeEnterprise());
    await logVisit(db, makeVisit({ id: fixtureId(7, 2) }));
    const server = await generateSealKeyPair();
    await pinServerSealKey(db, { kid: server.kid, jwk: server.publicJwk });
    await logVisit(db, makeVisit());
    const row = (await pendingOutbox(db, 10)).find((r) => r.entityId === IDS.visit);
    expect(row?.sealed?.kid).toBe(server.kid);
  });
});

describe('wrong PINs', () => {
  it('count down, and the tenth in a row wipes what could be read but keeps the queue', async () => {
    const db = freshDb();
    await setUpVault(db, PIN, FAST);
    await captureDay(db);
    lockVault(db);
    const queued = (await pendingOutbox(db, 100)).length;

    for (let attempt = 1; attempt < MAX_FAILED_PINS; attempt += 1) {
      expect(await unlockWithPin(db, '000001', FAST)).toEqual({
        ok: false,
        reason: 'wrong_pin',
        remaining: MAX_FAILED_PINS - attempt,
      });
    }
    expect(await unlockWithPin(db, '000001', FAST)).toEqual({ ok: false, reason: 'wiped' });

    expect(await vaultStatus(db)).toMatchObject({ wiped: true, hasPin: false });
    expect(await db.signups.where('status').equals('draft').count()).toBe(0);
    expect(await pendingOutbox(db, 100)).toHaveLength(queued);
    expect(await unlockWithPin(db, PIN, FAST)).toEqual({ ok: false, reason: 'wiped' });
  });

  it('start again from zero after a right one', async () => {
    const db = freshDb();
    await setUpVault(db, PIN, FAST);
    lockVault(db);
    await unlockWithPin(db, '000001', FAST);
    await unlockWithPin(db, PIN, FAST);
    expect((await vaultStatus(db)).failedPins).toBe(0);
  });
});

describe('a phone upgraded from a version without encryption (v2 rows in clear)', () => {
  it('encrypts every personal field, in every table, when the PIN is set', async () => {
    const factory = freshFactory();
    const v2 = new Dexie('sotay-v2', factory);
    v2.version(2).stores(STORES_V2);
    const signup = signupOf();
    await v2.table('signups').bulkPut([signup, makeSignupDraft()]);
    await v2.table('visits').put(makeVisit({ version: 1 }));
    await v2.table('outbox').put({
      mutationId: IDS.mutation,
      entity: 'signup',
      entityId: IDS.signup,
      op: 'put',
      data: signup,
      createdAt: '2025-03-05T08:00:00.000Z',
      state: 'pending',
      attempts: 0,
    });
    await v2
      .table('shadows')
      .put({ entity: 'visit', entityId: IDS.visit, version: 1, data: makeVisit({ version: 1 }) });
    await v2.table('meta').put({
      key: 'session',
      value: { token: 'tok-in-clear-0987654321', user: organizer(), signedInAt: '2025-03-05' },
    });
    v2.close();

    const db = openDatabase({ name: 'sotay-v2', ...factory });
    expect((await getSession(db))?.token).toBe('tok-in-clear-0987654321');
    await setUpVault(db, PIN, FAST);

    const text = await storedText(db);
    expectNoSecret(text);
    expect(text).not.toContain('tok-in-clear-0987654321');
    expect(await getSignup(db, IDS.signup)).toMatchObject(signup);
    const [row] = await pendingOutbox(db, 10);
    if (row === undefined) throw new Error('the queue was lost');
    expect((await mutationToSend(db, row))?.data).toEqual(signup);
  });
});

describe('a supervisor deciding applications pulled encrypted', () => {
  const supervisor = { id: IDS.supervisor, role: 'supervisor' as const, unitId: IDS.upperUnit };
  const waiting = (n: number) =>
    signupOf({
      id: fixtureId(4, n),
      fullName: n === 1 ? 'Nguyễn Thị Lan' : 'Lê Thị Hoa',
      idNumber: `0011950${String(12345 + n).padStart(5, '0')}`,
    });

  async function supervisorDevice(): Promise<SotayDb> {
    const db = freshDb();
    const server = await generateSealKeyPair();
    await pinServerSealKey(db, { kid: server.kid, jwk: server.publicJwk });
    await setUpVault(db, PIN, FAST);
    await db.units.bulkPut([
      makeUnit({ id: IDS.federation, name: 'LĐLĐ', kind: 'federation', parentId: undefined }),
      makeUnit(),
    ]);
    await db.enterprises.put({ ...makeEnterprise(), searchKey: '', listOrder: 0 });
    await applyRemoteChanges(
      db,
      [waiting(1), waiting(2)].map((data) => ({
        entity: 'signup' as const,
        entityId: data.id,
        version: 1,
        deleted: false,
        data,
      })),
    );
    return db;
  }

  it('shows their names only unlocked, and stores the decisions encrypted and sealed', async () => {
    const db = await supervisorDevice();
    expectNoSecret(await storedText(db));
    const queue = await loadAdmissionQueue(db);
    expect(queue.waiting.map((row) => row.fullName).sort()).toEqual([
      'Lê Thị Hoa',
      'Nguyễn Thị Lan',
    ]);

    const result = await acceptApplications(
      db,
      supervisor,
      [fixtureId(4, 1)],
      makeDecision(),
      '2025-04-02',
    );
    expect(result).toEqual({ accepted: [fixtureId(4, 1)], refused: [] });
    await rejectApplication(db, supervisor, fixtureId(4, 2), 'Là giám đốc nhân sự');
    const text = await storedText(db);
    expectNoSecret(text);
    expect(text).not.toContain('Là giám đốc nhân sự');
    const rows = await pendingOutbox(db, 10);
    expect(rows.map((row) => row.sealed === undefined)).toEqual([false, false]);
    expect((await revealOutboxRows(db, rows)).map((row) => row.data)).toMatchObject([
      { status: 'accepted', fullName: 'Nguyễn Thị Lan' },
      { status: 'rejected', rejectionReason: 'Là giám đốc nhân sự' },
    ]);

    lockVault(db);
    const locked = await revealOutboxRows(db, rows);
    for (const row of locked) expect(row.data).not.toHaveProperty('fullName');
  });

  it('paints the first screen revealed, and finds a member with the same ID number in the whole queue only', async () => {
    const db = await supervisorDevice();
    // A member pulled encrypted, holding waiting(1)'s ID number written with spaces.
    const member = signupOf({
      id: fixtureId(4, 3),
      fullName: 'Phạm Văn Hùng',
      idNumber: '0011 9501 2346',
      status: 'accepted',
      decision: makeDecision(),
    });
    await applyRemoteChanges(db, [
      { entity: 'signup', entityId: member.id, version: 1, deleted: false, data: member },
    ]);
    const text = await storedText(db);
    expectNoSecret(text);
    expect(text).not.toContain('001195012346');

    const screen = await loadAdmissionFirstScreen(db, 1);
    expect(screen.total).toBe(2);
    expect(screen.waiting.map((row) => row.fullName)).toEqual(['Nguyễn Thị Lan']);
    expect(screen.idNumbers).toBeUndefined();
    const queue = await loadAdmissionQueue(db);
    expect(queue.idNumbers?.get('001195012346')?.map((holder) => holder.id)).toEqual([
      fixtureId(4, 1),
      member.id,
    ]);
    // The decision is judged on the members revealed: one member per ID number.
    const result = await acceptApplications(
      db,
      supervisor,
      [fixtureId(4, 1), fixtureId(4, 2)],
      makeDecision(),
      '2025-04-02',
    );
    expect(result.accepted).toEqual([fixtureId(4, 2)]);
    expect(result.refused.map((refusal) => refusal.id)).toEqual([fixtureId(4, 1)]);
    expectNoSecret(await storedText(db));
  });
});
