import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import { applyFoundingDecision } from '../../src/shared/domain';
import type { Enterprise, Signup } from '../../src/shared/schemas';
import {
  makeDecision,
  makeEnterprise,
  makeIndicatorEntry,
  makeSignup,
  makeTarget,
} from '../fixtures/records';
import {
  type Account,
  type App,
  account,
  makeWorld,
  mutation,
  push,
  testApp,
  type World,
} from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';

/*
 * The shared write rules beyond the roles (domain/write-rules.ts) as the server's push applies
 * them: the founding, one member per ID number (also when two pushes race), assignments,
 * targets and entries with their versions.
 */

const today = new Date().toISOString().slice(0, 10);
let idCounter = 0;
/** A fresh valid CCCD of a woman born in 1995. */
function freshIdNumber(): string {
  idCounter += 1;
  return `001195${String(200_000 + idCounter).padStart(6, '0')}`;
}

const put = <T extends { id: string }>(data: T, entity: string, baseVersion?: number) =>
  mutation({ entity, entityId: data.id, data, ...(baseVersion ? { baseVersion } : {}) });

type Reply = Awaited<ReturnType<typeof push>>['results'][number];
const fieldsOf = (result: Reply | undefined) =>
  result?.error?.fields?.map((issue) => `${issue.code}@${issue.field}`);

describe.each(storeFactories)('the write rules on the server ($name)', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;
  let organizerA2: Account;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    world = await makeWorld(store);
    organizerA2 = await account(store, 'organizer', world.unitA.id);
  });
  afterAll(() => dispose());

  async function applied(token: string, mutations: ReturnType<typeof mutation>[]) {
    const { results } = await push(app, token, mutations);
    expect(results.map((r) => [r.status, fieldsOf(r)])).toEqual(
      mutations.map(() => ['applied', undefined]),
    );
    return results;
  }

  async function stored(entity: string, id: string) {
    const result = await store.query<{ version: number; data: Record<string, unknown> | null }>(
      'SELECT version, data FROM records WHERE entity = $1 AND id = $2',
      [entity, id],
    );
    return result.rows[0];
  }

  async function enterpriseWith(applications: number, overrides: Partial<Enterprise> = {}) {
    const enterprise = makeEnterprise({
      id: randomUUID(),
      unitId: world.unitA.id,
      assignedTo: world.organizerA.user.id,
      stage: 'collecting_applications',
      ...overrides,
    });
    const signups = Array.from({ length: applications }, () =>
      makeSignup({ id: randomUUID(), enterpriseId: enterprise.id, idNumber: freshIdNumber() }),
    );
    await applied(world.organizerA.token, [
      put(enterprise, 'enterprise'),
      ...signups.map((s) => put(s, 'signup')),
    ]);
    return { enterprise, signups };
  }

  const decision = () => makeDecision({ date: today, issuedBy: world.unitA.id });

  describe('founding (Thành lập CĐCS)', () => {
    it.each([
      ['5 applications', 5, undefined, 'applied', undefined],
      ['4 applications and 5 members at founding', 4, 5, 'applied', undefined],
      [
        '4 applications and 4 members at founding',
        4,
        4,
        'rejected',
        ['pipeline.not_enough_to_found@membersAtFounding'],
      ],
    ])('with %s: %s', async (_case, applications, members, status, fields) => {
      const { enterprise } = await enterpriseWith(applications);
      const founded = applyFoundingDecision(enterprise, decision(), new Date().toISOString(), {
        ...(members === undefined ? {} : { membersAtFounding: members }),
      });
      const { results } = await push(app, world.supervisorA.token, [put(founded, 'enterprise', 1)]);
      expect([results[0]?.status, fieldsOf(results[0])]).toEqual([status, fields]);
      expect((await stored('enterprise', enterprise.id))?.data?.['stage']).toBe(
        status === 'applied' ? 'founded' : 'collecting_applications',
      );
    });

    it.each<[string, (founded: Enterprise) => Enterprise, string]>([
      ['without unionStatus cdcs', (e) => ({ ...e, unionStatus: 'founding' }), 'unionStatus'],
      [
        'dated otherwise than its decision',
        (e) => ({ ...e, foundedAt: '2025-01-02' }),
        'foundedAt',
      ],
      ['left in the pipeline', (e) => ({ ...e, stage: 'eligible' }), 'stage'],
    ])('refuses a founding recorded %s', async (_case, spoil, field) => {
      const { enterprise } = await enterpriseWith(5);
      const founded = applyFoundingDecision(enterprise, decision(), new Date().toISOString());
      const { results } = await push(app, world.supervisorA.token, [
        put(spoil(founded), 'enterprise', 1),
      ]);
      expect(results[0]).toMatchObject({
        status: 'rejected',
        error: { code: 'validation_failed' },
      });
      expect(results[0]?.error?.fields?.map((issue) => issue.field)).toContain(field);
    });

    it('keeps workerCountAtFounding when the worker count changes later', async () => {
      const { enterprise } = await enterpriseWith(5, { workerCount: 30, femaleWorkerCount: 12 });
      // A device that does not send the field: the server takes the worker count of that day.
      const { workerCountAtFounding: _w, ...founded } = applyFoundingDecision(
        enterprise,
        decision(),
        new Date().toISOString(),
      );
      await applied(world.supervisorA.token, [put(founded, 'enterprise', 1)]);
      expect((await stored('enterprise', enterprise.id))?.data).toMatchObject({
        workerCountAtFounding: 30,
        unionStatus: 'cdcs',
      });
      await applied(world.organizerA.token, [
        put({ ...founded, workerCount: 20 }, 'enterprise', 2),
      ]);
      expect((await stored('enterprise', enterprise.id))?.data).toMatchObject({
        workerCount: 20,
        workerCountAtFounding: 30,
      });
    });
  });

  describe('one member per ID number in the federation', () => {
    const accept = (signup: Signup): Signup => ({
      ...signup,
      status: 'accepted',
      decision: decision(),
    });

    it('refuses a second accepted application with the same ID number, written otherwise', async () => {
      const { signups } = await enterpriseWith(2);
      const [first, second] = signups as [Signup, Signup];
      await applied(world.supervisorA.token, [put(accept(first), 'signup', 1)]);
      const spaced = { ...second, idNumber: first.idNumber };
      await applied(world.organizerA.token, [put(spaced, 'signup', 1)]);
      const { results } = await push(app, world.supervisorA.token, [
        put(accept(spaced), 'signup', 2),
      ]);
      expect([results[0]?.status, results[0]?.error?.code, fieldsOf(results[0])]).toEqual([
        'rejected',
        'validation_failed',
        ['admission.already_member@idNumber'],
      ]);
      expect((await stored('signup', second.id))?.data?.['status']).toBe('submitted');
    });

    it('admits the same ID number in another federation', async () => {
      const other = await makeWorld(store);
      const { signups } = await enterpriseWith(1);
      const [mine] = signups as [Signup];
      await applied(world.supervisorA.token, [put(accept(mine), 'signup', 1)]);
      const enterprise = makeEnterprise({ id: randomUUID(), unitId: other.unitA.id });
      const theirs = makeSignup({
        id: randomUUID(),
        enterpriseId: enterprise.id,
        idNumber: mine.idNumber,
      });
      await applied(other.organizerA.token, [put(enterprise, 'enterprise'), put(theirs, 'signup')]);
      await applied(other.supervisorA.token, [
        put(
          { ...accept(theirs), decision: makeDecision({ date: today, issuedBy: other.unitA.id }) },
          'signup',
          1,
        ),
      ]);
    });

    it('lets exactly one of two racing pushes admit the same person', async () => {
      const { signups } = await enterpriseWith(2);
      const [first, second] = signups as [Signup, Signup];
      const twin = { ...second, idNumber: first.idNumber };
      await applied(world.organizerA.token, [put(twin, 'signup', 1)]);
      // Two supervisors, two requests at once: the write lock orders them, the second sees the first.
      const [a, b] = await Promise.all([
        push(app, world.supervisorA.token, [put(accept(first), 'signup', 1)]),
        push(app, world.supervisor.token, [put(accept(twin), 'signup', 2)]),
      ]);
      const statuses = [a.results[0]?.status, b.results[0]?.status].sort();
      expect(statuses).toEqual(['applied', 'rejected']);
      const loser = [a.results[0], b.results[0]].find((r) => r?.status === 'rejected');
      expect(fieldsOf(loser)).toEqual(['admission.already_member@idNumber']);
      const members = await store.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM records
         WHERE entity = 'signup' AND data->>'status' = 'accepted' AND data->>'idNumber' = $1`,
        [first.idNumber],
      );
      expect(members.rows[0]?.n).toBe(1);
    });
  });

  describe('assignments (assignedTo)', () => {
    it.each<[string, (w: World, inactive: Account) => string, string]>([
      ['another organizer of the unit', () => organizerA2.user.id, 'applied'],
      ['an organizer of another unit', (w) => w.organizerB.user.id, 'rejected'],
      ['a deactivated organizer of the unit', (_w, inactive) => inactive.user.id, 'rejected'],
      ['a user that does not exist', () => randomUUID(), 'rejected'],
    ])('to %s: %s', async (_case, assignee, status) => {
      const inactive = await account(store, 'organizer', world.unitA.id);
      await store.query('UPDATE users SET active = false WHERE id = $1', [inactive.user.id]);
      const { enterprise } = await enterpriseWith(0);
      const assigned = { ...enterprise, assignedTo: assignee(world, inactive) };
      const { results } = await push(app, world.supervisorA.token, [
        put(assigned, 'enterprise', 1),
      ]);
      expect(results[0]?.status).toBe(status);
      if (status === 'rejected') {
        expect(results[0]?.error?.code).toBe('forbidden');
        expect(fieldsOf(results[0])).toEqual(['forbidden.assignee@assignedTo']);
      }
    });

    it('assigns an organizer’s new enterprise to them when they leave it empty', async () => {
      const enterprise = makeEnterprise({ id: randomUUID(), unitId: world.unitA.id });
      await applied(organizerA2.token, [put(enterprise, 'enterprise')]);
      expect((await stored('enterprise', enterprise.id))?.data?.['assignedTo']).toBe(
        organizerA2.user.id,
      );
    });
  });

  describe('targets and indicator entries', () => {
    it('keeps one target per unit, year and indicator, and deletes with its version', async () => {
      const target = makeTarget({ id: randomUUID(), unitId: world.unitA.id, year: 2031 });
      await applied(world.supervisorA.token, [put(target, 'target')]);
      const twin = { ...target, id: randomUUID(), value: 5 };
      const { results } = await push(app, world.supervisor.token, [put(twin, 'target')]);
      expect([results[0]?.status, fieldsOf(results[0])]).toEqual([
        'rejected',
        ['target.duplicate@indicator'],
      ]);
      await applied(world.supervisorA.token, [put({ ...target, value: 1200 }, 'target', 1)]);
      const blind = mutation({ entity: 'target', entityId: target.id, op: 'delete' });
      expect((await push(app, world.supervisorA.token, [blind])).results[0]?.status).toBe(
        'conflict',
      );
      const del = mutation({ entity: 'target', entityId: target.id, op: 'delete', baseVersion: 2 });
      await applied(world.supervisor.token, [del]);
      // Once deleted, the key is free again.
      await applied(world.supervisorA.token, [put(twin, 'target')]);
    });

    it('records, edits and deletes an entry of the unit with versions', async () => {
      const entry = makeIndicatorEntry({ id: randomUUID(), unitId: world.unitA.id, date: today });
      await applied(world.supervisorA.token, [put(entry, 'indicatorEntry')]);
      await applied(world.supervisorA.token, [put({ ...entry, count: 3 }, 'indicatorEntry', 1)]);
      const stale = mutation({
        entity: 'indicatorEntry',
        entityId: entry.id,
        op: 'delete',
        baseVersion: 1,
      });
      expect((await push(app, world.supervisorA.token, [stale])).results[0]?.status).toBe(
        'conflict',
      );
      await applied(world.admin.token, [
        mutation({ entity: 'indicatorEntry', entityId: entry.id, op: 'delete', baseVersion: 2 }),
      ]);
      expect(await stored('indicatorEntry', entry.id)).toMatchObject({ version: 3, data: null });
    });

    it('refuses an entry whose decision was issued on another branch of the tree', async () => {
      const entry = makeIndicatorEntry({
        id: randomUUID(),
        unitId: world.unitA.id,
        date: today,
        decision: makeDecision({ date: today, issuedBy: world.unitB.id }),
      });
      const { results } = await push(app, world.supervisor.token, [put(entry, 'indicatorEntry')]);
      expect([results[0]?.status, fieldsOf(results[0])]).toEqual([
        'rejected',
        ['admission.issuer_unrelated@decision.issuedBy'],
      ]);
    });
  });
});
