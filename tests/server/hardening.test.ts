import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { purgeOldMutations } from '../../src/server/changes/purge';
import type { Store } from '../../src/server/store/types';
import { makeEnterprise, makeSignup, makeSignupDraft, makeVisit } from '../fixtures/records';
import { type App, call, mutation, openTestWorld, push, type World } from '../helpers/api';
import { storeFactories } from '../helpers/stores';

/**
 * Issue 14: each attack found by probing the server, now failing, and the honest path beside it
 * still working. On PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
describe.each(storeFactories)('hardened push on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;

  beforeAll(async () => {
    ({ store, dispose, app, world } = await openTestWorld(factory));
  });
  afterAll(() => dispose());
  afterEach(() => vi.restoreAllMocks());

  async function stored(entity: string, id: string) {
    const result = await store.query<{ version: number; deleted: boolean; data: unknown }>(
      'SELECT version, deleted, data FROM records WHERE entity = $1 AND id = $2',
      [entity, id],
    );
    return result.rows[0];
  }

  async function newEnterprise(overrides: Parameters<typeof makeEnterprise>[0] = {}) {
    const data = makeEnterprise({
      id: randomUUID(),
      unitId: world.unitA.id,
      assignedTo: world.organizerA.user.id,
      ...overrides,
    });
    const { results } = await push(app, world.organizerA.token, [
      mutation({ entity: 'enterprise', entityId: data.id, data }),
    ]);
    expect(results[0]?.status).toBe('applied');
    return data;
  }

  /** A push sent as raw JSON text, so that `1e999` and lone surrogates reach the server. */
  async function pushRaw(token: string, mutations: unknown[], replace: Record<string, string>) {
    let raw = JSON.stringify({ clientId: randomUUID(), mutations });
    for (const [placeholder, text] of Object.entries(replace)) {
      raw = raw.replaceAll(`"${placeholder}"`, text);
    }
    const reply = await call(app, 'POST', '/api/sync/push', {
      token,
      raw,
      headers: { 'content-type': 'application/json' },
    });
    return reply as typeof reply & {
      body: { results: { status: string; error?: { code: string; fields?: unknown[] } }[] };
    };
  }

  describe('point 1: malformed text is that mutation’s rejection, never a 500', () => {
    it.each([
      ['a lone high surrogate in a signup’s fullName', 'signup', 'fullName', '"Lan\\ud800X"'],
      ['a lone low surrogate in a visit’s outcome', 'visit', 'outcome', '"x\\udc00"'],
      ['NUL in a visit’s outcome', 'visit', 'outcome', '"a\\u0000b"'],
      ['a lone surrogate in a draft’s idNumber', 'draft', 'idNumber', '"\\ud83d"'],
      ['a lone surrogate in a field no schema knows', 'visit', 'extra', '"\\udfff"'],
    ])('%s', async (_case, kind, field, json) => {
      const enterprise = await newEnterprise();
      const good = makeSignup({ id: randomUUID(), enterpriseId: enterprise.id });
      const base =
        kind === 'signup'
          ? makeSignup({ id: randomUUID(), enterpriseId: enterprise.id })
          : kind === 'draft'
            ? makeSignupDraft({ id: randomUUID(), enterpriseId: enterprise.id })
            : makeVisit({ id: randomUUID(), enterpriseId: enterprise.id });
      const entity = kind === 'visit' ? 'visit' : 'signup';
      const bad = mutation({ entity, entityId: base.id, data: { ...base, [field]: '@BAD@' } });
      const reply = await pushRaw(
        world.organizerA.token,
        [mutation({ entity: 'signup', entityId: good.id, data: good }), bad],
        { '@BAD@': json },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.results.map((result) => result.status)).toEqual(['applied', 'rejected']);
      expect(reply.body.results[1]?.error).toMatchObject({
        code: 'validation_failed',
        fields: [
          expect.objectContaining({ field, code: expect.stringMatching(/malformed_text$/) }),
        ],
      });
      expect(await stored('signup', good.id)).toBeDefined();
      expect(await stored(entity, base.id)).toBeUndefined();
    });

    it('keeps well-formed text, emoji and Vietnamese included', async () => {
      const enterprise = await newEnterprise();
      const signup = makeSignup({
        id: randomUUID(),
        enterpriseId: enterprise.id,
        fullName: 'Nguyễn Thị Hoà 🌾',
      });
      const { results } = await push(app, world.organizerA.token, [
        mutation({ entity: 'signup', entityId: signup.id, data: signup }),
      ]);
      expect(results[0]?.status).toBe('applied');
      expect((await stored('signup', signup.id))?.data).toMatchObject({
        fullName: 'Nguyễn Thị Hoà 🌾',
      });
    });

    it('undoes only the mutation the database refuses, answers it rejected (internal) and records it', async () => {
      const enterprise = await newEnterprise();
      await refuseSignupsOf(enterprise.id);
      const good = makeVisit({
        id: randomUUID(),
        enterpriseId: enterprise.id,
        stageAfter: enterprise.stage,
      });
      const refused = makeSignup({ id: randomUUID(), enterpriseId: enterprise.id });
      const mutations = [
        mutation({ entity: 'signup', entityId: refused.id, data: refused }),
        mutation({ entity: 'visit', entityId: good.id, data: good }),
      ];
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const first = await push(app, world.organizerA.token, mutations);
      expect(first.status).toBe(200);
      expect(first.results.map((result) => [result.status, result.error?.code])).toEqual([
        ['rejected', 'internal'],
        ['applied', undefined],
      ]);
      expect(await stored('signup', refused.id)).toBeUndefined();
      expect(await stored('visit', good.id)).toMatchObject({ version: 1 });
      const replay = await push(app, world.organizerA.token, mutations);
      expect(replay.results.map((result) => result.status)).toEqual(['rejected', 'duplicate']);
      expect(replay.results[0]).toEqual(first.results[0]);
    });
    it('commits, under the write lock, the mutations after ones the database refused', async () => {
      const enterprise = await newEnterprise();
      await refuseSignupsOf(enterprise.id);
      await requireWriteLockAt(enterprise.id);
      // Ten mutations: one transaction (MUTATIONS_PER_TRANSACTION). The first is refused: a lock
      // taken in its savepoint would be released by its rollback, and the visits would fail.
      const refusedAt = new Set([0, 5]);
      const mutations = Array.from({ length: 10 }, (_, i) => {
        if (refusedAt.has(i)) {
          const signup = makeSignup({ id: randomUUID(), enterpriseId: enterprise.id });
          return mutation({ entity: 'signup', entityId: signup.id, data: signup });
        }
        const visit = makeVisit({
          id: randomUUID(),
          enterpriseId: enterprise.id,
          stageAfter: enterprise.stage,
          visitedAt: `2026-01-0${i}T09:00:00+07:00`,
        });
        return mutation({ entity: 'visit', entityId: visit.id, data: visit });
      });
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const first = await push(app, world.organizerA.token, mutations);
      expect(first.results.map((result) => result.error?.code ?? result.status)).toEqual(
        mutations.map((_, i) => (refusedAt.has(i) ? 'internal' : 'applied')),
      );
      for (const [i, sent] of mutations.entries()) {
        const row = await stored(sent.entity, sent.entityId);
        if (refusedAt.has(i)) expect(row).toBeUndefined();
        else expect(row).toMatchObject({ version: 1 });
      }
      const replay = await push(app, world.organizerA.token, mutations);
      expect(replay.results.map((result) => result.error?.code ?? result.status)).toEqual(
        mutations.map((_, i) => (refusedAt.has(i) ? 'internal' : 'duplicate')),
      );
    });
  });

  /**
   * A trigger that fails every write of a record at `enterpriseId` made without the write lock
   * (write-lock.ts: 7461002, a bigint key, is objid 7461002 in pg_locks).
   */
  async function requireWriteLockAt(enterpriseId: string) {
    const name = `locked_${enterpriseId.replace(/-/g, '')}`;
    await store.exec(`
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF NEW.enterprise_id = '${enterpriseId}' AND NOT EXISTS (
          SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 7461002
            AND pid = pg_backend_pid() AND granted) THEN
          RAISE EXCEPTION 'written without the write lock';
        END IF;
        RETURN NEW;
      END $fn$;
      CREATE TRIGGER ${name} BEFORE INSERT OR UPDATE ON records
        FOR EACH ROW EXECUTE FUNCTION ${name}();`);
  }

  /** A trigger that fails every write of a signup at `enterpriseId`, quoting its data. */
  async function refuseSignupsOf(enterpriseId: string) {
    const name = `refuse_${enterpriseId.replace(/-/g, '')}`;
    await store.exec(`
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF NEW.entity = 'signup' AND NEW.enterprise_id = '${enterpriseId}' THEN
          RAISE EXCEPTION 'refused: %', NEW.data;
        END IF;
        RETURN NEW;
      END $fn$;
      CREATE TRIGGER ${name} BEFORE INSERT OR UPDATE ON records
        FOR EACH ROW EXECUTE FUNCTION ${name}();`);
  }

  it('point 2: logs a database error by code, route, mutation id and entity, never the record', async () => {
    const enterprise = await newEnterprise();
    await refuseSignupsOf(enterprise.id);
    const personal = {
      fullName: 'Đỗ Thị Bí Mật',
      idNumber: '001195012345',
      phone: '+84987654321',
      dateOfBirth: '1995-04-17',
    };
    const signup = makeSignup({ id: randomUUID(), enterpriseId: enterprise.id, ...personal });
    const put = mutation({ entity: 'signup', entityId: signup.id, data: signup });
    const printed: string[] = [];
    const capture = (...args: unknown[]) => {
      printed.push(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' '));
    };
    for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation(capture);
    }
    const writes = (chunk: unknown) => {
      capture(String(chunk));
      return true;
    };
    vi.spyOn(process.stderr, 'write').mockImplementation(writes);
    vi.spyOn(process.stdout, 'write').mockImplementation(writes);
    const { results } = await push(app, world.organizerA.token, [put]);
    vi.restoreAllMocks();
    expect(results[0]).toMatchObject({ status: 'rejected', error: { code: 'internal' } });
    const log = printed.join('\n');
    expect(log).toContain(put.mutationId);
    expect(log).toContain('POST /api/sync/push');
    expect(log).toMatch(/"entity":"signup"/);
    expect(log).toMatch(/"code":"P0001"/);
    for (const value of [...Object.values(personal), '987654321', '1195012345']) {
      expect(log).not.toContain(value);
    }
  });

  describe('point 3: a mutation id belongs to its first user and content', () => {
    it('refuses the id to another user or other content, and replays to its owner', async () => {
      const enterprise = await newEnterprise();
      const visit = makeVisit({
        id: randomUUID(),
        enterpriseId: enterprise.id,
        stageAfter: enterprise.stage,
      });
      const put = mutation({ entity: 'visit', entityId: visit.id, data: visit });
      expect((await push(app, world.organizerA.token, [put])).results[0]?.status).toBe('applied');
      const other = makeVisit({ ...visit, id: randomUUID(), outcome: 'Giả mạo' });
      const attempts = [
        ['another user, same content', world.supervisorA.token, put],
        [
          'another user, other content',
          world.supervisorA.token,
          { ...put, entityId: other.id, data: other },
        ],
        [
          'same user, other data',
          world.organizerA.token,
          { ...put, data: { ...visit, outcome: 'Khác' } },
        ],
        ['same user, other baseVersion', world.organizerA.token, { ...put, baseVersion: 1 }],
      ] as const;
      for (const [, token, attempt] of attempts) {
        const { results } = await push(app, token, [attempt]);
        expect(results).toEqual([
          expect.objectContaining({
            mutationId: put.mutationId,
            status: 'rejected',
            error: expect.objectContaining({ code: 'mutation_id_taken' }),
          }),
        ]);
      }
      expect(await stored('visit', other.id)).toBeUndefined();
      expect((await stored('visit', visit.id))?.data).toMatchObject({
        outcome: visit.outcome,
        version: 1,
      });
      // The owner's replay, from another installation (clientId does not count), is a duplicate.
      const replay = await push(app, world.organizerA.token, [put], randomUUID());
      expect(replay.results).toEqual([
        { mutationId: put.mutationId, status: 'duplicate', version: 1 },
      ]);
    });

    it('does not show another user the stored rejection of an id', async () => {
      const bad = mutation({ entity: 'enterprise', entityId: randomUUID(), data: { name: '' } });
      const first = await push(app, world.organizerA.token, [bad]);
      expect(first.results[0]?.error?.code).toBe('validation_failed');
      const probe = await push(app, world.organizerB.token, [bad]);
      expect(probe.results[0]?.error?.code).toBe('mutation_id_taken');
      expect(JSON.stringify(probe.results)).not.toContain('enterprise.name');
    });
  });

  describe('point 4: a delete names the version it was made on', () => {
    it.each([
      ['without baseVersion', undefined],
      ['on a stale version', 1],
    ])('a delete %s is a conflict and deletes nothing', async (_case, baseVersion) => {
      const data = await newEnterprise();
      for (const version of [1, 2]) {
        const edit = mutation({
          entity: 'enterprise',
          entityId: data.id,
          baseVersion: version,
          data: { ...data, notes: `sửa lần ${version}` },
        });
        expect((await push(app, world.organizerA.token, [edit])).results[0]?.status).toBe(
          'applied',
        );
      }
      const del = mutation({
        entity: 'enterprise',
        entityId: data.id,
        op: 'delete',
        ...(baseVersion === undefined ? {} : { baseVersion }),
      });
      expect((await push(app, world.organizerA.token, [del])).results[0]).toMatchObject({
        status: 'conflict',
        version: 3,
        current: { notes: 'sửa lần 2' },
      });
      expect(await stored('enterprise', data.id)).toMatchObject({ version: 3, deleted: false });
      const honest = mutation({
        entity: 'enterprise',
        entityId: data.id,
        op: 'delete',
        baseVersion: 3,
      });
      expect((await push(app, world.organizerA.token, [honest])).results[0]).toMatchObject({
        status: 'applied',
        version: 4,
      });
    });
  });

  describe('point 5: numbers are finite everywhere, drafts included', () => {
    it.each([
      ['a visit’s location.accuracy', 'visit', 'location.accuracy', '1e999'],
      ['a visit’s workersReached', 'visit', 'workersReached', '-1e999'],
      ['a draft’s contractMonths', 'draft', 'contractMonths', '1e999'],
      ['an enterprise’s workerCount', 'enterprise', 'workerCount', '1e400'],
    ])('refuses infinity in %s', async (_case, kind, field, json) => {
      const enterprise = await newEnterprise();
      const [head, tail] = field.split('.') as [string, string | undefined];
      let entity = kind;
      let data: Record<string, unknown>;
      if (kind === 'visit') {
        const visit = makeVisit({ id: randomUUID(), enterpriseId: enterprise.id });
        data = tail
          ? { ...visit, [head]: { ...visit.location, [tail]: '@NUM@' } }
          : { ...visit, [head]: '@NUM@' };
      } else if (kind === 'draft') {
        entity = 'signup';
        data = {
          ...makeSignupDraft({ id: randomUUID(), enterpriseId: enterprise.id }),
          [head]: '@NUM@',
        };
      } else {
        data = { ...makeEnterprise({ id: randomUUID(), unitId: world.unitA.id }), [head]: '@NUM@' };
      }
      const put = mutation({ entity, entityId: data['id'] as string, data });
      const reply = await pushRaw(world.organizerA.token, [put], { '@NUM@': json });
      expect(reply.status).toBe(200);
      expect(reply.body.results[0]).toMatchObject({
        status: 'rejected',
        error: {
          fields: [expect.objectContaining({ field, code: expect.stringMatching(/not_finite$/) })],
        },
      });
      expect(await stored(entity, data['id'] as string)).toBeUndefined();
    });
  });

  describe('point 10: the idempotency log is purged after the replay window only', () => {
    it('answers a replay inside the window as duplicate and purges only older rows', async () => {
      const enterprise = await newEnterprise();
      const visits = [0, 1, 2].map(() =>
        makeVisit({ id: randomUUID(), enterpriseId: enterprise.id, stageAfter: enterprise.stage }),
      );
      const puts = visits.map((data) => mutation({ entity: 'visit', entityId: data.id, data }));
      await push(app, world.organizerA.token, puts);
      const age = (id: string, days: number) =>
        store.query(
          'UPDATE mutations SET created_at = now() - make_interval(days => $2) WHERE mutation_id = $1',
          [id, days],
        );
      await age(puts[0]?.mutationId as string, 200);
      await age(puts[1]?.mutationId as string, 119);
      const removed = await purgeOldMutations(store, 120, 1);
      expect(removed).toBeGreaterThanOrEqual(1);
      const left = await store.query<{ mutation_id: string }>(
        'SELECT mutation_id FROM mutations WHERE mutation_id = ANY($1::uuid[])',
        [puts.map((put) => put.mutationId)],
      );
      expect(left.rows.map((row) => row.mutation_id).sort()).toEqual(
        [puts[1]?.mutationId, puts[2]?.mutationId].sort(),
      );
      const replay = await push(app, world.organizerA.token, puts.slice(1));
      expect(replay.results.map((result) => result.status)).toEqual(['duplicate', 'duplicate']);
      const older = await store.query(
        "SELECT 1 FROM mutations WHERE created_at < now() - interval '120 days'",
      );
      expect(older.rowCount).toBe(0);
    });
  });

  describe('issue 11 point 4 and issue 12: the pipeline rules run on the server', () => {
    const signupsAt = (enterpriseId: string, count: number) =>
      Array.from({ length: count }, () => makeSignup({ id: randomUUID(), enterpriseId }));
    const putAll = (entity: string, records: { id: string }[]) =>
      records.map((data) => mutation({ entity, entityId: data.id, data }));

    it.each([
      ['4 applications and no members', 4, undefined, 'rejected'],
      ['5 applications', 5, undefined, 'applied'],
      ['no application but 5 members', 0, 5, 'applied'],
    ])(
      'moves an enterprise to eligible with %s: %s',
      async (_case, applications, members, status) => {
        const enterprise = await newEnterprise({ stage: 'persuading' });
        const move = mutation({
          entity: 'enterprise',
          entityId: enterprise.id,
          baseVersion: 1,
          data: { ...enterprise, stage: 'eligible', ...(members ? { memberCount: members } : {}) },
        });
        // What a device sends after a day offline: the applications first, then the stage.
        const { results } = await push(app, world.organizerA.token, [
          ...putAll('signup', signupsAt(enterprise.id, applications)),
          move,
        ]);
        expect(results.at(-1)?.status).toBe(status);
        if (status === 'rejected') {
          expect(results.at(-1)?.error?.fields).toEqual([
            expect.objectContaining({ field: 'stage', code: 'pipeline.not_enough_applications' }),
          ]);
        }
        expect((await stored('enterprise', enterprise.id))?.data).toMatchObject({
          stage: status === 'applied' ? 'eligible' : 'persuading',
        });
      },
    );

    it('refuses a new enterprise created past the rules, and allows moving back', async () => {
      const eager = makeEnterprise({
        id: randomUUID(),
        unitId: world.unitA.id,
        stage: 'founding_meeting_held',
      });
      const { results } = await push(app, world.organizerA.token, putAll('enterprise', [eager]));
      expect(results[0]).toMatchObject({
        status: 'rejected',
        error: { code: 'validation_failed' },
      });
      const enterprise = await newEnterprise({ stage: 'eligible', memberCount: 6 });
      const back = mutation({
        entity: 'enterprise',
        entityId: enterprise.id,
        baseVersion: 1,
        data: { ...enterprise, stage: 'persuading', memberCount: 0 },
      });
      expect((await push(app, world.organizerA.token, [back])).results[0]?.status).toBe('applied');
    });

    it('accepts the device’s order: applications, enterprise, then the visit that moved it', async () => {
      const enterprise = await newEnterprise({ stage: 'persuading' });
      const visit = makeVisit({
        id: randomUUID(),
        enterpriseId: enterprise.id,
        visitedAt: '2026-03-05T14:30:00+07:00',
        stageBefore: 'persuading',
        stageAfter: 'eligible',
      });
      const { results } = await push(app, world.organizerA.token, [
        ...putAll('signup', signupsAt(enterprise.id, 5)),
        mutation({
          entity: 'enterprise',
          entityId: enterprise.id,
          baseVersion: 1,
          data: { ...enterprise, stage: 'eligible', stageChangedAt: visit.visitedAt },
        }),
        mutation({ entity: 'visit', entityId: visit.id, data: visit }),
      ]);
      expect(results.map((result) => result.status)).toEqual(Array(7).fill('applied'));
      // The visit agreed with the enterprise: no second write of it.
      expect(await stored('enterprise', enterprise.id)).toMatchObject({
        version: 2,
        data: { stage: 'eligible' },
      });
    });

    it('makes a visit sent alone move its enterprise under the same rule, or refuses it', async () => {
      const enterprise = await newEnterprise({ stage: 'persuading' });
      const at = (day: string, stageAfter: 'eligible' | 'committee_formed' | 'surveyed') =>
        makeVisit({
          id: randomUUID(),
          enterpriseId: enterprise.id,
          visitedAt: `2026-04-${day}T09:00:00+07:00`,
          stageAfter,
        });
      const tooEarly = at('10', 'eligible');
      const refused = await push(app, world.organizerA.token, putAll('visit', [tooEarly]));
      expect(refused.results[0]).toMatchObject({
        status: 'rejected',
        error: {
          fields: [
            expect.objectContaining({
              field: 'stageAfter',
              code: 'pipeline.not_enough_applications',
            }),
          ],
        },
      });
      expect(await stored('visit', tooEarly.id)).toBeUndefined();
      const forward = at('12', 'committee_formed');
      expect(
        (await push(app, world.organizerA.token, putAll('visit', [forward]))).results[0]?.status,
      ).toBe('applied');
      expect(await stored('enterprise', enterprise.id)).toMatchObject({
        version: 2,
        data: { stage: 'committee_formed', stageChangedAt: forward.visitedAt },
      });
      // An older visit logged late never moves the enterprise back.
      const late = at('11', 'surveyed');
      expect(
        (await push(app, world.organizerA.token, putAll('visit', [late]))).results[0]?.status,
      ).toBe('applied');
      expect(await stored('enterprise', enterprise.id)).toMatchObject({
        version: 2,
        data: { stage: 'committee_formed' },
      });
    });
  });
});
