import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import { makeEnterprise, makeVisit } from '../fixtures/records';
import {
  type App,
  type CallOptions,
  call,
  makeWorld,
  PASSWORD,
  testApp,
  type World,
} from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';

const HUGE = 'x'.repeat(100_000);
const JSON_HEADERS = { 'content-type': 'application/json' };
/** Replaced by 5,000 nested objects in the raw body: too deep for JSON.stringify to build. */
const DEEP_PLACEHOLDER = '__deep__';
const DEEP = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;

type Who = 'anonymous' | 'organizerA' | 'admin' | 'expired' | 'forged';
type Case = [string, string, string, Who, (w: World) => CallOptions];

const pushBody = (mutations: unknown[]) => ({ clientId: randomUUID(), mutations });
const putEnterprise = (data: unknown, entityId: string = randomUUID()) => ({
  mutationId: randomUUID(),
  entity: 'enterprise',
  entityId,
  op: 'put',
  data,
});

/** Requests that must end in a 4xx JSON error and store nothing. */
const REQUESTS: Case[] = [
  [
    'login: malformed JSON',
    'POST',
    '/api/auth/login',
    'anonymous',
    () => ({ raw: '{"username":', headers: JSON_HEADERS }),
  ],
  ['login: an array', 'POST', '/api/auth/login', 'anonymous', () => ({ body: [] })],
  [
    'login: wrong types',
    'POST',
    '/api/auth/login',
    'anonymous',
    () => ({ body: { username: 42, password: true } }),
  ],
  [
    'login: 100 kB username',
    'POST',
    '/api/auth/login',
    'anonymous',
    () => ({ body: { username: HUGE, password: PASSWORD } }),
  ],
  [
    'login: 100 kB password',
    'POST',
    '/api/auth/login',
    'anonymous',
    () => ({ body: { username: 'someone', password: HUGE } }),
  ],
  [
    'login: NUL in the password',
    'POST',
    '/api/auth/login',
    'anonymous',
    () => ({ body: { username: 'someone', password: 'a\u0000b' } }),
  ],
  [
    'login: empty body',
    'POST',
    '/api/auth/login',
    'anonymous',
    () => ({ raw: '', headers: JSON_HEADERS }),
  ],
  [
    'units: malformed JSON',
    'POST',
    '/api/admin/units',
    'admin',
    () => ({ raw: 'nope', headers: JSON_HEADERS }),
  ],
  [
    'units: 100 kB name',
    'POST',
    '/api/admin/units',
    'admin',
    () => ({ body: { name: HUGE, kind: 'upper' } }),
  ],
  [
    'units: NUL in the name',
    'POST',
    '/api/admin/units',
    'admin',
    () => ({ body: { name: 'A\u0000B', kind: 'upper' } }),
  ],
  [
    'units: unknown kind',
    'POST',
    '/api/admin/units',
    'admin',
    () => ({ body: { name: 'X', kind: 'district' } }),
  ],
  [
    'units: foreign parent id',
    'POST',
    '/api/admin/units',
    'admin',
    () => ({ body: { name: 'X', kind: 'cdcs', parentId: randomUUID() } }),
  ],
  [
    'units: deeply nested',
    'POST',
    '/api/admin/units',
    'admin',
    () => ({ raw: `${'{"name":'.repeat(10_000)}1${'}'.repeat(10_000)}`, headers: JSON_HEADERS }),
  ],
  [
    'units: by an organizer',
    'POST',
    '/api/admin/units',
    'organizerA',
    (w) => ({ body: { name: 'X', kind: 'cdcs', parentId: w.unitA.id } }),
  ],
  [
    'users: wrong types',
    'POST',
    '/api/admin/users',
    'admin',
    (w) => ({
      body: { username: ['a'], password: 1, displayName: {}, role: 'admin', unitId: w.unitA.id },
    }),
  ],
  [
    'users: 100 kB display name',
    'POST',
    '/api/admin/users',
    'admin',
    (w) => ({
      body: {
        username: 'huge.name',
        password: PASSWORD,
        displayName: HUGE,
        role: 'organizer',
        unitId: w.unitA.id,
      },
    }),
  ],
  [
    'users: foreign unit id',
    'POST',
    '/api/admin/users',
    'admin',
    () => ({
      body: {
        username: 'no.unit',
        password: PASSWORD,
        displayName: 'X',
        role: 'organizer',
        unitId: randomUUID(),
      },
    }),
  ],
  [
    'push: malformed JSON',
    'POST',
    '/api/sync/push',
    'organizerA',
    () => ({ raw: '{"clientId":"', headers: JSON_HEADERS }),
  ],
  [
    'push: wrong types',
    'POST',
    '/api/sync/push',
    'organizerA',
    () => ({ body: { clientId: 7, mutations: 'all' } }),
  ],
  [
    'push: 100 kB mutation id',
    'POST',
    '/api/sync/push',
    'organizerA',
    () => ({ body: pushBody([{ mutationId: HUGE }]) }),
  ],
  ['push: expired token', 'POST', '/api/sync/push', 'expired', () => ({ body: pushBody([]) })],
  ['push: forged token', 'POST', '/api/sync/push', 'forged', () => ({ body: pushBody([]) })],
  [
    'push: 100 kB token',
    'POST',
    '/api/sync/push',
    'anonymous',
    () => ({ headers: { authorization: `Bearer ${HUGE}` }, body: pushBody([]) }),
  ],
  ['pull: 100 kB cursor', 'GET', `/api/sync/pull?cursor=${HUGE}`, 'organizerA', () => ({})],
  ['pull: limit as text', 'GET', '/api/sync/pull?limit=lots', 'organizerA', () => ({})],
  ['pull: expired token', 'GET', '/api/sync/pull', 'expired', () => ({})],
  ['pull: forged token', 'GET', '/api/sync/pull', 'forged', () => ({})],
  ['wrong method on login', 'GET', '/api/auth/login', 'anonymous', () => ({})],
];

/** Mutations that must each be answered `rejected` (the push itself is a 200) and store nothing. */
const MUTATIONS: [string, (w: World) => unknown][] = [
  ['an unknown entity', () => ({ ...putEnterprise({}), entity: 'payroll' })],
  ['wrong types in the data', () => putEnterprise({ id: 1, name: ['x'], workerCount: 'many' })],
  [
    'a 100 kB name',
    (w) => {
      const data = makeEnterprise({ id: randomUUID(), unitId: w.unitA.id, name: HUGE });
      return putEnterprise(data, data.id);
    },
  ],
  [
    'a NUL character',
    (w) => {
      const data = makeEnterprise({ id: randomUUID(), unitId: w.unitA.id, notes: 'a\u0000b' });
      return putEnterprise(data, data.id);
    },
  ],
  [
    'a foreign unit id',
    () => {
      const data = makeEnterprise({ id: randomUUID(), unitId: randomUUID() });
      return putEnterprise(data, data.id);
    },
  ],
  ['data that is a string', () => putEnterprise('DROP TABLE records')],
  [
    'deeply nested data',
    (w) => {
      const data = {
        ...makeEnterprise({ id: randomUUID(), unitId: w.unitA.id }),
        contact: DEEP_PLACEHOLDER,
      };
      return putEnterprise(data, data.id);
    },
  ],
  [
    'a visit of a foreign enterprise',
    () => {
      const data = makeVisit({ id: randomUUID(), enterpriseId: randomUUID() });
      return { ...putEnterprise(data, data.id), entity: 'visit' };
    },
  ],
  [
    'a baseVersion that is not a number',
    (w) => {
      const data = makeEnterprise({ id: randomUUID(), unitId: w.unitA.id });
      return { ...putEnterprise(data, data.id), baseVersion: '1; DROP' };
    },
  ],
];

describe.each(storeFactories)('hostile input on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;
  let expiredToken: string;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    world = await makeWorld(store);
    const { user } = world.organizerB;
    expiredToken = world.organizerB.token;
    await store.query(
      "UPDATE sessions SET last_used_at = now() - interval '31 days' WHERE user_id = $1",
      [user.id],
    );
  });
  afterAll(() => dispose());

  const counts = async () =>
    (
      await store.query(
        'SELECT (SELECT count(*) FROM records)::int AS records, (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM users)::int AS users',
      )
    ).rows[0];

  const tokenOf = (who: Who): string | undefined => {
    if (who === 'anonymous') return undefined;
    if (who === 'expired') return expiredToken;
    if (who === 'forged') return 'Zm9yZ2VkLXRva2VuLWZvcmdlZC10b2tlbi1mb3JnZWQ';
    return world[who].token;
  };

  it.each(REQUESTS)('answers %s with a 4xx JSON error', async (_case, method, path, who, build) => {
    const before = await counts();
    const token = tokenOf(who);
    const reply = await call(app, method, path, { ...build(world), ...(token ? { token } : {}) });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(reply.headers.get('content-type')).toMatch(/application\/json/);
    expect(reply.body).toEqual({
      error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    });
    expect(await counts()).toEqual(before);
  });

  it.each(MUTATIONS)('rejects a mutation with %s and stores nothing', async (_case, build) => {
    const before = await counts();
    const raw = build(world) as { mutationId: string };
    const body = JSON.stringify(pushBody([raw])).replace(`"${DEEP_PLACEHOLDER}"`, DEEP);
    const reply = await call(app, 'POST', '/api/sync/push', {
      token: world.organizerA.token,
      raw: body,
      headers: JSON_HEADERS,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      results: [
        {
          mutationId: raw.mutationId,
          status: 'rejected',
          error: expect.objectContaining({ code: expect.any(String) }),
        },
      ],
    });
    expect(await counts()).toEqual(before);
  });
});
