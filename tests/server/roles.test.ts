import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import { applyFoundingDecision, ROLE_ACTIONS, type RoleAction } from '../../src/shared/domain';
import type { Enterprise, Signup, Visit } from '../../src/shared/schemas';
import {
  makeDecision,
  makeEnterprise,
  makeIndicatorEntry,
  makeSignup,
  makeTarget,
  makeVisit,
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
 * The roles table of docs/design.md §3 on the server, row by row: for each write a push can
 * make, the roles allowed succeed and every other one gets `rejected` / `forbidden` with the
 * field named, and nothing is written. Each case builds its own records.
 */

type Actor = 'organizerA' | 'organizerA2' | 'organizerB' | 'supervisorA' | 'supervisor' | 'admin';
const ACTORS: readonly Actor[] = [
  'organizerA',
  'organizerA2',
  'organizerB',
  'supervisorA',
  'supervisor',
  'admin',
];

type Roles = World & { organizerA2: Account };
type Mutation = ReturnType<typeof mutation>;
type Row = {
  action: RoleAction;
  what: string;
  allowed: readonly Actor[];
  /** Builds the records the write needs (as their usual authors) and returns the write. */
  setup(ctx: Setup): Promise<Mutation>;
};
type Setup = {
  world: Roles;
  as(who: Actor, mutations: Mutation[]): Promise<void>;
};

let idCounter = 0;
/** A fresh valid CCCD of a woman born in 1995 (one member per ID number in a federation). */
function freshIdNumber(): string {
  idCounter += 1;
  return `001195${String(100_000 + idCounter).padStart(6, '0')}`;
}

let targetYear = 2030;
/** A year no other case has a target of (one target per unit, year and indicator). */
const nextTargetYear = () => ++targetYear;

const put = <T extends { id: string }>(data: T, entity: string, baseVersion?: number) =>
  mutation({ entity, entityId: data.id, data, ...(baseVersion ? { baseVersion } : {}) });
const del = (entity: string, id: string, baseVersion: number) =>
  mutation({ entity, entityId: id, op: 'delete', baseVersion });

const today = new Date().toISOString().slice(0, 10);

async function enterpriseOfA(ctx: Setup, overrides: Partial<Enterprise> = {}) {
  const enterprise = makeEnterprise({
    id: randomUUID(),
    unitId: ctx.world.unitA.id,
    assignedTo: ctx.world.organizerA.user.id,
    ...overrides,
  });
  await ctx.as('organizerA', [put(enterprise, 'enterprise')]);
  return enterprise;
}

async function signupAt(ctx: Setup, enterprise: Enterprise, overrides: Partial<Signup> = {}) {
  const signup = makeSignup({
    id: randomUUID(),
    enterpriseId: enterprise.id,
    idNumber: freshIdNumber(),
    ...overrides,
  });
  await ctx.as('organizerA', [put(signup, 'signup')]);
  return signup;
}

function accepted(signup: Signup, world: Roles): Signup {
  return {
    ...signup,
    status: 'accepted',
    decision: makeDecision({ date: today, issuedBy: world.unitA.id }),
  };
}

async function foundedEnterprise(ctx: Setup) {
  const enterprise = await enterpriseOfA(ctx, { stage: 'eligible', memberCount: 5 });
  const founded = applyFoundingDecision(
    enterprise,
    makeDecision({ number: '7/QĐ-CĐ', date: today, issuedBy: ctx.world.unitA.id }),
    new Date().toISOString(),
    { membersAtFounding: 6 },
  );
  await ctx.as('supervisorA', [put(founded, 'enterprise', 1)]);
  return founded;
}

const SUPERVISORS: readonly Actor[] = ['supervisorA', 'supervisor', 'admin'];
const IN_UNIT_A: readonly Actor[] = ['organizerA', 'organizerA2', ...SUPERVISORS];
const AUTHOR_AND_SUPERVISORS: readonly Actor[] = ['organizerA', ...SUPERVISORS];

const ROWS: readonly Row[] = [
  {
    action: 'record_work',
    what: 'register an enterprise in unit A',
    allowed: IN_UNIT_A,
    setup: async (ctx) =>
      put(makeEnterprise({ id: randomUUID(), unitId: ctx.world.unitA.id }), 'enterprise'),
  },
  {
    action: 'record_work',
    what: 'submit an application at an enterprise of unit A',
    allowed: IN_UNIT_A,
    setup: async (ctx) => {
      const enterprise = await enterpriseOfA(ctx);
      const signup = makeSignup({
        id: randomUUID(),
        enterpriseId: enterprise.id,
        idNumber: freshIdNumber(),
      });
      return put(signup, 'signup');
    },
  },
  {
    action: 'edit_others_work',
    what: 'edit a visit organizer A logged',
    allowed: AUTHOR_AND_SUPERVISORS,
    setup: async (ctx) => {
      const enterprise = await enterpriseOfA(ctx, { stage: 'collecting_applications' });
      const visit: Visit = makeVisit({ id: randomUUID(), enterpriseId: enterprise.id });
      await ctx.as('organizerA', [put(visit, 'visit')]);
      return put({ ...visit, outcome: 'Sửa lại' }, 'visit', 1);
    },
  },
  {
    action: 'edit_others_work',
    what: 'delete an application organizer A submitted',
    allowed: AUTHOR_AND_SUPERVISORS,
    setup: async (ctx) => {
      const signup = await signupAt(ctx, await enterpriseOfA(ctx));
      return del('signup', signup.id, 1);
    },
  },
  {
    action: 'decide_signup',
    what: 'accept an application',
    allowed: SUPERVISORS,
    setup: async (ctx) => {
      const signup = await signupAt(ctx, await enterpriseOfA(ctx));
      return put(accepted(signup, ctx.world), 'signup', 1);
    },
  },
  {
    action: 'decide_signup',
    what: 'reject an application with a reason',
    allowed: SUPERVISORS,
    setup: async (ctx) => {
      const signup = await signupAt(ctx, await enterpriseOfA(ctx));
      return put({ ...signup, status: 'rejected', rejectionReason: 'Là giám đốc' }, 'signup', 1);
    },
  },
  {
    action: 'record_founding',
    what: 'record a founding with 5 applications',
    allowed: SUPERVISORS,
    setup: async (ctx) => {
      const enterprise = await enterpriseOfA(ctx, { stage: 'collecting_applications' });
      for (let i = 0; i < 5; i++) await signupAt(ctx, enterprise);
      const decision = makeDecision({ date: today, issuedBy: ctx.world.unitA.id });
      return put(
        applyFoundingDecision(enterprise, decision, new Date().toISOString()),
        'enterprise',
        1,
      );
    },
  },
  {
    action: 'assign',
    what: 'assign an enterprise to another organizer of its unit',
    allowed: SUPERVISORS,
    setup: async (ctx) => {
      const enterprise = await enterpriseOfA(ctx);
      return put({ ...enterprise, assignedTo: ctx.world.organizerA2.user.id }, 'enterprise', 1);
    },
  },
  {
    action: 'delete_accepted_signup',
    what: 'delete an accepted application',
    allowed: ['admin'],
    setup: async (ctx) => {
      const signup = await signupAt(ctx, await enterpriseOfA(ctx));
      await ctx.as('supervisorA', [put(accepted(signup, ctx.world), 'signup', 1)]);
      return del('signup', signup.id, 2);
    },
  },
  {
    action: 'undo_founding',
    what: 'move a founded enterprise back into the pipeline',
    allowed: ['admin'],
    setup: async (ctx) => {
      const founded = await foundedEnterprise(ctx);
      const { foundingDecision: _d, foundedAt: _f, ...rest } = founded;
      return put({ ...rest, stage: 'eligible', unionStatus: 'founding' }, 'enterprise', 2);
    },
  },
  {
    action: 'set_target',
    what: 'set a target of unit A',
    allowed: SUPERVISORS,
    setup: async (ctx) =>
      put(
        makeTarget({ id: randomUUID(), unitId: ctx.world.unitA.id, year: nextTargetYear() }),
        'target',
      ),
  },
  {
    action: 'set_target',
    what: 'delete a target of unit A',
    allowed: SUPERVISORS,
    setup: async (ctx) => {
      const target = makeTarget({
        id: randomUUID(),
        unitId: ctx.world.unitA.id,
        year: nextTargetYear(),
      });
      await ctx.as('supervisorA', [put(target, 'target')]);
      return del('target', target.id, 1);
    },
  },
  {
    action: 'record_entry',
    what: 'record members who left unit A',
    allowed: SUPERVISORS,
    setup: async (ctx) =>
      put(
        makeIndicatorEntry({
          id: randomUUID(),
          unitId: ctx.world.unitA.id,
          date: today,
          kind: 'left',
        }),
        'indicatorEntry',
      ),
  },
  {
    action: 'record_entry',
    what: 'edit an entry of unit A',
    allowed: SUPERVISORS,
    setup: async (ctx) => {
      const entry = makeIndicatorEntry({
        id: randomUUID(),
        unitId: ctx.world.unitA.id,
        date: today,
      });
      await ctx.as('supervisorA', [put(entry, 'indicatorEntry')]);
      return put({ ...entry, count: 2 }, 'indicatorEntry', 1);
    },
  },
];

/** The rows a push can exercise; the others are read or account actions with routes of their own. */
const NOT_PUSHED: readonly RoleAction[] = [
  'manage_accounts',
  'read_report',
  'close_month',
  'reopen_month',
];

const CASES = ROWS.flatMap((row) =>
  ACTORS.map((actor) => ({ row, actor, allowed: row.allowed.includes(actor) })),
);

describe.each(storeFactories)('the roles table on the server ($name)', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: Roles;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    const base = await makeWorld(store);
    world = { ...base, organizerA2: await account(store, 'organizer', base.unitA.id) };
  });
  afterAll(() => dispose());

  const ctx = (): Setup => ({
    world,
    async as(who, mutations) {
      const { results } = await push(app, world[who].token, mutations);
      expect(results.map((r) => [r.status, r.error?.fields])).toEqual(
        mutations.map(() => ['applied', undefined]),
      );
    },
  });

  const snapshot = async () =>
    (
      await store.query<{ entity: string; id: string; version: number; deleted: boolean }>(
        'SELECT entity, id, version, deleted, data FROM records ORDER BY entity, id',
      )
    ).rows;

  it('covers every row of the table that a push can exercise', () => {
    const covered = new Set(ROWS.map((row) => row.action));
    expect(ROLE_ACTIONS.filter((a) => !covered.has(a) && !NOT_PUSHED.includes(a))).toEqual([]);
  });

  it.each(CASES)(
    '$row.action: $row.what as $actor (allowed: $allowed)',
    async ({ row, actor, allowed }) => {
      const write = await row.setup(ctx());
      const before = await snapshot();
      const { status, results } = await push(app, world[actor].token, [write]);
      expect(status).toBe(200);
      if (allowed) {
        expect(results[0]).toMatchObject({ status: 'applied' });
        return;
      }
      expect(results[0]).toMatchObject({
        status: 'rejected',
        error: {
          code: 'forbidden',
          fields: [{ field: expect.any(String), code: expect.stringMatching(/^forbidden\./) }],
        },
      });
      expect(await snapshot()).toEqual(before);
    },
  );

  it('names the author of an application once, from the first push, whatever is sent later', async () => {
    const c = ctx();
    const enterprise = await enterpriseOfA(c);
    const signup = makeSignup({
      id: randomUUID(),
      enterpriseId: enterprise.id,
      idNumber: freshIdNumber(),
    });
    await c.as('organizerA', [put({ ...signup, authorId: world.supervisor.user.id }, 'signup')]);
    await c.as('supervisorA', [
      put({ ...signup, occupation: 'Tổ trưởng', authorId: world.supervisorA.user.id }, 'signup', 1),
    ]);
    const stored = await store.query<{ data: Record<string, unknown> }>(
      "SELECT data FROM records WHERE entity = 'signup' AND id = $1",
      [signup.id],
    );
    expect(stored.rows[0]?.data).toMatchObject({
      authorId: world.organizerA.user.id,
      updatedBy: world.supervisorA.user.id,
      occupation: 'Tổ trưởng',
    });
  });
});
