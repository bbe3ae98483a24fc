import { describe, expect, it } from 'vitest';
import {
  getEnterprise,
  listRank,
  loadEnterpriseIndex,
  loadFirstScreen,
  StorageFullError,
  saveEnterprise,
  searchEnterprises,
  ValidationError,
} from '../../../src/db';
import { toEnterpriseRow } from '../../../src/db/rows';
import { searchKey } from '../../../src/shared/vn';
import { letterKey } from '../../../src/shared/vn/letter-order';
import { fixtureId, IDS, makeEnterprise } from '../../fixtures/records';
import { failWrites, freshDb, quotaError } from './support';

describe('saveEnterprise', () => {
  it('stores the enterprise with its search key and queues a create', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());

    const row = await getEnterprise(db, IDS.enterprise);
    expect(row).toMatchObject(makeEnterprise());
    expect(row?.searchKey).toContain('hoa binh');
    expect(row?.localUpdatedAt).toMatch(/Z$/);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      entity: 'enterprise',
      entityId: IDS.enterprise,
      op: 'put',
      state: 'pending',
      attempts: 0,
      data: makeEnterprise(),
    });
    expect(outbox[0]?.baseVersion).toBeUndefined();
  });

  it('stores text NFC and trimmed, tax code compact and phone E.164', async () => {
    const db = freshDb();
    const nfd = 'Công ty Hoà Bình'.normalize('NFD');
    await saveEnterprise(
      db,
      makeEnterprise({
        name: `  ${nfd} `,
        taxCode: '0100 233 488',
        contact: { name: 'Minh', role: 'HR', phone: '0912 345 678' },
      }),
    );
    const row = await getEnterprise(db, IDS.enterprise);
    expect(row?.name).toBe('Công ty Hoà Bình'.normalize('NFC'));
    expect(row?.taxCode).toBe('0100233488');
    expect(row?.contact?.phone).toBe('+84912345678');
    expect(row?.searchKey).toBe(
      searchKey(`Công ty Hoà Bình 0100233488 ${makeEnterprise().address}`),
    );
  });

  it.each([
    ['bad tax code checksum', { taxCode: '0100233480' }, 'taxCode'],
    ['missing name', { name: '   ' }, 'name'],
    ['founded without a decision', { stage: 'founded' as const }, 'foundingDecision'],
  ])('rejects %s with issues and writes nothing', async (_label, overrides, field) => {
    const db = freshDb();
    const error = await saveEnterprise(db, makeEnterprise(overrides)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.field)).toContain(field);
    expect(await db.enterprises.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps the stored server fields, not the caller copy', async () => {
    const db = freshDb();
    await db.enterprises.put({ ...makeEnterprise({ version: 4 }), searchKey: '', listOrder: 0 });

    await saveEnterprise(db, makeEnterprise({ version: 1, notes: 'Đã gặp giám đốc' }));

    expect((await getEnterprise(db, IDS.enterprise))?.version).toBe(4);
    expect((await db.outbox.toArray())[0]?.baseVersion).toBe(4);
  });

  it('stamps stageChangedAt when the stage changes without a new time', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    const saved = await saveEnterprise(db, makeEnterprise({ stage: 'committee_formed' }));

    expect(saved.stageChangedAt).not.toBe(makeEnterprise().stageChangedAt);
    expect((await getEnterprise(db, IDS.enterprise))?.stageChangedAt).toBe(saved.stageChangedAt);
  });

  it('writes neither the enterprise nor its outbox row when the outbox write fails', async () => {
    const db = freshDb();
    failWrites(db, 'outbox', () => new Error('disk broken'));

    await expect(saveEnterprise(db, makeEnterprise())).rejects.toThrow('disk broken');

    expect(await db.enterprises.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('reports a full disk as StorageFullError and keeps the previous version', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    db.close();
    failWrites(db, 'enterprises', quotaError);
    await db.open();

    const error = await saveEnterprise(db, makeEnterprise({ notes: 'mới' })).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).reason).toBe('quota');
    expect((await getEnterprise(db, IDS.enterprise))?.notes).toBe(makeEnterprise().notes);
    expect((await db.outbox.toArray()).map((row) => row.data)).toEqual([makeEnterprise()]);
  });
});

describe('loadEnterpriseIndex', () => {
  it('returns compact rows of every enterprise', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise({ assignedTo: IDS.organizer }));
    await saveEnterprise(db, makeEnterprise({ id: IDS.otherEnterprise, taxCode: undefined }));

    const index = await loadEnterpriseIndex(db);

    expect(index).toHaveLength(2);
    const first = index.find((row) => row.id === IDS.enterprise);
    expect(first).toEqual({
      id: IDS.enterprise,
      name: 'Công ty TNHH May mặc Hòa Bình',
      taxCode: '0100233488',
      address: makeEnterprise().address,
      searchKey: expect.stringContaining('0100233488'),
      stage: 'persuading',
      wardCode: '00004',
      unionStatus: 'none',
      workerCount: 320,
      assignedTo: IDS.organizer,
      nextFollowUp: '2025-03-20',
      listOrder: listRank(makeEnterprise()),
      nameKey: letterKey('Công ty TNHH May mặc Hòa Bình'),
    });
    expect(Object.keys(first ?? {})).not.toContain('notes');
  });
});

describe('loadFirstScreen', () => {
  /** Worker counts of a few values only: many rows tie on the index and the names decide. */
  const enterprises = Array.from({ length: 60 }, (_, i) =>
    makeEnterprise({
      id: fixtureId(2, i),
      name: `Công ty ${String.fromCharCode(90 - (i % 26))} ${i}`,
      workerCount: [500, 300, undefined][i % 3],
      unionStatus: i % 7 === 0 ? 'cdcs' : 'none',
      taxCode: undefined,
    }),
  );

  it.each([1, 7, 20, 59, 60, 100])(
    'reads the first %i rows of the list, in its order',
    async (n) => {
      const db = freshDb();
      await db.enterprises.bulkPut(enterprises.map((e) => toEnterpriseRow(e)));

      const first = await loadFirstScreen(db, n);

      const list = searchEnterprises(await loadEnterpriseIndex(db));
      expect(first.rows).toEqual(list.slice(0, n));
      expect(first.total).toBe(60);
    },
  );

  it('reads nothing from an empty table', async () => {
    expect(await loadFirstScreen(freshDb(), 30)).toEqual({ rows: [], total: 0 });
  });
});
