import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, openDatabase } from '../../../src/db';
import { STORES_V1, STORES_V2 } from '../../../src/db/database';
import { searchKey } from '../../../src/shared/vn';
import {
  IDS,
  makeEnterprise,
  makeIndicatorEntry,
  makeSignup,
  makeSignupDraft,
  makeTarget,
  makeUnit,
  makeVisit,
} from '../../fixtures/records';
import { freshFactory } from './support';

const NAME = 'sotay-upgrade';

/** One record in every table, as version 1 stored them (no searchKey). */
const V1_ROWS = {
  enterprises: [
    makeEnterprise({ version: 3 }),
    makeEnterprise({ id: IDS.otherEnterprise, name: 'Hợp tác xã Đồng Tháp', taxCode: undefined }),
  ],
  visits: [makeVisit({ version: 1 })],
  signups: [
    { ...makeSignup(), localUpdatedAt: '2025-03-05T08:00:00.000Z' },
    { ...makeSignupDraft(), localUpdatedAt: '2025-03-06T08:00:00.000Z' },
  ],
  targets: [makeTarget()],
  units: [makeUnit()],
  indicatorEntries: [makeIndicatorEntry()],
  outbox: [
    {
      seq: 1,
      mutationId: IDS.mutation,
      entity: 'visit',
      entityId: IDS.visit,
      op: 'put',
      baseVersion: 1,
      data: makeVisit(),
      createdAt: '2025-03-05T08:00:00.000Z',
      state: 'pending',
      attempts: 0,
    },
  ],
  shadows: [{ entity: 'enterprise', entityId: IDS.enterprise, version: 3, data: makeEnterprise() }],
  meta: [
    { key: 'clientId', value: IDS.client },
    { key: 'cursor', value: 'c-42' },
  ],
} as const;

async function writeVersion1(options: ReturnType<typeof freshFactory>): Promise<void> {
  const v1 = new Dexie(NAME, options);
  v1.version(1).stores(STORES_V1);
  for (const [table, rows] of Object.entries(V1_ROWS)) await v1.table(table).bulkPut([...rows]);
  expect(v1.verno).toBe(1);
  v1.close();
}

describe('v1 → v2 upgrade', () => {
  it('keeps every record of every table and derives the enterprise search keys', async () => {
    const factory = freshFactory();
    await writeVersion1(factory);

    const db = openDatabase({ name: NAME, ...factory });
    await db.open();

    expect(db.verno).toBe(CURRENT_VERSION);
    for (const [table, rows] of Object.entries(V1_ROWS)) {
      const stored = await db.table(table).toArray();
      expect(stored, table).toHaveLength(rows.length);
    }
    const [first, second] = await db.enterprises.bulkGet([IDS.enterprise, IDS.otherEnterprise]);
    expect(first).toMatchObject({ ...makeEnterprise({ version: 3 }) });
    expect(first?.searchKey).toBe(
      searchKey('Công ty TNHH May mặc Hòa Bình 0100233488 12 Đường số 3, Khu công nghiệp Trà Nóc'),
    );
    expect(second?.searchKey).toBe(searchKey(`Hợp tác xã Đồng Tháp ${makeEnterprise().address}`));
    expect(await db.meta.get('cursor')).toEqual({ key: 'cursor', value: 'c-42' });
    expect(await db.outbox.get(1)).toEqual(V1_ROWS.outbox[0]);
    db.close();
  });

  it('serves the index added in v2 from rows written by v1', async () => {
    const factory = freshFactory();
    await writeVersion1(factory);
    const db = openDatabase({ name: NAME, ...factory });

    const submitted = await db.signups
      .where('[enterpriseId+status]')
      .equals([IDS.enterprise, 'submitted'])
      .toArray();

    expect(submitted.map((row) => row.id)).toEqual([IDS.signup]);
    db.close();
  });

  it('creates a new install directly at the current version', async () => {
    const db = openDatabase({ name: NAME, ...freshFactory() });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.tables.map((table) => table.name).sort()).toEqual(Object.keys(STORES_V1).sort());
    db.close();
  });
});

describe('v2 → v6 upgrade', () => {
  it('serves the indexes added in v6 (admissions by decision date, foundings by date) from rows written by v2', async () => {
    const factory = freshFactory();
    const v2 = new Dexie(NAME, factory);
    v2.version(2).stores(STORES_V2);
    const accepted = {
      ...makeSignup(),
      status: 'accepted',
      decision: { number: '12/QĐ', date: '2026-03-31', issuedBy: IDS.federation },
    };
    await v2.table('signups').bulkPut([accepted, makeSignupDraft()]);
    await v2.table('enterprises').bulkPut([
      { ...makeEnterprise(), stage: 'founded', foundedAt: '2026-04-10', searchKey: 'x' },
      { ...makeEnterprise({ id: IDS.otherEnterprise }), searchKey: 'y' },
    ]);
    v2.close();

    const db = openDatabase({ name: NAME, ...factory });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const march = await db.signups
      .where('[status+decision.date]')
      .between(['accepted', '2026-03-01'], ['accepted', '2026-04-01'], true, false)
      .primaryKeys();
    expect(march).toEqual([accepted.id]);
    expect(
      await db.enterprises.where('foundedAt').between('2026-01-01', '2027-01-01').primaryKeys(),
    ).toEqual([IDS.enterprise]);
    expect(await db.signups.count()).toBe(2);
    expect(await db.enterprises.count()).toBe(2);
    db.close();
  });
});
