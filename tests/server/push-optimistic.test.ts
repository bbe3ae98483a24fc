import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MUTATIONS_PER_TRANSACTION } from '../../src/server/changes/apply';
import type { Store } from '../../src/server/store/types';
import { makeEnterprise } from '../fixtures/records';
import { type App, makeWorld, mutation, push, testApp, type World } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';
import { type Fault, watched } from '../helpers/watched-store';

/** Fails the `n`th statement (counted from 1) that matches `pattern`, and only that one. */
function failNth(pattern: RegExp, n: number): Fault {
  let seen = 0;
  return (text) => {
    if (!pattern.test(text)) return undefined;
    seen += 1;
    return seen === n ? new Error('connection lost') : undefined;
  };
}

const SAVEPOINT = /SAVEPOINT/i;
const LOCK = /pg_advisory_xact_lock/;
const RECORD_WRITE = /INSERT INTO records/;
const CLAIM_WRITE = /INSERT INTO mutations/;

/**
 * A push's batch is applied first without savepoints; only when a mutation fails is it rolled
 * back and applied again, each mutation in its savepoint (apply.ts, applyBatch). The results,
 * claims and records are those of a savepoint per mutation; the happy path sends no SAVEPOINT.
 */
describe.each(storeFactories)('optimistic push batches on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let world: World;
  const sent: string[] = [];
  let fault: Fault = () => undefined;
  let app: App;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    world = await makeWorld(store);
    app = testApp(watched(store, sent, (text) => fault(text)));
  });
  afterAll(() => dispose());
  afterEach(() => {
    vi.restoreAllMocks();
    sent.length = 0;
    fault = () => undefined;
  });

  function newEnterprises(count: number) {
    return Array.from({ length: count }, () => {
      const data = makeEnterprise({
        id: randomUUID(),
        unitId: world.unitA.id,
        assignedTo: world.organizerA.user.id,
      });
      return mutation({ entity: 'enterprise', entityId: data.id, data });
    });
  }

  /** A trigger that fails every write of the record `id` in the database. */
  async function refuseRecord(id: string) {
    const name = `refuse_${id.replace(/-/g, '')}`;
    await store.exec(`
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF NEW.id = '${id}' THEN RAISE EXCEPTION 'refused'; END IF;
        RETURN NEW;
      END $fn$;
      CREATE TRIGGER ${name} BEFORE INSERT OR UPDATE ON records
        FOR EACH ROW EXECUTE FUNCTION ${name}();`);
  }

  async function claimsOf(mutations: { mutationId: string }[]) {
    const claims = await store.query<{ mutation_id: string; result: { status: string } }>(
      'SELECT mutation_id, result FROM mutations WHERE mutation_id = ANY($1::uuid[])',
      [mutations.map((sentMutation) => sentMutation.mutationId)],
    );
    return claims.rows;
  }

  async function storedIds(mutations: { entityId: string }[]) {
    const rows = await store.query<{ id: string }>(
      'SELECT id FROM records WHERE id = ANY($1::uuid[])',
      [mutations.map((sentMutation) => sentMutation.entityId)],
    );
    return new Set(rows.rows.map((row) => row.id));
  }

  it('applies a batch without a single SAVEPOINT when no mutation fails', async () => {
    const created = newEnterprises(MUTATIONS_PER_TRANSACTION + 2);
    const first = await push(app, world.organizerA.token, created);
    expect(first.results.map((result) => result.status)).toEqual(created.map(() => 'applied'));
    const [edited, deleted] = created;
    const edit = mutation({
      entity: 'enterprise',
      entityId: edited?.entityId ?? '',
      baseVersion: 1,
      data: { ...(edited?.data as object), notes: 'Đã gặp lại.' },
    });
    const drop = mutation({
      entity: 'enterprise',
      entityId: deleted?.entityId ?? '',
      op: 'delete',
      baseVersion: 1,
    });
    const second = await push(app, world.organizerA.token, [edit, drop]);
    expect(second.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    expect(sent.filter((text) => SAVEPOINT.test(text))).toEqual([]);
    // The claims of a transaction's mutations in one statement: two batches, then one.
    expect(sent.filter((text) => CLAIM_WRITE.test(text))).toHaveLength(3);
    expect(await claimsOf([...created, edit, drop])).toHaveLength(created.length + 2);
  });

  it('applies the batch again with savepoints when its claims cannot be written together', async () => {
    const mutations = newEnterprises(3);
    fault = failNth(CLAIM_WRITE, 1);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const first = await push(app, world.organizerA.token, mutations);

    expect(first.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);
    expect(logged).not.toHaveBeenCalled();
    expect(sent.filter((text) => /^SAVEPOINT/.test(text))).toHaveLength(3);
    // One claim statement for the optimistic pass, then one per mutation.
    expect(sent.filter((text) => CLAIM_WRITE.test(text))).toHaveLength(4);
    expect((await storedIds(mutations)).size).toBe(3);
    expect(await claimsOf(mutations)).toHaveLength(3);
  });

  it.each([
    ['the first', MUTATIONS_PER_TRANSACTION, 0],
    ['a middle', MUTATIONS_PER_TRANSACTION, 4],
    ['the last', MUTATIONS_PER_TRANSACTION, MUTATIONS_PER_TRANSACTION - 1],
    ['the second batch’s last', MUTATIONS_PER_TRANSACTION + 2, MUTATIONS_PER_TRANSACTION + 1],
  ])(
    'rejects %s mutation the database refuses (internal), applies the others and logs it once',
    async (_which, length, failAt) => {
      const mutations = newEnterprises(length);
      const refused = mutations[failAt];
      if (!refused) throw new Error('no mutation at failAt');
      await refuseRecord(refused.entityId);
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

      const first = await push(app, world.organizerA.token, mutations);

      const expected = mutations.map((_, i) => (i === failAt ? 'internal' : 'applied'));
      expect(first.status).toBe(200);
      expect(first.results.map((result) => result.error?.code ?? result.status)).toEqual(expected);
      expect(first.results.map((result) => result.mutationId)).toEqual(
        mutations.map((sentMutation) => sentMutation.mutationId),
      );
      expect(logged).toHaveBeenCalledTimes(1);
      expect(String(logged.mock.calls[0]?.[0])).toContain(refused.mutationId);
      // The savepoint pass ran for the failing batch only.
      expect(sent.some((text) => SAVEPOINT.test(text))).toBe(true);

      const stored = await storedIds(mutations);
      expect(mutations.map((sentMutation) => stored.has(sentMutation.entityId))).toEqual(
        mutations.map((_, i) => i !== failAt),
      );
      const claims = await claimsOf(mutations);
      expect(claims).toHaveLength(mutations.length);
      const claimed = new Map(claims.map((claim) => [claim.mutation_id, claim.result.status]));
      expect(mutations.map((sentMutation) => claimed.get(sentMutation.mutationId))).toEqual(
        first.results.map((result) => result.status),
      );

      const replay = await push(app, world.organizerA.token, mutations);
      expect(replay.results.map((result) => result.error?.code ?? result.status)).toEqual(
        mutations.map((_, i) => (i === failAt ? 'internal' : 'duplicate')),
      );
      expect(replay.results[failAt]).toEqual(first.results[failAt]);
      expect(logged).toHaveBeenCalledTimes(1);
    },
  );

  it('applies the batch again with savepoints when its records cannot be written together', async () => {
    const mutations = newEnterprises(3);
    fault = failNth(RECORD_WRITE, 1);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const first = await push(app, world.organizerA.token, mutations);

    expect(first.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);
    expect(logged).not.toHaveBeenCalled();
    expect(sent.filter((text) => LOCK.test(text))).toHaveLength(2);
    expect(sent.filter((text) => /^SAVEPOINT/.test(text))).toHaveLength(3);
    // One write of the three records together, then one per mutation.
    expect(sent.filter((text) => RECORD_WRITE.test(text))).toHaveLength(4);
    // The retry read its claims afresh: the rolled-back mutations are applied, not replays.
    expect((await storedIds(mutations)).size).toBe(3);
    expect(await claimsOf(mutations)).toHaveLength(3);
  });

  it('lets an error outside the mutations propagate, with no retry', async () => {
    const mutations = newEnterprises(2);
    fault = failNth(LOCK, 1);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const reply = await push(app, world.organizerA.token, mutations);

    expect(reply.status).toBe(500);
    expect(sent.filter((text) => LOCK.test(text))).toHaveLength(1);
    expect(sent.some((text) => RECORD_WRITE.test(text))).toBe(false);
    expect(await claimsOf(mutations)).toEqual([]);
  });

  it('retries a batch once: an error outside the mutations in the savepoint pass propagates', async () => {
    const mutations = newEnterprises(2);
    const recordFails = failNth(RECORD_WRITE, 1);
    const lockFails = failNth(LOCK, 2);
    fault = (text) => recordFails(text) ?? lockFails(text);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const reply = await push(app, world.organizerA.token, mutations);

    expect(reply.status).toBe(500);
    expect(sent.filter((text) => LOCK.test(text))).toHaveLength(2);
    expect(sent.some((text) => SAVEPOINT.test(text))).toBe(false);
    expect((await storedIds(mutations)).size).toBe(0);
    expect(await claimsOf(mutations)).toEqual([]);
  });
});
