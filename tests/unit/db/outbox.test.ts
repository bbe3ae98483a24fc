import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  applyRemoteChanges,
  discardRejected,
  getEnterprise,
  listRejected,
  logVisit,
  markAttempt,
  outboxCount,
  pendingOutbox,
  quarantine,
  resend,
  type SotayDb,
  saveEnterprise,
} from '../../../src/db';
import { writeLocalChange } from '../../../src/db/repositories/local-change';
import type { Issue } from '../../../src/shared/vn';
import {
  fixtureId,
  IDS,
  makeEnterprise,
  makeIndicatorEntry,
  makeTarget,
  makeVisit,
} from '../../fixtures/records';
import { freshDb } from './support';

async function rows(db: SotayDb) {
  return db.outbox.toArray();
}

async function sendAll(db: SotayDb): Promise<number[]> {
  const pending = await pendingOutbox(db, 100);
  const sent = await markAttempt(
    db,
    pending.map((row) => row.seq),
  );
  return sent.map((row) => row.seq);
}

const ISSUE: Issue = {
  field: 'taxCode',
  level: 'error',
  code: 'tax_code.checksum',
  message: 'Sai',
};

describe('local edits and the outbox', () => {
  it('merges edits into the unsent row, then queues with predicted base versions', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise({ notes: 'v1' }));
    await saveEnterprise(db, makeEnterprise({ notes: 'v2' }));
    const [created] = await rows(db);
    expect(await rows(db)).toHaveLength(1);
    expect(created?.data?.id).toBe(IDS.enterprise);
    expect(created?.data).toMatchObject({ notes: 'v2' });

    await sendAll(db);
    await saveEnterprise(db, makeEnterprise({ notes: 'v3' }));
    await saveEnterprise(db, makeEnterprise({ notes: 'v4' }));
    await sendAll(db);
    await saveEnterprise(db, makeEnterprise({ notes: 'v5' }));

    const queued = await rows(db);
    expect(queued.map((row) => [row.baseVersion, (row.data as { notes?: string }).notes])).toEqual([
      [undefined, 'v2'],
      [1, 'v4'],
      [2, 'v5'],
    ]);
    expect(new Set(queued.map((row) => row.mutationId)).size).toBe(3);
    expect(queued[0]?.mutationId).toBe(created?.mutationId);
  });

  it("keeps the server's copy at baseVersion as the new row's merge base", async () => {
    const db = freshDb();
    const server = { ...makeEnterprise(), version: 3 };
    await applyRemoteChanges(db, [
      { entity: 'enterprise', entityId: IDS.enterprise, version: 3, deleted: false, data: server },
    ]);
    await saveEnterprise(db, makeEnterprise({ notes: 'sửa' }));
    await sendAll(db);
    await saveEnterprise(db, makeEnterprise({ notes: 'sửa lần hai' }));

    const [first, second] = await rows(db);
    expect(first).toMatchObject({ baseVersion: 3, base: server });
    expect(second).toMatchObject({ baseVersion: 4, base: first?.data });
  });

  it('bases a new row on the acknowledged version once earlier rows are gone', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    const [seq] = await sendAll(db);
    await acknowledge(db, seq ?? 0, { version: 1 });
    await saveEnterprise(db, makeEnterprise({ notes: 'sau khi gửi' }));

    expect((await rows(db)).map((row) => row.baseVersion)).toEqual([1]);
  });

  it('markAttempt returns the frozen payload; a later edit does not change it', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise({ notes: 'gửi đi' }));
    const [first] = await rows(db);
    const sent = await markAttempt(db, [first?.seq ?? 0]);
    await saveEnterprise(db, makeEnterprise({ notes: 'sửa sau' }));

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ attempts: 1, data: { notes: 'gửi đi' } });
    expect(sent[0]?.firstSentAt).toEqual(expect.any(String));
    expect(await db.outbox.get(first?.seq ?? 0)).toEqual(sent[0]);
    expect(await rows(db)).toHaveLength(2);
  });

  it('markAttempt keeps the first send time and skips rows no longer pending', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    const [seq] = await sendAll(db);
    const first = await db.outbox.get(seq ?? 0);
    const again = await markAttempt(db, [seq ?? 0, 999]);
    expect(again[0]).toMatchObject({ attempts: 2, firstSentAt: first?.firstSentAt });

    await quarantine(db, seq ?? 0, 'bad');
    expect(await markAttempt(db, [seq ?? 0])).toEqual([]);
  });

  it('pendingOutbox returns pending rows in seq order up to the limit', async () => {
    const db = freshDb();
    for (const n of [1, 2, 3]) await saveEnterprise(db, makeEnterprise({ id: fixtureId(2, n) }));
    const all = await rows(db);
    await quarantine(db, all[0]?.seq ?? 0, [ISSUE]);

    expect((await pendingOutbox(db, 1)).map((row) => row.entityId)).toEqual([fixtureId(2, 2)]);
    expect((await pendingOutbox(db, 10)).map((row) => row.entityId)).toEqual([
      fixtureId(2, 2),
      fixtureId(2, 3),
    ]);
    expect(await outboxCount(db)).toEqual({ pending: 2, rejected: 1, total: 3 });
  });
});

describe('deletes', () => {
  /** Deletes the enterprise through the one write path, as a delete screen would. */
  function deleteEnterprise(db: SotayDb, stored: { version?: number | undefined } | undefined) {
    const tables = [db.enterprises, db.outbox, db.shadows];
    return db.transaction('rw', tables, () =>
      writeLocalChange(
        db,
        { entity: 'enterprise', entityId: IDS.enterprise, op: 'delete' },
        stored,
        '2025-03-06T08:00:00.000Z',
      ),
    );
  }

  it('a delete of a synced record carries the version it deletes, and no data', async () => {
    const db = freshDb();
    const server = { ...makeEnterprise(), version: 3 };
    await applyRemoteChanges(db, [
      { entity: 'enterprise', entityId: IDS.enterprise, version: 3, deleted: false, data: server },
    ]);
    await deleteEnterprise(db, await getEnterprise(db, IDS.enterprise));

    expect(await getEnterprise(db, IDS.enterprise)).toBeUndefined();
    expect(await rows(db)).toEqual([
      expect.objectContaining({ op: 'delete', baseVersion: 3, state: 'pending' }),
    ]);
    expect((await rows(db))[0]?.data).toBeUndefined();
  });

  it('takes the version from the server copy when the row is already gone', async () => {
    const db = freshDb();
    const server = { ...makeEnterprise(), version: 4 };
    await applyRemoteChanges(db, [
      { entity: 'enterprise', entityId: IDS.enterprise, version: 4, deleted: false, data: server },
    ]);
    await db.enterprises.delete(IDS.enterprise);
    await deleteEnterprise(db, undefined);

    expect(await rows(db)).toEqual([expect.objectContaining({ op: 'delete', baseVersion: 4 })]);
  });

  it('queues nothing for a record the server never had', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    await deleteEnterprise(db, await getEnterprise(db, IDS.enterprise));

    expect(await rows(db)).toEqual([]);
    expect(await getEnterprise(db, IDS.enterprise)).toBeUndefined();
  });

  it('resending a refused delete sends a delete again, with its version', async () => {
    const db = freshDb();
    const server = { ...makeEnterprise(), version: 2 };
    await applyRemoteChanges(db, [
      { entity: 'enterprise', entityId: IDS.enterprise, version: 2, deleted: false, data: server },
    ]);
    await deleteEnterprise(db, await getEnterprise(db, IDS.enterprise));
    const [seq = 0] = await sendAll(db);
    await quarantine(db, seq, 'forbidden');

    expect(await resend(db, seq)).toBe(true);
    expect(await rows(db)).toEqual([
      expect.objectContaining({ op: 'delete', baseVersion: 2, state: 'pending', attempts: 0 }),
    ]);
    expect(await getEnterprise(db, IDS.enterprise)).toBeUndefined();
  });
});

describe('server-set fields', () => {
  it("keeps the stored visit's author and version when the user saves an edit", async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    const pulled = { ...makeVisit(), version: 2, authorId: IDS.organizer, updatedBy: IDS.admin };
    await applyRemoteChanges(db, [
      { entity: 'visit', entityId: IDS.visit, version: 2, deleted: false, data: pulled },
    ]);
    await logVisit(db, { ...makeVisit({ outcome: 'Sửa lại.' }), authorId: IDS.admin, version: 9 });

    expect(await db.visits.get(IDS.visit)).toMatchObject({
      outcome: 'Sửa lại.',
      authorId: IDS.organizer,
      updatedBy: IDS.admin,
      version: 2,
    });
  });
});

describe('acknowledge', () => {
  it.each([
    ['target', 'targets', makeTarget()],
    ['indicatorEntry', 'indicatorEntries', makeIndicatorEntry()],
  ] as const)(
    'acknowledges a %s a supervisor queued, in the answer’s one transaction',
    async (entity, table, data) => {
      const db = freshDb();
      await db.transaction('rw', [db.table(table), db.outbox, db.shadows], () =>
        writeLocalChange(
          db,
          { entity, entityId: data.id, op: 'put', data },
          undefined,
          '2026-03-01T08:00:00.000Z',
        ),
      );
      const [seq] = await sendAll(db);

      expect(await acknowledge(db, seq ?? 0, { version: 1 })).toBe(true);

      expect(await db.outbox.count()).toBe(0);
      expect(await db.table(table).get(data.id)).toMatchObject({ id: data.id, version: 1 });
      expect(await db.shadows.get([entity, data.id])).toMatchObject({ version: 1 });
    },
  );

  it('removes the row and stores the version on the entity and its shadow', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    const [seq] = await sendAll(db);

    expect(await acknowledge(db, seq ?? 0, { version: 1 })).toBe(true);

    expect(await db.outbox.count()).toBe(0);
    expect((await getEnterprise(db, IDS.enterprise))?.version).toBe(1);
    const shadow = await db.shadows.get(['enterprise', IDS.enterprise]);
    expect(shadow).toMatchObject({ version: 1, data: { ...makeEnterprise(), version: 1 } });
    expect(await acknowledge(db, seq ?? 0, { version: 1 })).toBe(false);
  });

  it("takes the server's copy when nothing else waits", async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    const [seq] = await sendAll(db);
    const server = { ...makeEnterprise(), updatedAt: '2025-03-05T10:00:00+07:00', version: 1 };

    await acknowledge(db, seq ?? 0, { version: 1, data: server });

    expect(await getEnterprise(db, IDS.enterprise)).toMatchObject(server);
    expect((await getEnterprise(db, IDS.enterprise))?.searchKey).toContain('hoa binh');
  });

  it('only stores the version while a later edit waits', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    const [seq] = await sendAll(db);
    await saveEnterprise(db, makeEnterprise({ notes: 'chưa gửi' }));

    await acknowledge(db, seq ?? 0, { version: 1, data: makeEnterprise({ version: 1 }) });

    expect(await getEnterprise(db, IDS.enterprise)).toMatchObject({
      version: 1,
      notes: 'chưa gửi',
    });
  });

  it('brings in a newer server copy that was pulled while the edit waited', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    const [seq] = await sendAll(db);
    const newer = { ...makeEnterprise({ memberCount: 7 }), version: 2 };
    await applyRemoteChanges(db, [
      { entity: 'enterprise', entityId: IDS.enterprise, version: 2, deleted: false, data: newer },
    ]);

    await acknowledge(db, seq ?? 0, { version: 1 });

    expect(await getEnterprise(db, IDS.enterprise)).toMatchObject({ version: 2, memberCount: 7 });
  });

  it('without a version (duplicate answer) only removes the row', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    const [seq] = await sendAll(db);
    await acknowledge(db, seq ?? 0, {});
    expect(await db.outbox.count()).toBe(0);
    expect(await getEnterprise(db, IDS.enterprise)).toMatchObject(makeEnterprise());
  });
});

describe('rejected rows', () => {
  async function rejectedCreate(): Promise<{ db: SotayDb; seq: number }> {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    const [seq = 0] = await sendAll(db);
    await quarantine(db, seq, [ISSUE]);
    return { db, seq };
  }

  it('quarantine keeps the row with its reason', async () => {
    const { db, seq } = await rejectedCreate();
    expect(await listRejected(db)).toEqual([
      expect.objectContaining({ seq, state: 'rejected', issues: [ISSUE] }),
    ]);
    await quarantine(db, seq, new Error('403 scope'));
    expect((await db.outbox.get(seq))?.lastError).toBe('403 scope');
    expect(await quarantine(db, 999, 'gone')).toBe(false);
  });

  it('resend queues a new mutation with the record as it is now', async () => {
    const { db, seq } = await rejectedCreate();
    const rejected = await db.outbox.get(seq);
    await db.enterprises.update(IDS.enterprise, { notes: 'đã sửa' });

    expect(await resend(db, seq)).toBe(true);

    const queued = await rows(db);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ state: 'pending', attempts: 0, data: { notes: 'đã sửa' } });
    expect(queued[0]?.mutationId).not.toBe(rejected?.mutationId);
    expect(queued[0]?.baseVersion).toBeUndefined();
    expect(queued[0]?.firstSentAt).toBeUndefined();
    expect(queued[0]?.data).not.toHaveProperty('searchKey');
    expect(await resend(db, queued[0]?.seq ?? 0)).toBe(false);
  });

  it('discarding a rejected create removes the record the server never had', async () => {
    const { db, seq } = await rejectedCreate();
    expect(await discardRejected(db, seq)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect(await getEnterprise(db, IDS.enterprise)).toBeUndefined();
  });

  it("discarding a rejected edit restores the server's copy", async () => {
    const db = freshDb();
    const server = { ...makeEnterprise(), version: 3 };
    await applyRemoteChanges(db, [
      { entity: 'enterprise', entityId: IDS.enterprise, version: 3, deleted: false, data: server },
    ]);
    await saveEnterprise(db, makeEnterprise({ notes: 'bị từ chối' }));
    const [seq = 0] = await sendAll(db);
    await quarantine(db, seq, [ISSUE]);

    await discardRejected(db, seq);

    expect(await getEnterprise(db, IDS.enterprise)).toMatchObject(server);
  });

  it('discard refuses a row that is not rejected', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise());
    const [row] = await rows(db);
    expect(await discardRejected(db, row?.seq ?? 0)).toBe(false);
    expect(await db.outbox.count()).toBe(1);
  });
});
