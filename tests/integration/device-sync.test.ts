import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conflictNotes,
  getEnterprise,
  getSession,
  getSyncState,
  listConflictNotes,
  listRejected,
  logVisit,
  outboxCount,
  pendingOutbox,
  restoreConflictNote,
  StorageFullError,
  saveEnterprise,
  submitSignup,
  unacknowledgedNotices,
  updateSyncState,
} from '../../src/db';
import { createUnit, createUser } from '../../src/server/accounts/manage';
import { createApp } from '../../src/server/hono-app';
import type { Store } from '../../src/server/store/types';
import type { Enterprise, Signup, User, Visit } from '../../src/shared/schemas';
import { drain, type Fetch } from '../../src/sync';
import { generateEnterprises, generateSignups, generateVisits } from '../fixtures/generate';
import { fetchInto, newDevice } from '../helpers/device';
import { abortWritesAtCommit, stopFaults } from '../helpers/device-db';
import { openMigratedStore, storeFactories } from '../helpers/stores';

type Account = { user: User; token: string };

describe.each(storeFactories)('device ↔ server sync on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let unitA: string;
  let unitB: string;
  let seq = 0;

  async function account(unitId: string): Promise<Account> {
    seq += 1;
    const password = 'device-sync-password';
    const user = await createUser(store, {
      username: `organizer${seq}`,
      password,
      displayName: `Organizer ${seq}`,
      role: 'organizer',
      unitId,
    });
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password }),
    });
    const body = (await response.json()) as { token: string };
    return { user, token: body.token };
  }

  async function noticeCount(entityId: string): Promise<number> {
    const result = await store.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notices WHERE entity_id = $1',
      [entityId],
    );
    return Number(result.rows[0]?.n);
  }

  async function serverRecords(entity: string): Promise<Record<string, unknown>[]> {
    const rows = await store.query<{ data: Record<string, unknown> }>(
      'SELECT data FROM records WHERE entity = $1 AND NOT deleted ORDER BY id',
      [entity],
    );
    return rows.rows.map((row) => row.data);
  }

  const strip = ({
    version: _v,
    updatedAt: _u,
    updatedBy: _b,
    authorId: _a,
    ...rest
  }: Record<string, unknown>) => rest;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = createApp({ store, clientAddress: () => '127.0.0.1' });
    const federation = await createUnit(store, { name: 'LĐLĐ thử nghiệm', kind: 'federation' });
    unitA = (await createUnit(store, { name: 'CĐ A', kind: 'upper', parentId: federation.id })).id;
    unitB = (await createUnit(store, { name: 'CĐ B', kind: 'upper', parentId: federation.id })).id;
  });
  afterAll(() => dispose());

  it('delivers 200 visits and 50 applications made offline, exactly once, field for field', async () => {
    const { user, token } = await account(unitA);
    const device = await newDevice(user, token);
    const [enterprise] = generateEnterprises(1, unitA, 41) as [Enterprise];
    await saveEnterprise(device, enterprise);
    const visits = generateVisits([enterprise], 200, 42);
    const signups = generateSignups([enterprise], 50, 43);
    for (const visit of visits) await logVisit(device, visit);
    for (const signup of signups) await submitSignup(device, signup);
    expect((await outboxCount(device)).pending).toBe(251);

    const log = { requests: [] as string[] };
    expect(await drain({ db: device, fetch: fetchInto(app, log) })).toBe('done');
    expect(await outboxCount(device)).toMatchObject({ pending: 0, rejected: 0 });
    // 251 rows in batches of 100, then one pull page.
    expect(log.requests.filter((r) => r.startsWith('POST'))).toHaveLength(3);

    const byId = <T extends { id: string }>(list: T[]) =>
      [...list].sort((a, b) => a.id.localeCompare(b.id));
    const storedVisits = (await serverRecords('visit')).filter(
      (v) => v['enterpriseId'] === enterprise.id,
    );
    expect(storedVisits.map(strip)).toEqual(
      byId(visits).map((v) => strip(v as Record<string, unknown>)),
    );
    const storedSignups = (await serverRecords('signup')).filter(
      (s) => s['enterpriseId'] === enterprise.id,
    );
    expect(storedSignups).toHaveLength(50);
    expect(storedSignups.map((s) => s['idNumber']).sort()).toEqual(
      signups.map((s) => s.idNumber).sort(),
    );

    // A second drain has nothing to send and duplicates nothing.
    expect(await drain({ db: device, fetch: fetchInto(app) })).toBe('done');
    expect(
      (await serverRecords('visit')).filter((v) => v['enterpriseId'] === enterprise.id),
    ).toHaveLength(200);
  });

  it('drops what left the user’s scope when the server starts the pull over, keeping what waits', async () => {
    const { user, token } = await account(unitA);
    const device = await newDevice(user, token);
    const [before, unsent] = generateEnterprises(2, unitA, 61) as [Enterprise, Enterprise];
    await saveEnterprise(device, before);
    expect(await drain({ db: device, fetch: fetchInto(app) })).toBe('done');

    // The organizer moves to unit B: the cursor the device holds was issued for unit A.
    await store.query('UPDATE users SET unit_id = $2 WHERE id = $1', [user.id, unitB]);
    const [inB] = generateEnterprises(1, unitB, 62) as [Enterprise];
    await saveEnterprise(device, { ...inB, id: unsent.id });
    const log = { requests: [] as string[] };
    expect(await drain({ db: device, fetch: fetchInto(app, log) })).toBe('done');

    // Unit A's enterprise is gone from the phone with its server copy; unit B's, queued before
    // the move was known, was sent and is back as the server holds it.
    expect(await getEnterprise(device, before.id)).toBeUndefined();
    expect(await device.shadows.get(['enterprise', before.id])).toBeUndefined();
    expect(await getEnterprise(device, unsent.id)).toMatchObject({ unitId: unitB, version: 1 });
    expect((await device.units.toArray()).map((unit) => unit.id)).not.toContain(unitA);
    expect(await outboxCount(device)).toMatchObject({ pending: 0, rejected: 0 });
  });

  it('sends nothing twice when an answer is lost after the server applied it', async () => {
    const { user, token } = await account(unitA);
    const device = await newDevice(user, token);
    const [enterprise] = generateEnterprises(1, unitA, 51) as [Enterprise];
    await saveEnterprise(device, enterprise);
    for (const visit of generateVisits([enterprise], 5, 52)) await logVisit(device, visit);
    const real = fetchInto(app);
    let lose = true;
    const lossy: Fetch = async (url, init) => {
      const response = await real(url, init);
      if (lose && url.startsWith('/api/sync/push')) {
        lose = false;
        throw new TypeError('connection reset');
      }
      return response;
    };
    expect(await drain({ db: device, fetch: lossy, random: () => 0 })).toBe('retry-later');
    await updateSyncState(device, { retryAt: undefined });
    expect(await drain({ db: device, fetch: lossy })).toBe('done');
    const stored = (await serverRecords('visit')).filter(
      (v) => v['enterpriseId'] === enterprise.id,
    );
    expect(stored).toHaveLength(5);
    const mutations = await store.query(
      'SELECT count(*)::int AS n FROM mutations WHERE user_id = $1',
      [user.id],
    );
    expect(mutations.rows[0]).toEqual({ n: 6 });
  });

  it('backs off after a 500 without hammering, then delivers', async () => {
    const { user, token } = await account(unitA);
    const device = await newDevice(user, token);
    const [enterprise] = generateEnterprises(1, unitA, 61) as [Enterprise];
    await saveEnterprise(device, enterprise);
    let calls = 0;
    let broken = true;
    const flaky: Fetch = async (url, init) => {
      calls += 1;
      if (broken)
        return new Response('{"error":{"code":"internal","message":"x"}}', { status: 500 });
      return fetchInto(app)(url, init);
    };
    let now = 1_000_000;
    expect(await drain({ db: device, fetch: flaky, now: () => now, random: () => 1 })).toBe(
      'retry-later',
    );
    for (let i = 0; i < 10; i++) {
      expect(await drain({ db: device, fetch: flaky, now: () => now, random: () => 1 })).toBe(
        'waiting',
      );
    }
    expect(calls).toBe(1);
    const state = await getSyncState(device);
    expect(state.failures).toBe(1);
    now = (state.retryAt ?? 0) + 1;
    broken = false;
    expect(await drain({ db: device, fetch: flaky, now: () => now })).toBe('done');
    expect((await getSyncState(device)).failures).toBe(0);
  });

  it('gives up on a server that hangs, backs off, and delivers once it answers again', async () => {
    const { user, token } = await account(unitA);
    const device = await newDevice(user, token);
    const [enterprise] = generateEnterprises(1, unitA, 65) as [Enterprise];
    await saveEnterprise(device, enterprise);
    let calls = 0;
    let hanging = true;
    const slow: Fetch = (url, init) => {
      calls += 1;
      if (!hanging) return fetchInto(app)(url, init);
      // Never answers: only the drain's own timeout ends the request.
      return new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    };
    let now = 5_000_000;
    const deps = { db: device, fetch: slow, now: () => now, random: () => 1, timeoutMs: 50 };
    expect(await drain(deps)).toBe('retry-later');
    expect((await getSyncState(device)).lastError).toBe('timeout');
    expect(await drain(deps)).toBe('waiting');
    expect(calls).toBe(1);
    now = ((await getSyncState(device)).retryAt ?? 0) + 1;
    hanging = false;
    expect(await drain(deps)).toBe('done');
    expect(calls).toBe(3);
    expect((await serverRecords('enterprise')).map((e) => e['id'])).toContain(enterprise.id);
  });

  it('keeps everything and asks for the password again on 401', async () => {
    const { user } = await account(unitA);
    const device = await newDevice(user, 'forged-token-forged-token-forged-token');
    const [enterprise] = generateEnterprises(1, unitA, 71) as [Enterprise];
    await saveEnterprise(device, enterprise);
    expect(await drain({ db: device, fetch: fetchInto(app) })).toBe('unauthorized');
    expect((await getSession(device))?.expired).toBe(true);
    expect((await outboxCount(device)).pending).toBe(1);
  });

  it('quarantines what the server refuses, with the reason, and delivers the rest', async () => {
    const { user, token } = await account(unitA);
    const device = await newDevice(user, token);
    const [own, foreign] = generateEnterprises(2, unitA, 81) as [Enterprise, Enterprise];
    await saveEnterprise(device, own);
    await saveEnterprise(device, { ...foreign, unitId: unitB });
    expect(await drain({ db: device, fetch: fetchInto(app) })).toBe('done');
    const rejected = await listRejected(device);
    expect(rejected.map((row) => row.entityId)).toEqual([foreign.id]);
    expect(JSON.stringify(rejected[0]?.issues ?? rejected[0]?.lastError)).toMatch(/./);
    expect((await serverRecords('enterprise')).map((e) => e['id'])).toContain(own.id);
    expect((await serverRecords('enterprise')).map((e) => e['id'])).not.toContain(foreign.id);
  });

  it('merges an edit made on a stale copy and flags fields changed on both sides', async () => {
    const { user, token } = await account(unitA);
    const phone = await newDevice(user, token);
    const tablet = await newDevice(user, token);
    const [generated] = generateEnterprises(1, unitA, 91) as [Enterprise];
    // As the app registers it: assigned to its organizer (the server's copy says so too).
    const enterprise = { ...generated, assignedTo: user.id };
    await saveEnterprise(phone, enterprise);
    expect(await drain({ db: phone, fetch: fetchInto(app) })).toBe('done');
    expect(await drain({ db: tablet, fetch: fetchInto(app) })).toBe('done');
    const [onPhone, onTablet] = await Promise.all([
      phone.enterprises.get(enterprise.id),
      tablet.enterprises.get(enterprise.id),
    ]);
    expect(onTablet?.version).toBe(1);
    await saveEnterprise(phone, {
      ...(onPhone as Enterprise),
      notes: 'phone note',
      workerCount: 500,
    });
    expect(await drain({ db: phone, fetch: fetchInto(app) })).toBe('done');
    await saveEnterprise(tablet, {
      ...(onTablet as Enterprise),
      notes: 'tablet note',
      sector: 'Dệt may',
    });
    expect(await drain({ db: tablet, fetch: fetchInto(app) })).toBe('done');
    const [stored] = (await serverRecords('enterprise')).filter((e) => e['id'] === enterprise.id);
    expect(stored).toMatchObject({ notes: 'tablet note', sector: 'Dệt may', workerCount: 500 });
    expect(conflictNotes(await getSyncState(tablet))).toEqual([
      expect.objectContaining({
        kind: 'merged',
        entityId: enterprise.id,
        field: 'notes',
        kept: 'tablet note',
        lost: 'phone note',
        by: user.displayName,
      }),
    ]);
    // The same user on both devices: no one else's value was lost, so no notice.
    expect(await noticeCount(enterprise.id)).toBe(0);
  });

  it('tells both organizers of a value replaced, and restores either in one tap', async () => {
    const lan = await account(unitA);
    const minh = await account(unitA);
    const lanPhone = await newDevice(lan.user, lan.token);
    const minhPhone = await newDevice(minh.user, minh.token);
    // Registered by Lan and hers, as the app registers one (docs/design.md §3).
    const [generated] = generateEnterprises(1, unitA, 95) as [Enterprise];
    const enterprise: Enterprise = { ...generated, assignedTo: lan.user.id };
    await saveEnterprise(lanPhone, enterprise);
    expect(await drain({ db: lanPhone, fetch: fetchInto(app) })).toBe('done');
    expect(await drain({ db: minhPhone, fetch: fetchInto(app) })).toBe('done');
    const edit = async (db: typeof lanPhone, address: string) => {
      const stored = (await db.enterprises.get(enterprise.id)) as Enterprise;
      await saveEnterprise(db, { ...stored, address });
    };
    await edit(lanPhone, 'Địa chỉ của Lan');
    await edit(minhPhone, 'Địa chỉ của Minh');
    expect(await drain({ db: lanPhone, fetch: fetchInto(app) })).toBe('done');
    expect(await drain({ db: minhPhone, fetch: fetchInto(app) })).toBe('done');
    const serverAddress = async () =>
      (await serverRecords('enterprise')).find((e) => e['id'] === enterprise.id)?.['address'];
    expect(await serverAddress()).toBe('Địa chỉ của Minh');
    const [merged] = await listConflictNotes(minhPhone);
    expect(merged?.note).toMatchObject({
      kind: 'merged',
      kept: 'Địa chỉ của Minh',
      lost: 'Địa chỉ của Lan',
      by: lan.user.displayName,
    });
    expect(await noticeCount(enterprise.id)).toBe(1);

    // Lan's next pull brings the notice; the device stores it and acknowledges it.
    const log = { requests: [] as string[] };
    expect(await drain({ db: lanPhone, fetch: fetchInto(app, log) })).toBe('done');
    expect(log.requests).toContain('POST /api/sync/notices/ack');
    expect(await noticeCount(enterprise.id)).toBe(0);
    expect(await unacknowledgedNotices(lanPhone)).toEqual([]);
    const [told] = await listConflictNotes(lanPhone);
    expect(told).toMatchObject({
      exists: true,
      current: 'Địa chỉ của Minh',
      note: {
        kind: 'replaced',
        field: 'address',
        kept: 'Địa chỉ của Minh',
        lost: 'Địa chỉ của Lan',
        by: minh.user.displayName,
      },
    });

    // One tap on Lan's phone: her address goes back, an ordinary edit.
    expect(await restoreConflictNote(lanPhone, told?.note.id as string)).toBe(true);
    expect(await drain({ db: lanPhone, fetch: fetchInto(app) })).toBe('done');
    expect(await serverAddress()).toBe('Địa chỉ của Lan');
    // Minh's note now shows the other value back in the record; no new notice for anyone.
    expect(await drain({ db: minhPhone, fetch: fetchInto(app) })).toBe('done');
    expect((await listConflictNotes(minhPhone))[0]).toMatchObject({ current: 'Địa chỉ của Lan' });
    expect(await noticeCount(enterprise.id)).toBe(0);
  });

  it('makes one push and one pull for a save, however many drains were asked meanwhile', async () => {
    const { user, token } = await account(unitA);
    const device = await newDevice(user, token);
    const [enterprise] = generateEnterprises(1, unitA, 101) as [Enterprise];
    await saveEnterprise(device, enterprise);
    const log = { requests: [] as string[] };

    // The page drains after the save; the worker, asked by the same save, waited for the lock.
    const workerAskedAt = Date.now();
    expect(await drain({ db: device, fetch: fetchInto(app, log) })).toBe('done');
    const worker = { db: device, fetch: fetchInto(app, log), requestedAt: workerAskedAt };
    expect(await drain(worker)).toBe('done');
    expect(log.requests).toEqual(['POST /api/sync/push', 'GET /api/sync/pull']);

    // A save after the drain the worker waited for: that drain did not deliver it.
    const [visit] = generateVisits([enterprise], 1, 102) as [Visit];
    await logVisit(device, visit);
    expect(await drain({ ...worker, requestedAt: Date.now() })).toBe('done');
    expect(log.requests.filter((r) => r.startsWith('POST'))).toHaveLength(2);
    expect((await outboxCount(device)).pending).toBe(0);
  });

  describe('sends its changes in an order the server’s pipeline rules accept', () => {
    // A day offline: 5 applications collected, then the visit that takes the enterprise from
    // `persuading` to `eligible` (the device allowed it on the applications it holds).
    async function offlineDay(
      device: Awaited<ReturnType<typeof newDevice>>,
      at: Enterprise,
      seed: number,
    ) {
      for (const signup of generateSignups([at], 5, seed)) await submitSignup(device, signup);
      const [visit] = generateVisits([at], 1, seed + 1) as [Visit];
      await logVisit(device, { ...visit, stageBefore: 'persuading', stageAfter: 'eligible' });
    }

    it.each([
      ['an enterprise the server already has', true],
      ['an enterprise registered the same day, offline', false],
    ])('%s', async (_case, syncedFirst) => {
      const { user, token } = await account(unitA);
      const device = await newDevice(user, token);
      const [generated] = generateEnterprises(1, unitA, syncedFirst ? 123 : 124) as [Enterprise];
      const { memberCount: _m, ...enterprise } = {
        ...generated,
        stage: 'persuading' as const,
        assignedTo: user.id,
      };
      await saveEnterprise(device, enterprise);
      if (syncedFirst) expect(await drain({ db: device, fetch: fetchInto(app) })).toBe('done');
      await offlineDay(device, enterprise, syncedFirst ? 125 : 127);

      expect(await drain({ db: device, fetch: fetchInto(app) })).toBe('done');
      expect(await listRejected(device)).toEqual([]);
      expect(await outboxCount(device)).toMatchObject({ pending: 0, rejected: 0 });
      const [stored] = (await serverRecords('enterprise')).filter((e) => e['id'] === enterprise.id);
      expect(stored).toMatchObject({ stage: 'eligible' });
      const signups = (await serverRecords('signup')).filter(
        (s) => s['enterpriseId'] === enterprise.id,
      );
      expect(signups).toHaveLength(5);
    });
  });

  it('acknowledges one push in one transaction: all of it or none, then nothing doubled', async () => {
    const { user, token } = await account(unitA);
    const device = await newDevice(user, token);
    const [enterprise] = generateEnterprises(1, unitA, 111) as [Enterprise];
    await saveEnterprise(device, enterprise);
    for (const visit of generateVisits([enterprise], 2, 112)) await logVisit(device, visit);
    const [signup] = generateSignups([enterprise], 1, 113) as [Signup];
    await submitSignup(device, signup);
    // The disk fills up while the answers of the push are stored: the signup's comes last.
    await abortWritesAtCommit(device, 'signups');

    await expect(drain({ db: device, fetch: fetchInto(app) })).rejects.toBeInstanceOf(
      StorageFullError,
    );
    const waiting = await pendingOutbox(device, 10);
    expect(waiting.map((row) => row.entity)).toEqual(['enterprise', 'visit', 'visit', 'signup']);
    expect(waiting.every((row) => row.attempts === 1)).toBe(true);

    stopFaults(device);
    expect(await drain({ db: device, fetch: fetchInto(app) })).toBe('done');
    expect((await outboxCount(device)).pending).toBe(0);
    expect(await device.enterprises.get(enterprise.id)).toMatchObject({ version: 1 });
    const visits = (await serverRecords('visit')).filter(
      (v) => v['enterpriseId'] === enterprise.id,
    );
    expect(visits.map((v) => v['version'])).toEqual([1, 1]);
  });
});
