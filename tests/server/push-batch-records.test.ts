import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import { makeEnterprise, makeVisit } from '../fixtures/records';
import { type App, makeWorld, mutation, push, testApp, type World } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';
import { watched } from '../helpers/watched-store';

const RECORDS_READ = /FROM records WHERE \(entity, id\) IN/;
const RECORDS_WRITE = /INSERT INTO records/;

type Mutation = ReturnType<typeof mutation>;

/**
 * A push transaction reads the records its mutations name once, after the write lock
 * (batch-records.ts), and a mutation that writes one makes the next mutation naming it read it
 * again: each batch below must answer as the same mutations pushed one per request.
 */
describe.each(storeFactories)('records read once per push batch on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let world: World;
  const sent: string[] = [];
  let app: App;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    world = await makeWorld(store);
    app = testApp(watched(store, sent));
  });
  afterAll(() => dispose());

  const enterprise = (id: string, notes = 'Ghi chú.') =>
    makeEnterprise({ id, unitId: world.unitA.id, assignedTo: world.organizerA.user.id, notes });
  const put = (id: string, baseVersion?: number, notes?: string) =>
    mutation({
      entity: 'enterprise',
      entityId: id,
      data: enterprise(id, notes),
      ...(baseVersion === undefined ? {} : { baseVersion }),
    });
  const remove = (id: string, baseVersion: number) =>
    mutation({ entity: 'enterprise', entityId: id, op: 'delete', baseVersion });
  const visit = (enterpriseId: string) => {
    const id = randomUUID();
    const data = {
      id,
      enterpriseId,
      visitedAt: '2026-11-22T09:00:00+07:00',
      purposes: ['care'],
      peopleMet: [],
      outcome: 'Đã gặp.',
    };
    return mutation({ entity: 'visit', entityId: id, data });
  };

  /** A visit that moves its enterprise from `persuading` (makeEnterprise's stage) onwards. */
  const stageMove = (enterpriseId: string) => {
    const id = randomUUID();
    const data = makeVisit({
      id,
      enterpriseId,
      peopleMet: [],
      stageAfter: 'collecting_applications',
    });
    return mutation({ entity: 'visit', entityId: id, data });
  };

  /** Statuses (or error codes) of `make`'s mutations pushed in one request. */
  async function answers(mutations: Mutation[]) {
    const reply = await push(app, world.organizerA.token, mutations);
    return reply.results.map((result) => result.error?.code ?? result.status);
  }

  /** The same, each in a request of its own: no batch, nothing read once. */
  async function answersOneByOne(mutations: Mutation[]) {
    const out: string[] = [];
    for (const one of mutations) out.push(...(await answers([one])));
    return out;
  }

  // Each case builds the mutations for an enterprise id that exists at version 1 (`existing`)
  // and one that does not exist yet (`fresh`).
  it.each<[string, (existing: string, fresh: string) => Mutation[]]>([
    ['an enterprise created, then visited', (_, fresh) => [put(fresh), visit(fresh)]],
    ['an enterprise created, then edited', (_, fresh) => [put(fresh), put(fresh, 1, 'Sửa.')]],
    [
      'an enterprise edited twice on the same version',
      (existing) => [put(existing, 1, 'Một.'), put(existing, 1, 'Hai.')],
    ],
    ['an enterprise deleted, then visited', (existing) => [remove(existing, 1), visit(existing)]],
    [
      'a visit that moves the stage, then an edit on the version before it',
      (existing) => [stageMove(existing), put(existing, 1, 'Sửa.')],
    ],
    [
      'visits around an edit',
      (existing) => [visit(existing), put(existing, 1, 'Sửa.'), visit(existing)],
    ],
  ])('%s: answered as one by one', async (_, make) => {
    const run = async (answer: (mutations: Mutation[]) => Promise<string[]>) => {
      const [existing, fresh] = [randomUUID(), randomUUID()];
      expect(await answers([put(existing)])).toEqual(['applied']);
      return answer(make(existing, fresh));
    };
    const batched = await run(answers);
    expect(batched).toEqual(await run(answersOneByOne));
  });

  it('reads the records of ten visits to one enterprise in one statement, and writes them with their claims in one', async () => {
    const id = randomUUID();
    await answers([put(id)]);
    sent.length = 0;
    const visits = Array.from({ length: 10 }, () => visit(id));
    expect(await answers(visits)).toEqual(visits.map(() => 'applied'));
    expect(sent.filter((text) => RECORDS_READ.test(text))).toHaveLength(1);
    // The records and the claims in one statement, the transaction's last.
    const writes = sent.filter((text) => RECORDS_WRITE.test(text));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/INSERT INTO mutations/);
    expect(
      await store.query('SELECT id FROM records WHERE id = ANY($1::uuid[])', [
        visits.map((sentVisit) => sentVisit.entityId),
      ]),
    ).toMatchObject({ rowCount: visits.length });
  });

  it('gives the records of a batch their change seqs in the order of their last writes, as one by one', async () => {
    // a and b created, a edited, then a visit to b: one by one, b's seq comes before a's.
    const seqOrder = async (answer: (mutations: Mutation[]) => Promise<string[]>) => {
      const [a, b] = [randomUUID(), randomUUID()];
      const visitToB = visit(b);
      const mutations = [put(a), put(b), put(a, 1, 'Sửa.'), visitToB];
      expect(await answer(mutations)).toEqual(mutations.map(() => 'applied'));
      const names = new Map([
        [a, 'a'],
        [b, 'b'],
        [visitToB.entityId, 'visit'],
      ]);
      const rows = await store.query<{ id: string }>(
        'SELECT id FROM records WHERE id = ANY($1::uuid[]) ORDER BY seq',
        [[...names.keys()]],
      );
      return rows.rows.map((row) => names.get(row.id));
    };
    expect(await seqOrder(answers)).toEqual(['b', 'a', 'visit']);
    expect(await seqOrder(answersOneByOne)).toEqual(['b', 'a', 'visit']);
  });
});
