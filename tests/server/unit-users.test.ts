import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import { type App, call, makeWorld, testApp, type World } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';

type Who = 'organizerA' | 'supervisorA' | 'supervisor' | 'admin' | 'organizerB' | 'elsewhere';
type Where = 'own' | 'federation' | 'unitA' | 'unitB' | 'unknown';

/**
 * GET /api/units/users (docs/design.md §5): the names of the people of the user's scope, the
 * pull's: an organizer's own unit, a supervisor's or an admin's subtree. A unit outside it, or
 * one that does not exist, is 403; nobody learns a name from outside their scope.
 */
const CASES: [Who, Where, number, (keyof World)[]][] = [
  ['organizerA', 'own', 200, ['supervisorA', 'organizerA']],
  ['organizerA', 'unitA', 200, ['supervisorA', 'organizerA']],
  ['organizerA', 'federation', 403, []],
  ['organizerA', 'unitB', 403, []],
  ['organizerB', 'own', 200, ['organizerB']],
  ['supervisorA', 'own', 200, ['supervisorA', 'organizerA']],
  ['supervisorA', 'federation', 403, []],
  ['supervisorA', 'unitB', 403, []],
  ['supervisor', 'own', 200, ['admin', 'supervisor', 'supervisorA', 'organizerA', 'organizerB']],
  ['supervisor', 'unitB', 200, ['organizerB']],
  ['admin', 'unitA', 200, ['supervisorA', 'organizerA']],
  ['elsewhere', 'federation', 403, []],
  ['elsewhere', 'unitA', 403, []],
  ['supervisor', 'unknown', 403, []],
];

describe.each(storeFactories)('the names of the people in scope on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;
  let other: World;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    world = await makeWorld(store);
    other = await makeWorld(store);
  });
  afterAll(() => dispose());

  const tokenOf = (who: Who) => (who === 'elsewhere' ? other.supervisor.token : world[who].token);
  const unitOf = (where: Where): string | undefined =>
    where === 'own' ? undefined : where === 'unknown' ? randomUUID() : world[where].id;

  it.each(CASES)('%s asking for %s → %i', async (who, where, status, expected) => {
    const unitId = unitOf(where);
    const path = unitId === undefined ? '/api/units/users' : `/api/units/users?unitId=${unitId}`;
    const reply = await call(app, 'GET', path, { token: tokenOf(who) });
    expect(reply.status).toBe(status);
    if (status !== 200) {
      expect(reply.body).toMatchObject({ error: { code: 'forbidden' } });
      return;
    }
    const users = (reply.body as { users: Record<string, unknown>[] }).users;
    const ids = expected.map((name) => (world[name] as { user: { id: string } }).user.id);
    expect(users.map((u) => u['id']).sort()).toEqual([...ids].sort());
    for (const user of users) {
      // Nothing beyond what names a person on the progress screens.
      expect(Object.keys(user).sort()).toEqual(['active', 'displayName', 'id', 'role', 'unitId']);
      const account = expected
        .map((name) => (world[name] as { user: Record<string, unknown> }).user)
        .find((u) => u['id'] === user['id']);
      expect(user).toEqual({
        id: account?.['id'],
        displayName: account?.['displayName'],
        unitId: account?.['unitId'],
        role: account?.['role'],
        active: true,
      });
    }
  });

  it('asks for a login (401) and reads a bad unit id as 400', async () => {
    expect((await call(app, 'GET', '/api/units/users')).status).toBe(401);
    const bad = await call(app, 'GET', '/api/units/users?unitId=nope', {
      token: world.supervisor.token,
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
