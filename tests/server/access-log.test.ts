import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit } from '../../src/server/accounts/manage';
import type { Store } from '../../src/server/store/types';
import type { AccessLogEntry } from '../../src/shared/protocol';
import { makeEnterprise, makeSignup } from '../fixtures/records';
import {
  type Account,
  type App,
  account,
  call,
  mutation,
  openTestWorld,
  pullAll,
  push,
  type World,
} from '../helpers/api';
import { storeFactories } from '../helpers/stores';

/** The access log (docs/design.md §5): who received personal fields, when, why, how many. */
describe.each(storeFactories)('access log on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;

  beforeAll(async () => {
    ({ store, dispose, app, world } = await openTestWorld(factory));
  });
  afterAll(() => dispose());

  async function signups(author: Account, unitId: string, count: number) {
    const enterprise = makeEnterprise({ id: randomUUID(), unitId, assignedTo: undefined });
    const ids = Array.from({ length: count }, () => randomUUID());
    const { results } = await push(app, author.token, [
      mutation({ entity: 'enterprise', entityId: enterprise.id, data: enterprise }),
      ...ids.map((id) =>
        mutation({
          entity: 'signup',
          entityId: id,
          data: makeSignup({ id, enterpriseId: enterprise.id, fullName: 'Hồ Thị Xuân' }),
        }),
      ),
    ]);
    expect(results.every((result) => result.status === 'applied')).toBe(true);
  }

  async function entries(who: Account, query = '') {
    const reply = await call(app, 'GET', `/api/admin/access-log${query}`, { token: who.token });
    expect(reply.status).toBe(200);
    return (reply.body as { entries: AccessLogEntry[] }).entries;
  }

  it('records each pull that sent personal fields: who, why, how many, never which', async () => {
    const organizer = await account(store, 'organizer', world.unitA.id);
    const colleague = await account(store, 'organizer', world.unitA.id);
    await signups(organizer, world.unitA.id, 3);
    await pullAll(app, organizer.token);
    await pullAll(app, colleague.token);
    const mine = await entries(world.admin, `?userId=${organizer.user.id}`);
    expect(mine).toEqual([
      {
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        userId: organizer.user.id,
        username: organizer.user.username,
        unitId: world.unitA.id,
        unitName: world.unitA.name,
        purpose: 'pull',
        entity: 'signup',
        count: 3,
      },
    ]);
    // The colleague received the applications redacted: nothing to log.
    expect(await entries(world.admin, `?userId=${colleague.user.id}`)).toEqual([]);
    const rows = await store.query('SELECT * FROM access_log WHERE user_id = $1', [
      organizer.user.id,
    ]);
    expect(JSON.stringify(rows.rows)).not.toContain('Xuân');
  });

  it('filters by unit, purpose, entity and dates, within the admin subtree only', async () => {
    const organizerB = await account(store, 'organizer', world.unitB.id);
    await signups(organizerB, world.unitB.id, 2);
    await pullAll(app, organizerB.token);
    const inB = await entries(world.admin, `?unitId=${world.unitB.id}`);
    expect(inB.length).toBeGreaterThan(0);
    expect(inB.every((entry) => entry.unitId === world.unitB.id)).toBe(true);
    expect(await entries(world.admin, `?unitId=${world.unitB.id}&purpose=export`)).toEqual([]);
    expect(await entries(world.admin, `?unitId=${world.unitB.id}&entity=visit`)).toEqual([]);
    expect(await entries(world.admin, `?unitId=${world.unitB.id}&to=2020-01-01`)).toEqual([]);
    expect((await entries(world.admin, `?unitId=${world.unitB.id}&from=2020-01-01`)).length).toBe(
      inB.length,
    );

    // An admin of unit A sees unit A only; unit B is outside their subtree.
    const adminA = await account(store, 'admin', world.unitA.id);
    const theirs = await entries(adminA);
    expect(theirs.every((entry) => entry.unitId === world.unitA.id)).toBe(true);
    const outside = await call(app, 'GET', `/api/admin/access-log?unitId=${world.unitB.id}`, {
      token: adminA.token,
    });
    expect(outside.status).toBe(403);
    const elsewhere = await createUnit(store, { name: 'Khác', kind: 'federation' });
    const unknown = await call(app, 'GET', `/api/admin/access-log?unitId=${elsewhere.id}`, {
      token: world.admin.token,
    });
    expect(unknown.status).toBe(403);
  });

  it.each([
    ['a supervisor', 403, (w: World) => w.supervisor.token],
    ['an organizer', 403, (w: World) => w.organizerA.token],
    ['no session', 401, () => undefined],
  ] as const)('refuses %s', async (_, status, token) => {
    const t = token(world);
    const reply = await call(app, 'GET', '/api/admin/access-log', t ? { token: t } : {});
    expect(reply.status).toBe(status);
  });

  it.each([['?from=yesterday'], ['?purpose=gossip'], ['?unitId=nope'], ['?limit=0']])(
    'answers 400 to %s',
    async (query) => {
      const reply = await call(app, 'GET', `/api/admin/access-log${query}`, {
        token: world.admin.token,
      });
      expect(reply.status).toBe(400);
    },
  );

  it('exports CSV with a byte order mark, one line per entry and no worker named', async () => {
    const organizer = await account(store, 'organizer', world.unitA.id);
    await signups(organizer, world.unitA.id, 2);
    await pullAll(app, organizer.token);
    const response = await app.request(
      `/api/admin/access-log?format=csv&userId=${organizer.user.id}`,
      { headers: { authorization: `Bearer ${world.admin.token}` } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="nhat-ky-truy-cap-\d{4}-\d\d-\d\d\.csv"/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split('\r\n');
    expect(lines).toContain('Thời điểm,Tài khoản,Đơn vị,Mục đích,Loại bản ghi,Số bản ghi');
    const last = lines.at(-1) ?? '';
    expect(last).toMatch(
      new RegExp(
        `^\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d,${organizer.user.username},CĐ A,Đồng bộ về máy,Đơn gia nhập,2$`,
      ),
    );
    expect(text).not.toContain('Xuân');
  });
});
