import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockWrites } from '../../src/server/changes/write-lock';
import { migrations } from '../../src/server/migrations';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';
import { openPostgres } from '../../src/server/store/postgres';
import type { Store } from '../../src/server/store/types';
import { PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT } from '../../src/shared/protocol';
import { makeEnterprise, makeSignup, makeVisit } from '../fixtures/records';
import {
  type App,
  call,
  makeWorld,
  mutation,
  type PullBody,
  pull,
  pullAll,
  push,
  testApp,
  type World,
} from '../helpers/api';
import { openMigratedStore, type StoreFactory, storeFactories } from '../helpers/stores';

/** Targets (or entries) written straight into the records table, as only the server writes them. */
async function insertTargets(store: Store, unitId: string, count: number): Promise<void> {
  await store.transaction(async (tx) => {
    await lockWrites(tx);
    await tx.query(
      `INSERT INTO records (entity, id, unit_id, data, version, seq, updated_at)
       SELECT 'target', id, $1::uuid,
              jsonb_build_object('id', id, 'unitId', $1::text, 'year', 2026,
                                 'indicator', 'new_members', 'value', n, 'version', 1),
              1, nextval('change_seq'), now()
       FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $2::int) AS n) t`,
      [unitId, count],
    );
  });
}

async function seedRecords(app: App, world: World) {
  // At the stage their visits leave them in, as a device sends them (else the server moves them).
  const stage = 'collecting_applications';
  const inA = makeEnterprise({
    id: randomUUID(),
    unitId: world.unitA.id,
    stage,
    assignedTo: world.organizerA.user.id,
  });
  const inB = makeEnterprise({
    id: randomUUID(),
    unitId: world.unitB.id,
    stage,
    assignedTo: world.organizerB.user.id,
  });
  const visitA = makeVisit({ id: randomUUID(), enterpriseId: inA.id });
  const signupA = makeSignup({ id: randomUUID(), enterpriseId: inA.id });
  const visitB = makeVisit({ id: randomUUID(), enterpriseId: inB.id });
  const signupB = makeSignup({ id: randomUUID(), enterpriseId: inB.id });
  const put = (entity: string, data: { id: string }) =>
    mutation({ entity, entityId: data.id, data });
  const a = await push(app, world.organizerA.token, [
    put('enterprise', inA),
    put('visit', visitA),
    put('signup', signupA),
  ]);
  const b = await push(app, world.organizerB.token, [
    put('enterprise', inB),
    put('visit', visitB),
    put('signup', signupB),
  ]);
  expect([...a.results, ...b.results].map((result) => result.status)).toEqual(
    Array(6).fill('applied'),
  );
  return { a: [inA.id, visitA.id, signupA.id], b: [inB.id, visitB.id, signupB.id] };
}

const ids = (changes: PullBody['changes']) => changes.map((change) => change.entityId).sort();

describe.each(storeFactories)('pull on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;
  let records: { a: string[]; b: string[] };

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    world = await makeWorld(store);
    records = await seedRecords(app, world);
    await insertTargets(store, world.unitA.id, 1);
  });
  afterAll(() => dispose());

  it('gives an organizer their unit’s records and the units above it, nothing of another unit', async () => {
    const changes = await pullAll(app, world.organizerA.token);
    const units = changes
      .filter((change) => change.entity === 'unit')
      .map((change) => change.entityId);
    expect(units.sort()).toEqual([world.federation.id, world.unitA.id].sort());
    const data = changes.filter((change) => change.entity !== 'unit');
    expect(data.map((change) => change.entity).sort()).toEqual([
      'enterprise',
      'signup',
      'target',
      'visit',
    ]);
    expect(
      ids(data)
        .filter((id) => records.a.includes(id))
        .sort(),
    ).toEqual([...records.a].sort());
    for (const id of records.b) expect(ids(changes)).not.toContain(id);
    for (const change of changes)
      expect(change.data).toMatchObject({ id: change.entityId, version: change.version });
  });

  it('gives a supervisor the records of the whole subtree', async () => {
    const all = ids(await pullAll(app, world.supervisor.token));
    for (const id of [...records.a, ...records.b, world.unitA.id, world.unitB.id])
      expect(all).toContain(id);
    const ofA = ids(await pullAll(app, world.supervisorA.token));
    for (const id of records.a) expect(ofA).toContain(id);
    for (const id of [...records.b, world.unitB.id]) expect(ofA).not.toContain(id);
  });

  it('pages in seq order with hasMore, and later pulls carry only what changed', async () => {
    const everything = await pullAll(app, world.organizerA.token);
    const pages: PullBody[] = [];
    let cursor = '';
    do {
      const { status, page } = await pull(app, world.organizerA.token, `?limit=2&cursor=${cursor}`);
      expect(status).toBe(200);
      expect(page.changes.length).toBeLessThanOrEqual(2);
      pages.push(page);
      cursor = page.cursor;
    } while (pages.at(-1)?.hasMore);
    expect(pages.flatMap((page) => page.changes)).toEqual(everything);
    expect(pages.slice(0, -1).every((page) => page.changes.length === 2)).toBe(true);

    const idle = await pull(app, world.organizerA.token, `?cursor=${cursor}`);
    expect(idle.page).toMatchObject({ changes: [], hasMore: false });
    const [enterpriseId] = records.a as [string];
    const edit = makeEnterprise({
      id: enterpriseId,
      unitId: world.unitA.id,
      name: 'Đổi tên',
      assignedTo: world.organizerA.user.id,
    });
    await push(app, world.organizerA.token, [
      mutation({ entity: 'enterprise', entityId: enterpriseId, baseVersion: 1, data: edit }),
    ]);
    const next = await pull(app, world.organizerA.token, `?cursor=${idle.page.cursor}`);
    expect(next.page.changes).toEqual([
      expect.objectContaining({
        entity: 'enterprise',
        entityId: enterpriseId,
        version: 2,
        deleted: false,
        data: expect.objectContaining({ name: 'Đổi tên' }),
      }),
    ]);
  });

  it('carries a deletion with null data', async () => {
    const data = makeEnterprise({ id: randomUUID(), unitId: world.unitA.id });
    await push(app, world.organizerA.token, [
      mutation({ entity: 'enterprise', entityId: data.id, data }),
    ]);
    const { page } = await pull(
      app,
      world.organizerA.token,
      `?cursor=${(await pull(app, world.organizerA.token, '?limit=1000')).page.cursor}`,
    );
    expect(page.changes).toEqual([]);
    const before = (await pull(app, world.organizerA.token, '?limit=1000')).page.cursor;
    await push(app, world.organizerA.token, [
      mutation({ entity: 'enterprise', entityId: data.id, op: 'delete', baseVersion: 1 }),
    ]);
    const after = await pull(app, world.organizerA.token, `?cursor=${before}`);
    expect(after.page.changes).toEqual([
      { entity: 'enterprise', entityId: data.id, version: 2, deleted: true, data: null },
    ]);
  });

  it(`defaults to ${PULL_DEFAULT_LIMIT} changes and clamps a larger limit to ${PULL_MAX_LIMIT}`, async () => {
    await insertTargets(store, world.unitB.id, PULL_MAX_LIMIT + 5);
    const byDefault = await pull(app, world.organizerB.token);
    expect(byDefault.page.changes).toHaveLength(PULL_DEFAULT_LIMIT);
    expect(byDefault.page.hasMore).toBe(true);
    const huge = await pull(app, world.organizerB.token, '?limit=999999999');
    expect(huge.status).toBe(200);
    expect(huge.page.changes).toHaveLength(PULL_MAX_LIMIT);
    expect(huge.page.hasMore).toBe(true);
  });

  it('starts over when a cursor was issued for another unit or role', async () => {
    const cursorOfA = (await pull(app, world.organizerA.token, '?limit=1000')).page.cursor;
    const { status, page } = await pull(
      app,
      world.supervisorA.token,
      `?cursor=${cursorOfA}&limit=1000`,
    );
    expect(status).toBe(200);
    expect(ids(page.changes)).toEqual(expect.arrayContaining(records.a));
  });

  it.each([
    ['garbage', 'abc'],
    ['a hand-made cursor', Buffer.from('5.tag.signature').toString('base64url')],
    ['characters outside base64url', 'a+b/c='],
    ['an overlong cursor', 'A'.repeat(201)],
  ])('answers 400 to %s', async (_case, cursor) => {
    const reply = await pull(app, world.organizerA.token, `?cursor=${encodeURIComponent(cursor)}`);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: { code: expect.stringMatching(/^(invalid_cursor|validation_failed)$/) },
    });
  });

  it('answers 400 to a real cursor whose position was changed', async () => {
    const { cursor } = (await pull(app, world.organizerA.token, '?limit=1')).page;
    const [seq, tag, signature] = Buffer.from(cursor, 'base64url').toString().split('.');
    const forged = Buffer.from(`${Number(seq) - 1}.${tag}.${signature}`).toString('base64url');
    const reply = await pull(app, world.organizerA.token, `?cursor=${forged}`);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: 'invalid_cursor' } });
  });

  it.each(['0', '-1', 'abc', '1.5', '', '1e3'])('answers 400 to limit=%j', async (limit) => {
    const reply = await call(app, 'GET', `/api/sync/pull?limit=${limit}`, {
      token: world.organizerA.token,
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: 'validation_failed' } });
  });
});

/** Opens the same database twice in a row, as a restarted server would. */
function reopenable(factory: StoreFactory) {
  if (factory.name === 'pglite') {
    let dir = '';
    return {
      async open() {
        dir ||= await mkdtemp(join(tmpdir(), 'sotay-pull-'));
        return openPglite(dir);
      },
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const url = process.env['DATABASE_URL'] ?? '';
  const schema = `t_${randomUUID().replace(/-/g, '')}`;
  return {
    open: () => openPostgres(url, { schema }),
    async cleanup() {
      const store = await openPostgres(url);
      await store.query(`DROP SCHEMA ${schema} CASCADE`);
      await store.close();
    },
  };
}

describe.each(storeFactories)('pull cursors across a restart on $name', (factory) => {
  it('continues from a cursor issued before the database was reopened', async () => {
    const database = reopenable(factory);
    try {
      const first = await database.open();
      await migrate(first, migrations);
      const app = testApp(first);
      const world = await makeWorld(first);
      await insertTargets(first, world.unitA.id, 5);
      const page = (await pull(app, world.organizerA.token, '?limit=3')).page;
      const expected = (await pull(app, world.organizerA.token, `?cursor=${page.cursor}`)).page;
      await first.close();

      const second = await database.open();
      try {
        const reply = await pull(testApp(second), world.organizerA.token, `?cursor=${page.cursor}`);
        expect(reply.status).toBe(200);
        expect(reply.page.changes).toEqual(expected.changes);
        expect(reply.page.changes).toHaveLength(4);
      } finally {
        await second.close();
      }
    } finally {
      await database.cleanup();
    }
  });
});
