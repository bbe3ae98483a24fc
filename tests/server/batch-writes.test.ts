import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writesBehind } from '../../src/server/changes/batch-writes';
import { findRecord, type RecordWrite } from '../../src/server/changes/records';
import type { Store } from '../../src/server/store/types';
import { makeWorld, type World } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';
import { watched } from '../helpers/watched-store';

const RECORDS_WRITE = /INSERT INTO records/;

/**
 * A push's optimistic pass writes its records behind (batch-writes.ts): together, before the
 * transaction's next statement or at flush, each record at its last write, in the order of the
 * last writes.
 */
describe.each(storeFactories)('records written behind on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let world: World;
  const sent: string[] = [];

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    world = await makeWorld(store);
    store = watched(store, sent);
  });
  afterAll(() => dispose());

  const enterprise = (id: string, version: number, notes: string): RecordWrite => ({
    entity: 'enterprise',
    id,
    unitId: world.unitA.id,
    enterpriseId: undefined,
    data: { id, notes, version },
    version,
    updatedAt: '2026-12-01T08:00:00.000Z',
    updatedBy: world.organizerA.user.id,
  });

  async function seqOrder(ids: string[]) {
    const rows = await store.query<{ id: string }>(
      'SELECT id FROM records WHERE id = ANY($1::uuid[]) ORDER BY seq',
      [ids],
    );
    return rows.rows.map((row) => ids.indexOf(row.id));
  }

  it('sends nothing until the next statement, which sees every write before it', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    sent.length = 0;
    const found = await store.transaction(async (raw) => {
      const writes = writesBehind(raw);
      await writes.write(enterprise(a, 1, 'A'));
      await writes.write(enterprise(b, 1, 'B'));
      const before = sent.length;
      const record = await findRecord(writes.tx, 'enterprise', b);
      return { before, record };
    });
    expect(found.before).toBe(0);
    expect(found.record?.data).toEqual({ id: b, notes: 'B', version: 1 });
    expect(sent.filter((text) => RECORDS_WRITE.test(text))).toHaveLength(1);
    expect(await seqOrder([a, b])).toEqual([0, 1]);
  });

  it('keeps a record written twice at its last write, its seq after the writes between', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    sent.length = 0;
    await store.transaction(async (raw) => {
      const writes = writesBehind(raw);
      await writes.write(enterprise(a, 1, 'A'));
      await writes.write(enterprise(b, 1, 'B'));
      await writes.write(enterprise(a, 2, 'A again'));
      await writes.write(enterprise(c, 1, 'C'));
      await writes.flush();
    });
    expect(sent.filter((text) => RECORDS_WRITE.test(text))).toHaveLength(1);
    expect(await seqOrder([a, b, c])).toEqual([1, 0, 2]);
    const stored = await findRecord(store, 'enterprise', a);
    expect(stored).toMatchObject({ version: 2, data: { notes: 'A again' } });
  });

  it('writes nothing at a flush with nothing waiting', async () => {
    sent.length = 0;
    await store.transaction(async (raw) => {
      const writes = writesBehind(raw);
      await writes.flush();
      await writes.tx.query('SELECT 1');
    });
    expect(sent.filter((text) => RECORDS_WRITE.test(text))).toEqual([]);
  });
});
