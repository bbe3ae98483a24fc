import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import { peopleResponseSchema } from '../../src/shared/protocol';
import { type App, account, call, makeWorld, testApp, type World } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';

/**
 * GET /api/people: whom a supervisor or an admin may assign enterprises to (the active users of
 * their subtree); an organizer may not assign, so they get 403.
 */
describe.each(storeFactories)('people on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    world = await makeWorld(store);
  });
  afterAll(() => dispose());

  const ids = (body: unknown) => v.parse(peopleResponseSchema, body).people.map((p) => p.id);

  it('gives a supervisor the active users of their subtree, nobody else', async () => {
    const retired = await account(store, 'organizer', world.unitA.id);
    await store.query('UPDATE users SET active = false WHERE id = $1', [retired.user.id]);
    const reply = await call(app, 'GET', '/api/people', { token: world.supervisorA.token });
    expect(reply.status).toBe(200);
    expect(ids(reply.body).sort()).toEqual(
      [world.supervisorA.user.id, world.organizerA.user.id].sort(),
    );
    const body = v.parse(peopleResponseSchema, reply.body);
    expect(body.people.find((p) => p.id === world.organizerA.user.id)).toEqual({
      id: world.organizerA.user.id,
      displayName: world.organizerA.user.displayName,
      role: 'organizer',
      unitId: world.unitA.id,
      active: true,
    });
    expect(JSON.stringify(reply.body)).not.toContain('password');
  });

  it('gives the federation’s supervisor every unit’s users', async () => {
    const reply = await call(app, 'GET', '/api/people', { token: world.supervisor.token });
    expect(ids(reply.body)).toEqual(
      expect.arrayContaining([
        world.organizerA.user.id,
        world.organizerB.user.id,
        world.admin.user.id,
      ]),
    );
  });

  it('refuses an organizer (403) and a stranger (401)', async () => {
    expect((await call(app, 'GET', '/api/people', { token: world.organizerA.token })).status).toBe(
      403,
    );
    expect((await call(app, 'GET', '/api/people')).status).toBe(401);
  });
});
