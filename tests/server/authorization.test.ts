import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import type { Enterprise, Signup, Visit } from '../../src/shared/schemas';
import { makeEnterprise, makeSignup, makeVisit } from '../fixtures/records';
import { type App, makeWorld, mutation, push, testApp, type World } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';

type Fixture = {
  world: World;
  ownA: Enterprise;
  /** Unit B's records, written by B's organizer. */
  enterpriseB: Enterprise;
  visitB: Visit;
  signupB: Signup;
};

type Attempt = (f: Fixture) => {
  who?: 'organizerA' | 'supervisorA';
  mutation: ReturnType<typeof mutation>;
};

const put = (
  entity: string,
  data: { id: string } & Record<string, unknown>,
  baseVersion?: number,
) => mutation({ entity, entityId: data.id, data, ...(baseVersion ? { baseVersion } : {}) });
const del = (entity: string, id: string, baseVersion = 1) =>
  mutation({ entity, entityId: id, op: 'delete', baseVersion });

/** Every way to write into unit B from unit A: each must be `rejected` with `forbidden`. */
const ATTEMPTS: [string, Attempt][] = [
  [
    'create an enterprise in unit B',
    (f) => ({
      mutation: put('enterprise', makeEnterprise({ id: randomUUID(), unitId: f.world.unitB.id })),
    }),
  ],
  [
    'create an enterprise in a unit that does not exist',
    () => ({
      mutation: put('enterprise', makeEnterprise({ id: randomUUID(), unitId: randomUUID() })),
    }),
  ],
  [
    'edit unit B’s enterprise',
    (f) => ({ mutation: put('enterprise', { ...f.enterpriseB, name: 'Sửa trộm' }, 1) }),
  ],
  [
    'take unit B’s enterprise into unit A',
    (f) => ({ mutation: put('enterprise', { ...f.enterpriseB, unitId: f.world.unitA.id }, 1) }),
  ],
  [
    'create over unit B’s enterprise id (no leak through conflict)',
    (f) => ({ mutation: put('enterprise', { ...f.enterpriseB, unitId: f.world.unitA.id }) }),
  ],
  [
    'give unit A’s enterprise to unit B',
    (f) => ({ mutation: put('enterprise', { ...f.ownA, unitId: f.world.unitB.id }, 1) }),
  ],
  ['delete unit B’s enterprise', (f) => ({ mutation: del('enterprise', f.enterpriseB.id) })],
  [
    'log a visit at unit B’s enterprise',
    (f) => ({
      mutation: put('visit', makeVisit({ id: randomUUID(), enterpriseId: f.enterpriseB.id })),
    }),
  ],
  ['edit unit B’s visit', (f) => ({ mutation: put('visit', { ...f.visitB, outcome: 'Sửa' }, 1) })],
  [
    'move unit B’s visit to unit A’s enterprise',
    (f) => ({ mutation: put('visit', { ...f.visitB, enterpriseId: f.ownA.id }, 1) }),
  ],
  ['delete unit B’s visit', (f) => ({ mutation: del('visit', f.visitB.id) })],
  [
    'file a signup at unit B’s enterprise',
    (f) => ({
      mutation: put('signup', makeSignup({ id: randomUUID(), enterpriseId: f.enterpriseB.id })),
    }),
  ],
  [
    'edit unit B’s signup',
    (f) => ({ mutation: put('signup', { ...f.signupB, fullName: 'Tên khác' }, 1) }),
  ],
  ['delete unit B’s signup', (f) => ({ mutation: del('signup', f.signupB.id) })],
  [
    '(as supervisor of A) edit unit B’s enterprise',
    (f) => ({
      who: 'supervisorA',
      mutation: put('enterprise', { ...f.enterpriseB, name: 'X' }, 1),
    }),
  ],
  [
    '(as supervisor of A) read unit B’s signup back through a create conflict',
    (f) => ({
      who: 'supervisorA',
      mutation: put('signup', { ...f.signupB, enterpriseId: f.ownA.id }),
    }),
  ],
];

describe.each(storeFactories)('authorisation across units on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let fixture: Fixture;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    const world = await makeWorld(store);
    const ownA = makeEnterprise({ id: randomUUID(), unitId: world.unitA.id });
    const enterpriseB = makeEnterprise({ id: randomUUID(), unitId: world.unitB.id });
    const visitB = makeVisit({ id: randomUUID(), enterpriseId: enterpriseB.id });
    const signupB = makeSignup({ id: randomUUID(), enterpriseId: enterpriseB.id });
    await push(app, world.organizerA.token, [put('enterprise', ownA)]);
    const b = await push(app, world.organizerB.token, [
      put('enterprise', enterpriseB),
      put('visit', visitB),
      put('signup', signupB),
    ]);
    expect(b.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);
    fixture = { world, ownA, enterpriseB, visitB, signupB };
  });
  afterAll(() => dispose());

  const snapshot = async () =>
    (
      await store.query<{ id: string; version: number; unit_id: string; deleted: boolean }>(
        'SELECT id, version, unit_id, deleted FROM records ORDER BY id',
      )
    ).rows;

  it.each(ATTEMPTS)('refuses to %s', async (_case, attempt) => {
    const before = await snapshot();
    const { who = 'organizerA', mutation: m } = attempt(fixture);
    const { status, results } = await push(app, fixture.world[who].token, [m]);
    expect(status).toBe(200);
    expect(results).toEqual([
      {
        mutationId: m.mutationId,
        status: 'rejected',
        error: {
          code: 'forbidden',
          message: expect.any(String),
          fields: [expect.objectContaining({ code: expect.stringMatching(/^forbidden\./) })],
        },
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('lets each organizer write in their own unit and a supervisor in the subtree', async () => {
    const { world } = fixture;
    const mine = makeEnterprise({ id: randomUUID(), unitId: world.unitB.id });
    expect(
      (await push(app, world.organizerB.token, [put('enterprise', mine)])).results[0]?.status,
    ).toBe('applied');
    const edit = put('enterprise', { ...mine, name: 'Giám sát sửa' }, 1);
    expect((await push(app, world.supervisor.token, [edit])).results[0]?.status).toBe('applied');
  });
});
