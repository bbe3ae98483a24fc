import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import { makeEnterprise, makeSignup, makeVisit, uniqueIdNumber } from '../fixtures/records';
import { type App, mutation, openTestWorld, push, type World } from '../helpers/api';
import { storeFactories } from '../helpers/stores';

/*
 * Mutations of one request share a transaction (changes/apply.ts): a mutation must see what the
 * mutations before it in the same request wrote, its own record, an enterprise a visit moved, the
 * children an enterprise took to another unit.
 */
describe.each(storeFactories)('one request, read back on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;

  beforeAll(async () => {
    ({ store, dispose, app, world } = await openTestWorld(factory));
  });
  afterAll(() => dispose());

  async function stored(entity: string, id: string) {
    const result = await store.query<{ version: number; unit_id: string; data: object | null }>(
      'SELECT version, unit_id, data FROM records WHERE entity = $1 AND id = $2',
      [entity, id],
    );
    return result.rows[0];
  }

  const enterprise = () =>
    makeEnterprise({
      id: randomUUID(),
      unitId: world.unitA.id,
      assignedTo: world.organizerA.user.id,
      stage: 'persuading',
    });

  it('sees, within one request, the record created, the stage a visit moved and the edit after it', async () => {
    const data = enterprise();
    const visit = makeVisit({ id: randomUUID(), enterpriseId: data.id });
    const signup = makeSignup({
      id: randomUUID(),
      enterpriseId: data.id,
      idNumber: uniqueIdNumber(),
    });
    const mutations = [
      mutation({ entity: 'enterprise', entityId: data.id, data }),
      // Moves the enterprise to its stageAfter: version 2.
      mutation({ entity: 'visit', entityId: visit.id, data: visit }),
      mutation({
        entity: 'enterprise',
        entityId: data.id,
        baseVersion: 2,
        data: { ...data, stage: visit.stageAfter, name: 'Tên đã sửa' },
      }),
      mutation({ entity: 'signup', entityId: signup.id, data: signup }),
      mutation({
        entity: 'signup',
        entityId: signup.id,
        baseVersion: 1,
        data: { ...signup, phone: '0912345678' },
      }),
    ];
    const { results } = await push(app, world.organizerA.token, mutations);
    expect(results.map((r) => [r.status, r.version])).toEqual([
      ['applied', 1],
      ['applied', 1],
      ['applied', 3],
      ['applied', 1],
      ['applied', 2],
    ]);
    expect((await stored('enterprise', data.id))?.data).toMatchObject({
      name: 'Tên đã sửa',
      stage: visit.stageAfter,
      version: 3,
    });
  });

  it('sees the children an enterprise took to another unit earlier in the same request', async () => {
    const data = enterprise();
    const signup = makeSignup({
      id: randomUUID(),
      enterpriseId: data.id,
      idNumber: uniqueIdNumber(),
    });
    const first = await push(app, world.organizerA.token, [
      mutation({ entity: 'enterprise', entityId: data.id, data }),
      mutation({ entity: 'signup', entityId: signup.id, data: signup }),
    ]);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const { results } = await push(app, world.supervisor.token, [
      mutation({
        entity: 'enterprise',
        entityId: data.id,
        baseVersion: 1,
        data: { ...data, unitId: world.unitB.id, assignedTo: undefined },
      }),
      // The move gave the application version 2: an edit on version 1 is a conflict.
      mutation({ entity: 'signup', entityId: signup.id, baseVersion: 1, data: signup }),
      mutation({
        entity: 'signup',
        entityId: signup.id,
        baseVersion: 2,
        data: { ...signup, phone: '0912345678' },
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'conflict', 'applied']);
    expect(await stored('signup', signup.id)).toMatchObject({
      unit_id: world.unitB.id,
      version: 3,
    });
  });
});
