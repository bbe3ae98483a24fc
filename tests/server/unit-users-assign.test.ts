import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import { unitUsersResponseSchema } from '../../src/shared/protocol';
import { type App, account, call, openTestWorld, type World } from '../helpers/api';
import { storeFactories } from '../helpers/stores';

/**
 * GET /api/units/users as the supervisor's assignments read it: the users of their subtree with
 * whether each is active (only active ones may be assigned), nothing about passwords; an
 * organizer's answer stops at their own unit.
 */
describe.each(storeFactories)('the people a supervisor assigns to, on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;

  beforeAll(async () => {
    ({ store, dispose, app, world } = await openTestWorld(factory));
  });
  afterAll(() => dispose());

  const ids = (body: unknown) =>
    v
      .parse(unitUsersResponseSchema, body)
      .users.filter((p) => p.active)
      .map((p) => p.id);

  it('gives a supervisor the active users of their subtree, nobody else', async () => {
    const retired = await account(store, 'organizer', world.unitA.id);
    await store.query('UPDATE users SET active = false WHERE id = $1', [retired.user.id]);
    const reply = await call(app, 'GET', '/api/units/users', { token: world.supervisorA.token });
    expect(reply.status).toBe(200);
    expect(ids(reply.body).sort()).toEqual(
      [world.supervisorA.user.id, world.organizerA.user.id].sort(),
    );
    const body = v.parse(unitUsersResponseSchema, reply.body);
    expect(body.users.find((p) => p.id === world.organizerA.user.id)).toEqual({
      id: world.organizerA.user.id,
      displayName: world.organizerA.user.displayName,
      role: 'organizer',
      unitId: world.unitA.id,
      active: true,
    });
    expect(JSON.stringify(reply.body)).not.toContain('password');
  });

  it('gives the federation’s supervisor every unit’s users', async () => {
    const reply = await call(app, 'GET', '/api/units/users', { token: world.supervisor.token });
    expect(ids(reply.body)).toEqual(
      expect.arrayContaining([
        world.organizerA.user.id,
        world.organizerB.user.id,
        world.admin.user.id,
      ]),
    );
  });

  it('gives an organizer their own unit only (403 for another) and a stranger 401', async () => {
    const own = await call(app, 'GET', '/api/units/users', { token: world.organizerA.token });
    expect(own.status).toBe(200);
    expect(ids(own.body)).not.toContain(world.organizerB.user.id);
    const other = await call(app, 'GET', `/api/units/users?unitId=${world.unitB.id}`, {
      token: world.organizerA.token,
    });
    expect(other.status).toBe(403);
    expect((await call(app, 'GET', '/api/units/users')).status).toBe(401);
  });
});
