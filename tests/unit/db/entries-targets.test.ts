import { describe, expect, it } from 'vitest';
import {
  deleteIndicatorEntry,
  listEntries,
  loadTargetTable,
  type SotayDb,
  saveIndicatorEntry,
  saveTargets,
  ValidationError,
} from '../../../src/db';
import type { Actor } from '../../../src/shared/domain';
import { fixtureId, IDS, makeIndicatorEntry, makeTarget, makeUnit } from '../../fixtures/records';
import { freshDb } from './support';

const supervisor: Actor = { id: IDS.supervisor, role: 'supervisor', unitId: IDS.upperUnit };
const organizer: Actor = { id: IDS.organizer, role: 'organizer', unitId: IDS.upperUnit };
const CHILD = fixtureId(1, 1);

async function device(): Promise<SotayDb> {
  const db = freshDb();
  await db.units.bulkPut([
    makeUnit({ id: IDS.federation, name: 'LĐLĐ', kind: 'federation', parentId: undefined }),
    makeUnit(),
    makeUnit({ id: CHILD, name: 'CĐCS May Hòa Bình', kind: 'cdcs', parentId: IDS.upperUnit }),
  ]);
  return db;
}

async function codes(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((issue) => issue.code);
}

describe('indicator entries', () => {
  it('records, edits on its version and deletes a movement, each with its outbox row', async () => {
    const db = await device();
    const entry = makeIndicatorEntry({ kind: 'left', count: 3, date: '2025-03-02' });
    await saveIndicatorEntry(db, supervisor, entry);
    expect(await listEntries(db)).toMatchObject([entry]);
    // The server acknowledged it at version 1.
    await db.outbox.clear();
    await db.indicatorEntries.update(entry.id, { version: 1 });
    await db.shadows.put({ entity: 'indicatorEntry', entityId: entry.id, version: 1, data: entry });

    await saveIndicatorEntry(db, supervisor, { ...entry, count: 4 });
    await deleteIndicatorEntry(db, supervisor, entry.id);
    const outbox = await db.outbox.toArray();
    // The edit was never sent: the delete takes its row, on the version it was made on.
    expect(outbox.map((row) => [row.op, row.baseVersion])).toEqual([['delete', 1]]);
    expect(await db.indicatorEntries.count()).toBe(0);
  });

  it.each([
    ['a count of 0', { count: 0 }, 'indicator_entry.count.too_small'],
    [
      'a date in the future',
      { date: `${new Date().getFullYear() + 1}-01-01` },
      'indicator_entry.date.future',
    ],
    [
      'members on 1 January dated otherwise',
      { kind: 'members_opening', date: '2025-02-01' },
      'indicator_entry.date.not_new_year',
    ],
  ] as const)('refuses %s and writes nothing', async (_name, patch, code) => {
    const db = await device();
    expect(await codes(saveIndicatorEntry(db, supervisor, makeIndicatorEntry(patch)))).toContain(
      code,
    );
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses an organizer’s entry, as the server would', async () => {
    const db = await device();
    expect(await codes(saveIndicatorEntry(db, organizer, makeIndicatorEntry()))).toEqual([
      'forbidden.record_entry',
    ]);
  });
});

describe('targets', () => {
  it('sets the unit’s and a sub-unit’s targets in one go, then changes and removes them', async () => {
    const db = await device();
    const written = await saveTargets(db, supervisor, [
      { unitId: IDS.upperUnit, year: 2025, indicator: 'new_members', value: 1000 },
      { unitId: CHILD, year: 2025, indicator: 'new_members', value: 600 },
      { unitId: CHILD, year: 2025, indicator: 'new_cdcs', value: undefined },
    ]);
    expect(written).toBe(2);
    const { targets } = await loadTargetTable(db, 2025);
    expect(targets.map((t) => [t.unitId, t.indicator, t.value]).sort()).toEqual(
      [
        [IDS.upperUnit, 'new_members', 1000],
        [CHILD, 'new_members', 600],
      ].sort(),
    );
    const again = await saveTargets(db, supervisor, [
      { unitId: IDS.upperUnit, year: 2025, indicator: 'new_members', value: 1000 },
      { unitId: CHILD, year: 2025, indicator: 'new_members', value: undefined },
    ]);
    expect(again).toBe(1);
    expect((await loadTargetTable(db, 2025)).targets).toHaveLength(1);
    // Never sent, the target's create and delete cancel out in the outbox.
    expect((await db.outbox.toArray()).map((row) => row.entityId)).toHaveLength(1);
  });

  it('reads last year’s targets beside this year’s, for the copy', async () => {
    const db = await device();
    await db.targets.bulkPut([
      makeTarget({ year: 2024 }),
      makeTarget({ id: fixtureId(5, 2), year: 2022 }),
    ]);
    expect((await loadTargetTable(db, 2025)).targets.map((t) => t.year)).toEqual([2024]);
  });

  it('refuses every cell at once when one is refused: nothing is written', async () => {
    const db = await device();
    const refused = saveTargets(db, supervisor, [
      { unitId: IDS.upperUnit, year: 2025, indicator: 'new_members', value: 1000 },
      { unitId: IDS.federation, year: 2025, indicator: 'new_members', value: 9000 },
      { unitId: CHILD, year: 2025, indicator: 'new_cdcs', value: -1 },
    ]);
    const error = await refused.then(
      () => undefined,
      (e: unknown) => e as ValidationError,
    );
    expect(error?.issues.map((issue) => [issue.field, issue.code])).toEqual([
      [`${IDS.federation}.new_members`, 'forbidden.out_of_scope'],
      [`${CHILD}.new_cdcs`, 'target.value.too_small'],
    ]);
    expect(await db.targets.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
