import { randomUUID } from 'node:crypto';
import { createUnit, createUser } from '../../src/server/accounts/manage';
import { createSession } from '../../src/server/auth/sessions';
import { createApp } from '../../src/server/hono-app';
import type { Store } from '../../src/server/store/types';
import type { Unit, User, UserRole } from '../../src/shared/schemas';
import { openMigratedStore, type StoreFactory } from './stores';

export type App = ReturnType<typeof createApp>;

/** The header tests use to pose as different client addresses (login throttling). */
export const TEST_ADDRESS_HEADER = 'x-test-address';

/** An app over `store` whose client address comes from TEST_ADDRESS_HEADER (default 127.0.0.1). */
export function testApp(store: Store): App {
  return createApp({
    store,
    clientAddress: (c) => c.req.header(TEST_ADDRESS_HEADER) ?? '127.0.0.1',
  });
}

export type Reply = { status: number; headers: Headers; body: unknown };

export type CallOptions = {
  token?: string;
  body?: unknown;
  /** Sent as is instead of JSON.stringify(body). */
  raw?: BodyInit;
  headers?: Record<string, string>;
};

/** One API call; the body is parsed as JSON when there is one. */
export async function call(
  app: App,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  let body: BodyInit | undefined = options.raw;
  if (body === undefined && options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  // A stream body needs `duplex` in Node's fetch; the DOM typings do not know the option yet.
  const init = { method, headers, ...(body === undefined ? {} : { body, duplex: 'half' }) };
  const response = await app.request(path, init as RequestInit);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
}

export const PASSWORD = 'correct-horse-battery';

export type Account = { user: User; token: string };

/** A fresh username, so that tests sharing one store never collide. */
export function freshName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function login(app: App, username: string, password = PASSWORD): Promise<string> {
  const reply = await call(app, 'POST', '/api/auth/login', { body: { username, password } });
  if (reply.status !== 200)
    throw new Error(`login ${username}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return (reply.body as { token: string }).token;
}

/** A new account with a live session (made directly: login itself is tested in auth.test.ts). */
export async function account(store: Store, role: UserRole, unitId: string): Promise<Account> {
  const user = await createUser(store, {
    username: freshName(role),
    password: PASSWORD,
    displayName: `Cán bộ ${role}`,
    role,
    unitId,
  });
  return { user, token: await createSession(store, user.id) };
}

/**
 * A federation with two units A and B under it, an organizer in each, a supervisor of A, a
 * supervisor of the federation and an admin of the federation. Fresh on every call.
 */
export type World = {
  federation: Unit;
  unitA: Unit;
  unitB: Unit;
  admin: Account;
  supervisor: Account;
  supervisorA: Account;
  organizerA: Account;
  organizerB: Account;
};

export async function makeWorld(store: Store): Promise<World> {
  const federation = await createUnit(store, { name: freshName('LĐLĐ'), kind: 'federation' });
  const unitA = await createUnit(store, { name: 'CĐ A', kind: 'upper', parentId: federation.id });
  const unitB = await createUnit(store, { name: 'CĐ B', kind: 'upper', parentId: federation.id });
  const [admin, supervisor, supervisorA, organizerA, organizerB] = await Promise.all([
    account(store, 'admin', federation.id),
    account(store, 'supervisor', federation.id),
    account(store, 'supervisor', unitA.id),
    account(store, 'organizer', unitA.id),
    account(store, 'organizer', unitB.id),
  ]);
  return { federation, unitA, unitB, admin, supervisor, supervisorA, organizerA, organizerB };
}

export type MutationInput = {
  entity: string;
  entityId: string;
  op?: 'put' | 'delete';
  baseVersion?: number;
  data?: unknown;
  /** A merged put's overwritten values (docs/design.md §6). */
  replaced?: unknown;
  mutationId?: string;
};

export function mutation(input: MutationInput) {
  return { mutationId: randomUUID(), op: 'put', ...input };
}

export type PushReply = {
  status: number;
  results: {
    mutationId: string;
    status: string;
    version?: number;
    current?: unknown;
    error?: { code: string; fields?: { field: string; code: string }[] };
  }[];
  body: unknown;
};

export async function push(
  app: App,
  token: string,
  mutations: unknown[],
  clientId = randomUUID(),
): Promise<PushReply> {
  const reply = await call(app, 'POST', '/api/sync/push', { token, body: { clientId, mutations } });
  const results = (reply.body as { results?: PushReply['results'] } | undefined)?.results ?? [];
  return { status: reply.status, results, body: reply.body };
}

export type PullBody = {
  changes: { entity: string; entityId: string; version: number; deleted: boolean; data: unknown }[];
  cursor: string;
  hasMore: boolean;
  reset?: true;
};

export async function pull(
  app: App,
  token: string,
  query = '',
): Promise<Reply & { page: PullBody }> {
  const reply = await call(app, 'GET', `/api/sync/pull${query}`, { token });
  return { ...reply, page: reply.body as PullBody };
}

/** Every change visible to `token`, following the cursor to the end. */
export async function pullAll(app: App, token: string, limit = 1000): Promise<PullBody['changes']> {
  const changes: PullBody['changes'] = [];
  let cursor = '';
  for (;;) {
    const { status, page } = await pull(
      app,
      token,
      `?cursor=${encodeURIComponent(cursor)}&limit=${limit}`,
    );
    if (status !== 200) throw new Error(`pull answered ${status}`);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return changes;
  }
}

/**
 * A migrated store of `factory` with the test app over it and the units and users of makeWorld:
 * what most server suites open in their beforeAll (and `dispose` in their afterAll).
 */
export async function openTestWorld(factory: StoreFactory) {
  const { store, dispose } = await openMigratedStore(factory);
  return { store, dispose, app: testApp(store), world: await makeWorld(store) };
}
