import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, installedIsCurrent, openDatabase } from '../../../src/db';
import {
  STORES_V1,
  STORES_V2,
  STORES_V3,
  STORES_V6,
  STORES_V7,
  STORES_V8,
} from '../../../src/db/database';
import { enterpriseSearchKey } from '../../../src/db/rows';
import { listRank } from '../../../src/db/search';
import { searchKey } from '../../../src/shared/vn';
import {
  fixtureId,
  IDS,
  makeEnterprise,
  makeIndicatorEntry,
  makeLegacyIndicatorEntry,
  makeSignup,
  makeSignupDraft,
  makeTarget,
  makeUnit,
  makeVisit,
} from '../../fixtures/records';
import { freshFactory } from './support';

const NAME = 'sotay-upgrade';

/** Every released version's declaration, as the app of each release declared them. */
const RELEASES = [
  [1, STORES_V1],
  [2, STORES_V2],
  [3, STORES_V3],
  [6, STORES_V6],
  [7, STORES_V7],
  [8, STORES_V8],
] as const;

/** The database as the release at `version` opened it: every declaration up to that one. */
function asReleased(
  version: number,
  options: ReturnType<typeof freshFactory>,
  name: string = NAME,
): Dexie {
  const db = new Dexie(name, options);
  for (const [release, stores] of RELEASES)
    if (release <= version) db.version(release).stores(stores);
  return db;
}

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
  const v1 = asReleased(1, options);
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
    const v2 = asReleased(2, factory);
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

describe('v2 → v3 upgrade', () => {
  /** Entries as the first model stored them, one per row of the migration's table, and a new one. */
  const legacy = [
    makeLegacyIndicatorEntry({ id: fixtureId(6, 1), indicator: 'new_members', delta: 12 }),
    makeLegacyIndicatorEntry({ id: fixtureId(6, 2), indicator: 'new_members', delta: -3 }),
    makeLegacyIndicatorEntry({
      id: fixtureId(6, 3),
      indicator: 'net_members',
      delta: -4,
      version: 2,
    }),
    makeLegacyIndicatorEntry({ id: fixtureId(6, 4), indicator: 'net_members', delta: 9 }),
    makeLegacyIndicatorEntry({ id: fixtureId(6, 5), indicator: 'new_ndcs', delta: 1 }),
  ];
  const current = makeIndicatorEntry({ id: fixtureId(6, 6), kind: 'transferred_in', count: 2 });

  it('rewrites the old entries in the kinds of the model, keeping every one and its sync fields', async () => {
    const factory = freshFactory();
    const v2 = asReleased(2, factory);
    await v2.table('indicatorEntries').bulkPut([...legacy, current]);
    await v2
      .table('targets')
      .bulkPut([makeTarget(), makeTarget({ id: fixtureId(5, 1), year: 2026 })]);
    v2.close();

    const db = openDatabase({ name: NAME, ...factory });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const rows = await db.indicatorEntries.orderBy('id').toArray();
    const common = {
      unitId: IDS.upperUnit,
      date: '2025-03-31',
      note: makeLegacyIndicatorEntry().note,
    };
    expect(rows).toEqual([
      { id: fixtureId(6, 1), ...common, kind: 'admitted_outside', count: 12 },
      { id: fixtureId(6, 2), ...common, kind: 'adjustment', indicator: 'new_members', delta: -3 },
      { id: fixtureId(6, 3), ...common, kind: 'left', count: 4, version: 2 },
      { id: fixtureId(6, 4), ...common, kind: 'adjustment', indicator: 'net_members', delta: 9 },
      { id: fixtureId(6, 5), ...common, kind: 'ndcs_founded', count: 1 },
      current,
    ]);
    // The index added in v3 serves rows written before it.
    expect((await db.targets.where('year').equals(2026).toArray()).map((t) => t.id)).toEqual([
      fixtureId(5, 1),
    ]);
    db.close();
  });
});

describe('v2 → v7 upgrade', () => {
  /** Enterprises as version 2 stored them: a search key, no list order. */
  const V2_ENTERPRISES = [
    makeEnterprise({ workerCount: 40 }),
    makeEnterprise({ id: IDS.otherEnterprise, workerCount: 900, unionStatus: 'cdcs' }),
    makeEnterprise({ id: fixtureId(2, 3), workerCount: undefined }),
  ].map((enterprise) => ({ ...enterprise, searchKey: enterpriseSearchKey(enterprise) }));

  async function writeVersion2(options: ReturnType<typeof freshFactory>): Promise<void> {
    const v2 = asReleased(2, options);
    await v2.table('enterprises').bulkPut(V2_ENTERPRISES);
    await v2.table('visits').put(makeVisit({ version: 1 }));
    v2.close();
  }

  it('keeps every enterprise and derives its list order, which the new index serves', async () => {
    const factory = freshFactory();
    await writeVersion2(factory);

    const db = openDatabase({ name: NAME, ...factory });
    await db.open();

    expect(db.verno).toBe(CURRENT_VERSION);
    const stored = await db.enterprises.orderBy('listOrder').toArray();
    // No union first (most workers first, unknown last), then those with a union.
    expect(stored.map((row) => row.id)).toEqual([
      IDS.enterprise,
      fixtureId(2, 3),
      IDS.otherEnterprise,
    ]);
    for (const row of stored) {
      const before = V2_ENTERPRISES.find((old) => old.id === row.id);
      expect(row).toEqual({ ...before, listOrder: listRank(row) });
    }
    expect(await db.visits.count()).toBe(1);
    db.close();
  });
});

describe('v7 → v8 upgrade', () => {
  /** Applications as version 7 stored them. */
  const submitted = { ...makeSignup(), idNumber: '0790 1234 5678', signedAt: '2026-03-02' };
  const accepted = {
    ...makeSignup({ id: fixtureId(3, 2) }),
    idNumber: '079012345678',
    status: 'accepted',
    signedAt: '2026-01-05',
    decision: { number: '12/QĐ', date: '2026-01-10', issuedBy: IDS.federation },
    localUpdatedAt: '2026-01-10T08:00:00.000Z',
  };
  const draft = { ...makeSignupDraft(), idNumber: '079012345678' };

  it('keeps every application as it was and serves the queue order index', async () => {
    const factory = freshFactory();
    const v7 = asReleased(7, factory);
    await v7.table('signups').bulkPut([submitted, accepted, draft]);
    v7.close();

    const db = openDatabase({ name: NAME, ...factory });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    // Nothing derived from a personal field (the ID number) is added to a row or indexed.
    expect(await db.signups.get(submitted.id)).toEqual(submitted);
    expect(await db.signups.get(accepted.id)).toEqual(accepted);
    expect(await db.signups.get(draft.id)).toEqual(draft);
    expect(db.signups.schema.indexes.map((index) => index.name)).not.toContain('[status+idKey]');
    const waiting = await db.signups
      .where('[status+signedAt]')
      .between(['submitted', Dexie.minKey], ['submitted', Dexie.maxKey])
      .primaryKeys();
    expect(waiting).toEqual([submitted.id]);
    db.close();
  });
});

describe('the versions declared', () => {
  /** Every table's key and indexes, as a database opened at its current version has them. */
  async function schemaOf(db: Dexie) {
    await db.open();
    const schema = db.tables
      .map((table) => ({
        table: table.name,
        key: table.schema.primKey.src,
        indexes: table.schema.indexes.map((index) => index.src).sort(),
      }))
      .sort((a, b) => (a.table < b.table ? -1 : 1));
    db.close();
    return schema;
  }

  it('give a new install the schema of every released version declared', async () => {
    const everyVersion = asReleased(CURRENT_VERSION, freshFactory(), `${NAME}-every`);
    const db = openDatabase({ name: NAME, ...freshFactory() });
    expect(await schemaOf(db)).toEqual(await schemaOf(everyVersion));
  });

  it('give a phone known to be at the current version the same schema, declared alone', async () => {
    const everyVersion = asReleased(CURRENT_VERSION, freshFactory(), `${NAME}-every`);
    const db = openDatabase({ name: NAME, ...freshFactory(), installedIsCurrent: true });
    expect(await schemaOf(db)).toEqual(await schemaOf(everyVersion));
  });

  it.each(RELEASES.map(([release]) => [release, release === CURRENT_VERSION]))(
    'know a phone at v%i to be current: %s',
    async (release, current) => {
      const factory = freshFactory();
      const installed = asReleased(release, factory);
      await installed.open();
      installed.close();
      expect(await installedIsCurrent(NAME, factory.indexedDB)).toBe(current);
    },
  );

  it('know a phone without the database, or a browser that cannot list them, not current', async () => {
    const factory = freshFactory();
    await asReleased(CURRENT_VERSION, factory, `${NAME}-other`).open();
    expect(await installedIsCurrent(NAME, factory.indexedDB)).toBe(false);
    const unlisted = Object.create(factory.indexedDB, { databases: { value: undefined } });
    await asReleased(CURRENT_VERSION, factory).open();
    expect(await installedIsCurrent(NAME, factory.indexedDB)).toBe(true);
    expect(await installedIsCurrent(NAME, unlisted)).toBe(false);
  });

  it('upgrade a phone at v6, a version no longer declared, keeping its rows and indexes', async () => {
    const factory = freshFactory();
    const v6 = asReleased(6, factory);
    const enterprise = {
      ...makeEnterprise({ workerCount: 40, stage: 'founded' }),
      foundedAt: '2026-04-10',
    };
    const stored = { ...enterprise, searchKey: enterpriseSearchKey(enterprise) };
    await v6.table('enterprises').put(stored);
    v6.close();

    const db = openDatabase({ name: NAME, ...factory });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.enterprises.get(enterprise.id)).toEqual({
      ...stored,
      listOrder: listRank(enterprise),
    });
    expect(await db.enterprises.where('foundedAt').equals('2026-04-10').primaryKeys()).toEqual([
      enterprise.id,
    ]);
    expect(await db.enterprises.orderBy('listOrder').primaryKeys()).toEqual([enterprise.id]);
    db.close();
  });
});
