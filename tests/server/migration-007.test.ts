import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUnit } from '../../src/server/accounts/units';
import { migrations } from '../../src/server/migrations';
import { migrate } from '../../src/server/store/migrate';
import type { Store } from '../../src/server/store/types';
import { migrateIndicatorEntry } from '../../src/shared/domain';
import type { LegacyIndicatorEntry } from '../../src/shared/schemas';
import { makeLegacyIndicatorEntry } from '../fixtures/records';
import { storeFactories } from '../helpers/stores';

/*
 * Migration 007 on a database written by the first model: every old `{indicator, delta}` entry
 * becomes what the shared migrateIndicatorEntry makes of it (the device's upgrade runs the same
 * function) and nothing is dropped.
 */

// [old indicator, delta, kind expected] — the table of domain/entry-migration.ts.
const LEGACY: [LegacyIndicatorEntry['indicator'], number, string][] = [
  ['new_members', 12, 'admitted_outside'],
  ['new_members', -3, 'adjustment'],
  ['net_members', -7, 'left'],
  ['net_members', 9, 'adjustment'],
  ['new_cdcs', 2, 'cdcs_founded_outside'],
  ['new_cdcs_25', -1, 'adjustment'],
  ['new_ndcs', 1, 'ndcs_founded'],
  ['party_introductions', 4, 'party_introduced'],
  ['informal_members', 0, 'adjustment'],
];

describe.each(storeFactories)('migration 007 on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const entries = LEGACY.map(([indicator, delta]) =>
    makeLegacyIndicatorEntry({ id: randomUUID(), indicator, delta, version: 2 }),
  );
  const unreadable = { id: randomUUID(), indicator: 'new_members', delta: 1.5, date: '2025-03-31' };

  beforeAll(async () => {
    ({ store, dispose } = await factory.open());
    await migrate(
      store,
      migrations.filter((migration) => migration.version < 7),
    );
    const unit = await insertUnit(store, { name: 'LĐLĐ cũ', kind: 'federation' }, undefined);
    const unitId = unit?.id ?? '';
    const rows: [string, string, unknown, string | null][] = [
      ...entries.map(
        (entry) =>
          ['indicatorEntry', entry.id, { ...entry, unitId }, null] as [
            string,
            string,
            unknown,
            null,
          ],
      ),
      ['indicatorEntry', unreadable.id, { ...unreadable, unitId }, null],
    ];
    for (const [entity, id, data, updatedBy] of rows) {
      await store.query(
        `INSERT INTO records (entity, id, unit_id, data, version, seq, updated_at, updated_by)
         VALUES ($1, $2, $3, $4::jsonb, 2, nextval('change_seq'), now(), $5)`,
        [entity, id, unitId, JSON.stringify(data), updatedBy],
      );
    }
    // 007 and every later migration run, in order.
    expect(await migrate(store, migrations)).toEqual(
      migrations.map((m) => m.version).filter((version) => version >= 7),
    );
  });
  afterAll(() => dispose());

  const data = async (entity: string, id: string) =>
    (
      await store.query<{ data: Record<string, unknown>; version: number }>(
        'SELECT data, version FROM records WHERE entity = $1 AND id = $2',
        [entity, id],
      )
    ).rows[0];

  it.each(LEGACY.map(([indicator, delta, kind], i) => ({ indicator, delta, kind, i })))(
    'turns $indicator $delta into $kind, as the shared function does, keeping its version',
    async ({ kind, i }) => {
      const entry = entries[i] as LegacyIndicatorEntry;
      const row = await data('indicatorEntry', entry.id);
      expect(row?.data['kind']).toBe(kind);
      const { unitId: _unit, ...expected } = migrateIndicatorEntry(entry);
      expect(row?.data).toEqual({ ...expected, unitId: row?.data['unitId'] });
      expect(row?.version).toBe(2);
    },
  );

  it('leaves an entry neither model reads as it was: nothing is dropped', async () => {
    expect((await data('indicatorEntry', unreadable.id))?.data).toMatchObject({
      indicator: 'new_members',
      delta: 1.5,
    });
  });

  it('indexes the members by their ID number', async () => {
    const index = await store.query(
      "SELECT 1 FROM pg_indexes WHERE indexname = 'records_member_id_numbers'",
    );
    expect(index.rowCount).toBe(1);
  });
});
