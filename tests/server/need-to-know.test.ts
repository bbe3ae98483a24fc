import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import { todayInVietnam } from '../../src/shared/domain/dates';
import {
  heldSignupSchema,
  SIGNUP_PERSONAL_FIELDS,
  type Signup,
  visitSchema,
} from '../../src/shared/schemas';
import { makeDecision, makeEnterprise, makeSignup, makeVisit } from '../fixtures/records';
import {
  type Account,
  type App,
  account,
  makeWorld,
  mutation,
  type PullBody,
  pull,
  pullAll,
  push,
  testApp,
  type World,
} from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';

/** Need to know on pull (docs/design.md §5): who receives who signed, for every role. */

const daysAgo = (days: number) =>
  new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) - days * 86_400_000)
    .toISOString()
    .slice(0, 10);

type Change = PullBody['changes'][number];

describe.each(storeFactories)('need to know on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;
  /** A second organizer of unit A, who collected none of its applications. */
  let colleague: Account;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    world = await makeWorld(store);
    colleague = await account(store, 'organizer', world.unitA.id);
  });
  afterAll(() => dispose());

  async function applied(token: string, m: ReturnType<typeof mutation>) {
    const { results } = await push(app, token, [m]);
    expect(results[0]?.status, JSON.stringify(results[0])).toBe('applied');
    return results[0]?.version as number;
  }

  async function enterpriseOf(unitId: string) {
    const data = makeEnterprise({ id: randomUUID(), unitId, assignedTo: undefined });
    const token = unitId === world.unitA.id ? world.organizerA.token : world.organizerB.token;
    await applied(token, mutation({ entity: 'enterprise', entityId: data.id, data }));
    return data;
  }

  /** An application organizer A collected, then decided by supervisor A `decidedDaysAgo` ago. */
  async function signupAtA(enterpriseId: string, decidedDaysAgo?: number): Promise<Signup> {
    const data = makeSignup({ id: randomUUID(), enterpriseId, fullName: 'Đỗ Thị Hạnh' });
    await applied(world.organizerA.token, mutation({ entity: 'signup', entityId: data.id, data }));
    if (decidedDaysAgo === undefined) return data;
    const decided: Signup = {
      ...data,
      status: 'accepted',
      decision: makeDecision({ date: daysAgo(decidedDaysAgo), issuedBy: world.unitA.id }),
    };
    await applied(
      world.supervisorA.token,
      mutation({ entity: 'signup', entityId: data.id, baseVersion: 1, data: decided }),
    );
    return decided;
  }

  const find = (changes: readonly Change[], id: string) =>
    changes.filter((change) => change.entityId === id).at(-1);

  async function seenBy(who: Account, id: string) {
    return find(await pullAll(app, who.token), id);
  }

  function expectWhole(change: Change | undefined) {
    expect(change?.deleted).toBe(false);
    const data = change?.data as Record<string, unknown>;
    expect(data['fullName']).toBe('Đỗ Thị Hạnh');
    expect(data['idNumber']).toBeDefined();
    expect(data['redacted']).toBeUndefined();
  }

  function expectRedacted(change: Change | undefined) {
    expect(change?.deleted).toBe(false);
    const data = change?.data as Record<string, unknown>;
    for (const field of SIGNUP_PERSONAL_FIELDS) expect(data[field]).toBeUndefined();
    expect(data['redacted']).toBe(true);
    // Still enough to count: status, enterprise, dates, the decision.
    expect(data['status']).toBeDefined();
    expect(data['enterpriseId']).toBeDefined();
    // The shape a device accepts.
    expect(v.safeParse(heldSignupSchema, data).success).toBe(true);
    expect(JSON.stringify(data)).not.toContain('Hạnh');
  }

  it.each([
    ['the organizer who collected it', () => world.organizerA, 'whole'],
    ['another organizer of the unit', () => colleague, 'redacted'],
    ['the supervisor of the unit', () => world.supervisorA, 'whole'],
    ['the supervisor above', () => world.supervisor, 'whole'],
    ['the admin above', () => world.admin, 'whole'],
    ['an organizer of another unit', () => world.organizerB, 'absent'],
  ] as const)('a submitted application reaches %s %s', async (_, who, expected) => {
    const { id } = await enterpriseOf(world.unitA.id);
    const signup = await signupAtA(id);
    const change = await seenBy(who(), signup.id);
    if (expected === 'absent') expect(change).toBeUndefined();
    else if (expected === 'whole') expectWhole(change);
    else expectRedacted(change);
  });

  it.each([
    ['decided 10 days ago', 10, { author: 'whole', colleague: 'redacted', supervisor: 'redacted' }],
    [
      'decided 31 days ago',
      31,
      { author: 'redacted', colleague: 'redacted', supervisor: 'redacted' },
    ],
  ] as const)('an application %s', async (_, days, expected) => {
    const { id } = await enterpriseOf(world.unitA.id);
    const signup = await signupAtA(id, days);
    const readers = { author: world.organizerA, colleague, supervisor: world.supervisorA };
    for (const [role, who] of Object.entries(readers)) {
      const change = await seenBy(who, signup.id);
      if (expected[role as keyof typeof expected] === 'whole') expectWhole(change);
      else expectRedacted(change);
    }
  });

  it('gives a draft to its author only', async () => {
    const { id } = await enterpriseOf(world.unitA.id);
    const draft = { id: randomUUID(), enterpriseId: id, status: 'draft', fullName: 'Đỗ Thị Hạnh' };
    await applied(
      world.organizerA.token,
      mutation({ entity: 'signup', entityId: draft.id, data: draft }),
    );
    const own = (await seenBy(world.organizerA, draft.id))?.data as Record<string, unknown>;
    expect(own['fullName']).toBe('Đỗ Thị Hạnh');
    expect(own['redacted']).toBeUndefined();
    expectRedacted(await seenBy(world.supervisorA, draft.id));
    expectRedacted(await seenBy(colleague, draft.id));
  });

  it("gives the names and phones of a visit's people met to its author only", async () => {
    const { id } = await enterpriseOf(world.unitA.id);
    const visit = makeVisit({
      id: randomUUID(),
      enterpriseId: id,
      stageBefore: undefined,
      stageAfter: undefined,
    });
    await applied(
      world.organizerA.token,
      mutation({ entity: 'visit', entityId: visit.id, data: visit }),
    );
    const own = (await seenBy(world.organizerA, visit.id))?.data as typeof visit;
    expect(own.peopleMet).toEqual(visit.peopleMet);
    for (const who of [colleague, world.supervisorA, world.admin]) {
      const data = (await seenBy(who, visit.id))?.data as Record<string, unknown>;
      expect(data['peopleMet']).toEqual([{ role: 'worker' }, { role: 'hr' }]);
      expect(data['redacted']).toBe(true);
      expect(data['workersReached']).toBe(visit.workersReached);
      expect(v.safeParse(visitSchema, data).success).toBe(true);
    }
  });

  it('keeps what a redacted copy withheld when someone edits it and pushes it back', async () => {
    const { id } = await enterpriseOf(world.unitA.id);
    const visit = makeVisit({
      id: randomUUID(),
      enterpriseId: id,
      stageBefore: undefined,
      stageAfter: undefined,
    });
    await applied(
      world.organizerA.token,
      mutation({ entity: 'visit', entityId: visit.id, data: visit }),
    );
    const copy = (await seenBy(world.supervisorA, visit.id))?.data as Record<string, unknown>;
    const edited = { ...copy, outcome: 'Đã gặp ban giám đốc.' };
    await applied(
      world.supervisorA.token,
      mutation({ entity: 'visit', entityId: visit.id, baseVersion: 1, data: edited }),
    );
    const now = (await seenBy(world.organizerA, visit.id))?.data as Record<string, unknown>;
    expect(now['outcome']).toBe('Đã gặp ban giám đốc.');
    expect(now['peopleMet']).toEqual(visit.peopleMet);
    expect(now['redacted']).toBeUndefined();

    // A decided application, edited by the supervisor on a redacted copy, keeps who signed.
    const signup = await signupAtA(id, 40);
    const held = (await seenBy(world.supervisorA, signup.id))?.data as Record<string, unknown>;
    expect(held['redacted']).toBe(true);
    await applied(
      world.supervisorA.token,
      mutation({
        entity: 'signup',
        entityId: signup.id,
        baseVersion: 2,
        data: { ...held, decision: { ...signup.decision, number: '13/QĐ-CĐKCN' } },
      }),
    );
    const stored = await store.query<{ data: Record<string, unknown> }>(
      "SELECT data FROM records WHERE entity = 'signup' AND id = $1",
      [signup.id],
    );
    expect(stored.rows[0]?.data).toMatchObject({
      fullName: 'Đỗ Thị Hạnh',
      idNumber: signup.idNumber,
      decision: { number: '13/QĐ-CĐKCN' },
    });
    expect(stored.rows[0]?.data['redacted']).toBeUndefined();

    // With nothing stored to restore from, a redacted copy is refused, not saved half empty.
    const orphan = { ...held, id: randomUUID() };
    const { results } = await push(app, world.supervisorA.token, [
      mutation({ entity: 'signup', entityId: orphan.id as string, data: orphan }),
    ]);
    expect(results[0]?.status).toBe('rejected');
    expect(results[0]?.error?.fields?.[0]).toMatchObject({
      field: 'redacted',
      code: 'mutation.redacted_without_record',
    });
  });

  it('sends a record that left the unit to its devices as deleted, at a newer version', async () => {
    const enterprise = await enterpriseOf(world.unitA.id);
    const signup = await signupAtA(enterprise.id);
    const before = await pull(app, world.organizerA.token, '?limit=1000');
    let cursor = before.page.cursor;
    for (let page = before.page; page.hasMore; ) {
      page = (await pull(app, world.organizerA.token, `?cursor=${cursor}&limit=1000`)).page;
      cursor = page.cursor;
    }
    // The federation's supervisor moves the enterprise to unit B.
    await applied(
      world.supervisor.token,
      mutation({
        entity: 'enterprise',
        entityId: enterprise.id,
        baseVersion: 1,
        data: { ...enterprise, unitId: world.unitB.id },
      }),
    );
    const after = await pull(app, world.organizerA.token, `?cursor=${cursor}&limit=1000`);
    const gone = after.page.changes.filter((c) => [enterprise.id, signup.id].includes(c.entityId));
    expect(gone).toEqual([
      { entity: 'enterprise', entityId: enterprise.id, version: 2, deleted: true, data: null },
      { entity: 'signup', entityId: signup.id, version: 2, deleted: true, data: null },
    ]);
    // The new unit's organizer receives both (the application redacted); the supervisor above
    // keeps them as they are.
    expectRedacted(await seenBy(world.organizerB, signup.id));
    expect((await seenBy(world.organizerB, enterprise.id))?.deleted).toBe(false);
    expectWhole(await seenBy(world.supervisor, signup.id));
    expect((await seenBy(world.supervisor, enterprise.id))?.deleted).toBe(false);
    expect((await seenBy(world.organizerA, enterprise.id))?.deleted).toBe(true);
  });

  it('starts over with reset when the user was moved to another unit', async () => {
    const mover = await account(store, 'organizer', world.unitA.id);
    const first = await pull(app, mover.token, '?limit=1');
    expect(first.page.reset).toBeUndefined();
    await store.query('UPDATE users SET unit_id = $2 WHERE id = $1', [
      mover.user.id,
      world.unitB.id,
    ]);
    const next = await pull(app, mover.token, `?cursor=${first.page.cursor}&limit=1000`);
    expect(next.status).toBe(200);
    expect((next.body as { reset?: boolean }).reset).toBe(true);
    // Then on as usual.
    const after = await pull(app, mover.token, `?cursor=${next.page.cursor}&limit=1`);
    expect((after.body as { reset?: boolean }).reset).toBeUndefined();
    // Another user's cursor is not theirs either.
    const other = await pull(app, colleague.token, `?cursor=${next.page.cursor}&limit=1`);
    expect((other.body as { reset?: boolean }).reset).toBe(true);
  });
});
