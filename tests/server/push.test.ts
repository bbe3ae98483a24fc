import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import { MAX_MUTATIONS_PER_PUSH, MAX_PUSH_BYTES } from '../../src/shared/protocol';
import { makeEnterprise, makeSignup, makeSignupDraft, makeVisit } from '../fixtures/records';
import { type App, call, mutation, openTestWorld, push, type World } from '../helpers/api';
import { storeFactories } from '../helpers/stores';

describe.each(storeFactories)('push on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;

  beforeAll(async () => {
    ({ store, dispose, app, world } = await openTestWorld(factory));
  });
  afterAll(() => dispose());

  const enterprise = (overrides: Parameters<typeof makeEnterprise>[0] = {}) =>
    makeEnterprise({
      id: randomUUID(),
      unitId: world.unitA.id,
      // As the app creates it: assigned to the organizer who registers it.
      assignedTo: world.organizerA.user.id,
      ...overrides,
    });

  async function stored(entity: string, id: string) {
    const result = await store.query<{
      version: number;
      deleted: boolean;
      unit_id: string;
      data: Record<string, unknown> | null;
    }>('SELECT version, deleted, unit_id, data FROM records WHERE entity = $1 AND id = $2', [
      entity,
      id,
    ]);
    return result.rows[0];
  }

  async function created(overrides: Parameters<typeof makeEnterprise>[0] = {}) {
    const data = enterprise(overrides);
    const { results } = await push(app, world.organizerA.token, [
      mutation({ entity: 'enterprise', entityId: data.id, data }),
    ]);
    expect(results[0]?.status).toBe('applied');
    return data;
  }

  it('applies a new record with server-set fields, and answers a replay as duplicate', async () => {
    const data = enterprise({ taxCode: '0100 233 488' });
    const put = mutation({ entity: 'enterprise', entityId: data.id, data });
    const first = await push(app, world.organizerA.token, [put]);
    expect(first.status).toBe(200);
    expect(first.results).toEqual([{ mutationId: put.mutationId, status: 'applied', version: 1 }]);
    const again = await push(app, world.organizerA.token, [put]);
    expect(again.results).toEqual([
      { mutationId: put.mutationId, status: 'duplicate', version: 1 },
    ]);
    const row = await stored('enterprise', data.id);
    expect(row?.version).toBe(1);
    expect(row?.data).toMatchObject({
      ...JSON.parse(JSON.stringify(data)),
      taxCode: '0100233488',
      version: 1,
      updatedBy: world.organizerA.user.id,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
  });

  it('ignores version, updatedAt, updatedBy and authorId sent by the client', async () => {
    const target = await created();
    const visit = makeVisit({ id: randomUUID(), enterpriseId: target.id });
    const forged = {
      ...visit,
      version: 99,
      updatedAt: 'yesterday',
      updatedBy: 'me',
      authorId: randomUUID(),
    };
    const { results } = await push(app, world.organizerA.token, [
      mutation({ entity: 'visit', entityId: visit.id, data: forged }),
    ]);
    expect(results[0]).toMatchObject({ status: 'applied', version: 1 });
    const row = await stored('visit', visit.id);
    expect(row?.data).toMatchObject({
      version: 1,
      updatedBy: world.organizerA.user.id,
      authorId: world.organizerA.user.id,
    });
    // An edit by someone else keeps the visit's author.
    const edit = mutation({
      entity: 'visit',
      entityId: visit.id,
      baseVersion: 1,
      data: { ...visit, outcome: 'Sửa lại' },
    });
    expect((await push(app, world.supervisorA.token, [edit])).results[0]).toMatchObject({
      status: 'applied',
      version: 2,
    });
    expect((await stored('visit', visit.id))?.data).toMatchObject({
      authorId: world.organizerA.user.id,
      updatedBy: world.supervisorA.user.id,
      outcome: 'Sửa lại',
    });
  });

  it('names the first sender of an application its author, kept through edits by others', async () => {
    const target = await created();
    const signup = makeSignup({ id: randomUUID(), enterpriseId: target.id });
    const first = await push(app, world.organizerA.token, [
      mutation({
        entity: 'signup',
        entityId: signup.id,
        data: { ...signup, authorId: randomUUID() },
      }),
    ]);
    expect(first.results[0]).toMatchObject({ status: 'applied', version: 1 });
    expect((await stored('signup', signup.id))?.data).toMatchObject({
      authorId: world.organizerA.user.id,
    });
    // Their own undecided application: the organizer may edit it.
    const own = mutation({
      entity: 'signup',
      entityId: signup.id,
      baseVersion: 1,
      data: { ...signup, occupation: 'Công nhân may' },
    });
    expect((await push(app, world.organizerA.token, [own])).results[0]).toMatchObject({
      status: 'applied',
      version: 2,
    });
    const other = mutation({
      entity: 'signup',
      entityId: signup.id,
      baseVersion: 2,
      data: { ...signup, occupation: 'Tổ trưởng' },
    });
    expect((await push(app, world.supervisorA.token, [other])).results[0]).toMatchObject({
      status: 'applied',
      version: 3,
    });
    expect((await stored('signup', signup.id))?.data).toMatchObject({
      authorId: world.organizerA.user.id,
      updatedBy: world.supervisorA.user.id,
    });
  });

  it('answers conflict with the current record for a stale baseVersion or a create over an existing record', async () => {
    const data = await created();
    const edit = mutation({
      entity: 'enterprise',
      entityId: data.id,
      baseVersion: 1,
      data: { ...data, name: 'Tên mới' },
    });
    expect((await push(app, world.organizerA.token, [edit])).results[0]).toMatchObject({
      status: 'applied',
      version: 2,
    });
    const stale = mutation({
      entity: 'enterprise',
      entityId: data.id,
      baseVersion: 1,
      data: { ...data, notes: 'cũ' },
    });
    const create = mutation({ entity: 'enterprise', entityId: data.id, data });
    const { results } = await push(app, world.organizerA.token, [stale, create]);
    for (const result of results) {
      expect(result).toMatchObject({
        status: 'conflict',
        version: 2,
        current: { id: data.id, name: 'Tên mới', version: 2 },
      });
    }
    // A conflict has no effect and is not recorded: its replay is judged again.
    expect((await stored('enterprise', data.id))?.version).toBe(2);
    expect((await push(app, world.organizerA.token, [stale])).results[0]?.status).toBe('conflict');
  });

  it('rejects invalid data with its issues, and answers a replay with the same rejection', async () => {
    const data = enterprise({ taxCode: '0100233480', name: '' });
    const bad = mutation({ entity: 'enterprise', entityId: data.id, data });
    const first = await push(app, world.organizerA.token, [bad]);
    const result = first.results[0];
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'validation_failed' } });
    expect(result?.error?.fields?.map((field) => field.field)).toEqual(
      expect.arrayContaining(['name', 'taxCode']),
    );
    const replay = await push(app, world.organizerA.token, [bad]);
    expect(replay.results).toEqual(first.results);
    // A corrected payload under the same id is other content: the id is taken, nothing written.
    const fixed = { ...bad, data: enterprise({ id: data.id }) };
    expect((await push(app, world.organizerA.token, [fixed])).results).toEqual([
      expect.objectContaining({
        status: 'rejected',
        error: expect.objectContaining({ code: 'mutation_id_taken' }),
      }),
    ]);
    expect(await stored('enterprise', data.id)).toBeUndefined();
  });

  it('answers an id sent twice in one push as a replay of its first occurrence', async () => {
    const data = enterprise();
    const put = mutation({ entity: 'enterprise', entityId: data.id, data });
    const other = { ...put, data: { ...data, name: 'Tên khác' } };
    const { results } = await push(app, world.organizerA.token, [put, put, other]);
    expect(results).toEqual([
      { mutationId: put.mutationId, status: 'applied', version: 1 },
      { mutationId: put.mutationId, status: 'duplicate', version: 1 },
      expect.objectContaining({
        status: 'rejected',
        error: expect.objectContaining({ code: 'mutation_id_taken' }),
      }),
    ]);
    expect((await stored('enterprise', data.id))?.data).toMatchObject({ name: data.name });
    // A conflict is not kept: the id's second occurrence is judged again, in conflict again.
    const stale = mutation({ entity: 'enterprise', entityId: data.id, data });
    const twice = await push(app, world.organizerA.token, [stale, stale]);
    expect(twice.results.map((result) => result.status)).toEqual(['conflict', 'conflict']);
    expect((await stored('enterprise', data.id))?.version).toBe(1);
  });

  it('answers the replay of a push of several transactions mutation by mutation', async () => {
    // 25 mutations: three transactions of MUTATIONS_PER_TRANSACTION (apply.ts).
    const records = Array.from({ length: 25 }, (_, i) => enterprise(i === 12 ? { name: '' } : {}));
    const taken = await created();
    const mutations = records.map((data, i) =>
      i === 17
        ? mutation({ entity: 'enterprise', entityId: taken.id, data: { ...taken, name: 'Mới' } })
        : mutation({ entity: 'enterprise', entityId: data.id, data }),
    );
    const expected = mutations.map((_, i) =>
      i === 12 ? 'rejected' : i === 17 ? 'conflict' : 'applied',
    );
    const first = await push(app, world.organizerA.token, mutations);
    expect(first.results.map((result) => result.status)).toEqual(expected);
    const replay = await push(app, world.organizerA.token, mutations);
    expect(replay.results.map((result) => result.status)).toEqual(
      expected.map((status) => (status === 'applied' ? 'duplicate' : status)),
    );
    expect(replay.results[12]).toEqual(first.results[12]);
    const rows = await store.query<{ version: number }>(
      'SELECT version FROM records WHERE id = ANY($1::uuid[])',
      [records.filter((_, i) => i !== 12 && i !== 17).map((data) => data.id)],
    );
    expect(rows.rows.map((row) => row.version)).toEqual(Array(23).fill(1));
    expect((await stored('enterprise', taken.id))?.version).toBe(1);
  });

  it('never lets one bad mutation block the others', async () => {
    const [good1, good2] = [enterprise(), enterprise()];
    const bad = enterprise({ ownership: 'state' as never });
    const { results } = await push(app, world.organizerA.token, [
      mutation({ entity: 'enterprise', entityId: good1.id, data: good1 }),
      mutation({ entity: 'enterprise', entityId: bad.id, data: bad }),
      mutation({ entity: 'enterprise', entityId: good2.id, data: good2 }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'rejected', 'applied']);
  });

  it.each([
    [
      'data.id differs from entityId',
      (id: string) => ({ entityId: randomUUID(), data: enterprise({ id }) }),
      'id',
    ],
    ['a put without data', () => ({ entityId: randomUUID() }), 'data'],
    [
      'a delete with data',
      (id: string) => ({ entityId: id, op: 'delete' as const, data: enterprise({ id }) }),
      'data',
    ],
    [
      'an unknown op',
      (id: string) => ({ entityId: id, op: 'merge' as never, data: enterprise({ id }) }),
      'op',
    ],
  ])('rejects %s', async (_case, build, field) => {
    const id = randomUUID();
    const { results } = await push(app, world.organizerA.token, [
      mutation({ entity: 'enterprise', ...build(id) }),
    ]);
    expect(results[0]).toMatchObject({ status: 'rejected', error: { code: 'validation_failed' } });
    expect(results[0]?.error?.fields?.map((issue) => issue.field)).toContain(field);
  });

  it('checks a draft signup leniently and a submitted one strictly', async () => {
    const target = await created();
    const draft = makeSignupDraft({ id: randomUUID(), enterpriseId: target.id, idNumber: '12' });
    const submitted = makeSignup({ id: randomUUID(), enterpriseId: target.id });
    const ineligible = makeSignup({
      id: randomUUID(),
      enterpriseId: target.id,
      managerRole: 'director',
      idNumber: '12',
    });
    const { results } = await push(app, world.organizerA.token, [
      mutation({ entity: 'signup', entityId: draft.id, data: draft }),
      mutation({ entity: 'signup', entityId: submitted.id, data: submitted }),
      mutation({ entity: 'signup', entityId: ineligible.id, data: ineligible }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'rejected']);
    expect(results[2]?.error?.fields?.map((issue) => issue.field)).toEqual(
      expect.arrayContaining(['managerRole', 'idNumber']),
    );
  });

  it('rejects a visit or signup of an enterprise the server does not have', async () => {
    const visit = makeVisit({ id: randomUUID(), enterpriseId: randomUUID() });
    const { results } = await push(app, world.organizerA.token, [
      mutation({ entity: 'visit', entityId: visit.id, data: visit }),
    ]);
    expect(results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'not_found', fields: [{ field: 'enterpriseId' }] },
    });
  });

  it('deletes with a tombstone, and re-creates only on the tombstone’s version', async () => {
    const data = await created();
    const token = world.organizerA.token;
    const del = mutation({ entity: 'enterprise', entityId: data.id, op: 'delete', baseVersion: 1 });
    expect((await push(app, token, [del])).results[0]).toMatchObject({
      status: 'applied',
      version: 2,
    });
    expect(await stored('enterprise', data.id)).toMatchObject({
      version: 2,
      deleted: true,
      data: null,
    });
    const again = mutation({ entity: 'enterprise', entityId: data.id, op: 'delete' });
    expect((await push(app, token, [again])).results[0]).toMatchObject({
      status: 'applied',
      version: 2,
    });
    const create = mutation({ entity: 'enterprise', entityId: data.id, data });
    expect((await push(app, token, [create])).results[0]).toMatchObject({
      status: 'conflict',
      version: 2,
      current: null,
    });
    const revive = mutation({ entity: 'enterprise', entityId: data.id, baseVersion: 2, data });
    expect((await push(app, token, [revive])).results[0]).toMatchObject({
      status: 'applied',
      version: 3,
    });
    const missing = mutation({ entity: 'enterprise', entityId: randomUUID(), op: 'delete' });
    expect((await push(app, token, [missing])).results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'not_found' },
    });
  });

  it('moves visits and signups with their enterprise to another unit', async () => {
    const data = await created();
    const visit = makeVisit({ id: randomUUID(), enterpriseId: data.id });
    await push(app, world.organizerA.token, [
      mutation({ entity: 'visit', entityId: visit.id, data: visit }),
    ]);
    // The visit, sent alone, moved its enterprise to its stageAfter (version 2).
    expect((await stored('enterprise', data.id))?.data).toMatchObject({
      stage: visit.stageAfter,
      version: 2,
    });
    const move = mutation({
      entity: 'enterprise',
      entityId: data.id,
      baseVersion: 2,
      // Its organizer stays in unit A: an assignee must be a user of the enterprise's unit.
      data: { ...data, unitId: world.unitB.id, assignedTo: undefined },
    });
    expect((await push(app, world.supervisor.token, [move])).results[0]?.status).toBe('applied');
    expect((await stored('visit', visit.id))?.unit_id).toBe(world.unitB.id);
  });

  it('has one effect when two identical pushes race', async () => {
    const records = Array.from({ length: 10 }, () => enterprise());
    const mutations = records.map((data) =>
      mutation({ entity: 'enterprise', entityId: data.id, data }),
    );
    const clientId = randomUUID();
    const replies = await Promise.all([
      push(app, world.organizerA.token, mutations, clientId),
      push(app, world.organizerA.token, mutations, clientId),
    ]);
    mutations.forEach((_, index) => {
      const statuses = replies.map((reply) => reply.results[index]?.status).sort();
      expect(statuses).toEqual(['applied', 'duplicate']);
    });
    const rows = await store.query<{ version: number }>(
      'SELECT version FROM records WHERE id = ANY($1::uuid[])',
      [records.map((data) => data.id)],
    );
    expect(rows.rows.map((row) => row.version)).toEqual(records.map(() => 1));
  });

  describe('limits', () => {
    const empty = (count: number) =>
      Array.from({ length: count }, () => ({ mutationId: randomUUID(), entity: 'enterprise' }));

    it(`answers 413 to more than ${MAX_MUTATIONS_PER_PUSH} mutations and applies none`, async () => {
      const mutations = empty(MAX_MUTATIONS_PER_PUSH + 1);
      const reply = await push(app, world.organizerA.token, mutations);
      expect(reply.status).toBe(413);
      expect(reply.body).toMatchObject({ error: { code: 'payload_too_large' } });
      const recorded = await store.query(
        'SELECT 1 FROM mutations WHERE mutation_id = ANY($1::uuid[])',
        [mutations.map((item) => item.mutationId)],
      );
      expect(recorded.rowCount).toBe(0);
    });

    it('answers 413 when Content-Length announces more than the limit', async () => {
      const reply = await call(app, 'POST', '/api/sync/push', {
        token: world.organizerA.token,
        raw: '{}',
        headers: {
          'content-length': String(MAX_PUSH_BYTES + 1),
          'content-type': 'application/json',
        },
      });
      expect(reply.status).toBe(413);
    });

    it('answers 413 when the body read exceeds the limit without a Content-Length', async () => {
      const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          // Far more than the limit: the server must stop reading, not buffer it all.
          if (sent > 4 * MAX_PUSH_BYTES) controller.close();
          else {
            sent += chunk.byteLength;
            controller.enqueue(chunk);
          }
        },
      });
      const reply = await call(app, 'POST', '/api/sync/push', {
        token: world.organizerA.token,
        raw: body,
      });
      expect(reply.status).toBe(413);
      expect(sent).toBeLessThan(4 * MAX_PUSH_BYTES);
    });
  });

  it.each([
    ['not JSON', '{"clientId": '],
    ['an array', '[]'],
    ['no clientId', JSON.stringify({ mutations: [] })],
    ['a bad clientId', JSON.stringify({ clientId: 'x', mutations: [] })],
    ['mutations not a list', JSON.stringify({ clientId: randomUUID(), mutations: {} })],
    [
      'a mutation without mutationId',
      JSON.stringify({ clientId: randomUUID(), mutations: [{ entity: 'visit' }] }),
    ],
  ])('answers 400 to an envelope with %s', async (_case, raw) => {
    const reply = await call(app, 'POST', '/api/sync/push', {
      token: world.organizerA.token,
      raw,
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: { code: expect.stringMatching(/^(bad_request|validation_failed)$/) },
    });
  });
});
