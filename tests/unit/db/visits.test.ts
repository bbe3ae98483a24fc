import { describe, expect, it } from 'vitest';
import {
  applyRemoteChanges,
  countApplications,
  getEnterprise,
  listVisits,
  loadEnterpriseDetail,
  logVisit,
  type SotayDb,
  StorageFullError,
  saveEnterprise,
  ValidationError,
} from '../../../src/db';
import { enterpriseSearchKey } from '../../../src/db/rows';
import type { Enterprise, Visit } from '../../../src/shared/schemas';
import {
  fixtureId,
  IDS,
  makeEnterprise,
  makeVisit,
  signupsOfEveryStatus,
} from '../../fixtures/records';
import { abortWritesAtCommit, freshDb } from './support';

async function withEnterprise(overrides: Partial<Enterprise> = {}): Promise<SotayDb> {
  const db = freshDb();
  await saveEnterprise(db, makeEnterprise(overrides));
  return db;
}

async function outboxEntities(db: SotayDb): Promise<string[]> {
  return (await db.outbox.toArray()).map((row) => `${row.entity}:${row.op}`);
}

describe('logVisit', () => {
  it('moves the enterprise stage and follow-up in the same transaction, with its own row', async () => {
    const db = await withEnterprise();
    await db.outbox.clear();

    await logVisit(db, makeVisit());

    const enterprise = await getEnterprise(db, IDS.enterprise);
    expect(enterprise).toMatchObject({
      stage: 'collecting_applications',
      stageChangedAt: makeVisit().visitedAt,
      nextFollowUp: '2025-03-12',
    });
    expect(await outboxEntities(db)).toEqual(['enterprise:put', 'visit:put']);
    const enterpriseRow = (await db.outbox.toArray())[0];
    expect(enterpriseRow?.data).toMatchObject({ stage: 'collecting_applications' });
    expect(enterpriseRow?.data).not.toHaveProperty('searchKey');
    expect(enterprise?.searchKey).toBe(enterpriseSearchKey(makeEnterprise()));
  });

  it('saves neither the visit nor the stage change when the disk is full', async () => {
    const db = await withEnterprise();
    await abortWritesAtCommit(db, 'visits');

    await expect(logVisit(db, makeVisit())).rejects.toBeInstanceOf(StorageFullError);

    expect((await getEnterprise(db, IDS.enterprise))?.stage).toBe('persuading');
    expect(await db.visits.count()).toBe(0);
    expect(await outboxEntities(db)).toEqual(['enterprise:put']);
  });

  it('fills in stageBefore when the visit moves the stage', async () => {
    const db = await withEnterprise();
    const saved = await logVisit(db, makeVisit({ stageBefore: undefined }));
    expect(saved.stageBefore).toBe('persuading');
    expect((await db.visits.get(IDS.visit))?.stageBefore).toBe('persuading');
  });

  it.each<[string, Partial<Enterprise>, Partial<Visit>, Partial<Enterprise>]>([
    [
      'same stage, new follow-up',
      {},
      { stageAfter: 'persuading', nextFollowUp: '2025-04-01' },
      { stage: 'persuading', nextFollowUp: '2025-04-01' },
    ],
    [
      'no stage, due follow-up done by this visit',
      { nextFollowUp: '2025-03-05' },
      { stageAfter: undefined, nextFollowUp: undefined },
      { stage: 'persuading', nextFollowUp: undefined },
    ],
    [
      'no stage, later follow-up kept',
      { nextFollowUp: '2025-03-20' },
      { stageAfter: undefined, nextFollowUp: undefined },
      { stage: 'persuading', nextFollowUp: '2025-03-20' },
    ],
  ])('%s', async (_label, enterprise, visit, expected) => {
    const db = await withEnterprise(enterprise);
    await logVisit(db, makeVisit(visit));
    const stored = await getEnterprise(db, IDS.enterprise);
    expect(stored?.stage).toBe(expected.stage);
    expect(stored?.nextFollowUp).toBe(expected.nextFollowUp);
  });

  it('queues no enterprise change when the visit changes nothing about it', async () => {
    const db = await withEnterprise();
    await db.outbox.clear();
    await logVisit(db, makeVisit({ stageAfter: 'persuading', nextFollowUp: '2025-03-20' }));
    expect(await outboxEntities(db)).toEqual(['visit:put']);
  });

  it('does not let an older visit, logged late, move the stage back', async () => {
    const db = await withEnterprise();
    await logVisit(db, makeVisit());
    await logVisit(
      db,
      makeVisit({
        id: fixtureId(3, 2),
        visitedAt: '2025-02-20T09:00:00+07:00',
        stageAfter: 'surveyed',
        nextFollowUp: '2025-02-27',
      }),
    );
    expect(await getEnterprise(db, IDS.enterprise)).toMatchObject({
      stage: 'collecting_applications',
      nextFollowUp: '2025-03-12',
    });
  });

  it('refuses a move to founded without a decision, writing nothing', async () => {
    const db = await withEnterprise();
    await db.outbox.clear();
    const error = await logVisit(db, makeVisit({ stageAfter: 'founded' })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.field)).toContain(
      'foundingDecision',
    );
    expect(await db.visits.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it.each<[string, Partial<Visit>, string]>([
    ['no purpose', { purposes: [] }, 'purposes'],
    [
      'bad phone of a person met',
      { peopleMet: [{ role: 'hr', phone: '12345' }] },
      'peopleMet.0.phone',
    ],
    ['empty outcome', { outcome: ' ' }, 'outcome'],
    ['unknown enterprise', { enterpriseId: IDS.otherEnterprise }, 'enterpriseId'],
  ])('rejects a visit with %s', async (_label, overrides, field) => {
    const db = await withEnterprise();
    const error = await logVisit(db, makeVisit(overrides)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.field)).toContain(field);
    expect(await db.visits.count()).toBe(0);
  });

  it("edits a synced visit on top of the server's copies of it and of the enterprise", async () => {
    const db = freshDb();
    const enterprise = { ...makeEnterprise(), version: 5 };
    const visit = {
      ...makeVisit({ stageAfter: 'persuading', nextFollowUp: undefined }),
      version: 2,
    };
    await applyRemoteChanges(db, [
      {
        entity: 'enterprise',
        entityId: IDS.enterprise,
        version: 5,
        deleted: false,
        data: enterprise,
      },
      { entity: 'visit', entityId: visit.id, version: 2, deleted: false, data: visit },
    ]);

    const edited = makeVisit({ outcome: 'Sửa lại: công ty đồng ý.', nextFollowUp: undefined });
    await logVisit(db, edited);

    const [enterpriseRow, visitRow] = await db.outbox.toArray();
    expect(enterpriseRow).toMatchObject({
      entity: 'enterprise',
      baseVersion: 5,
      base: enterprise,
      data: { stage: 'collecting_applications' },
    });
    expect(visitRow).toMatchObject({ entity: 'visit', baseVersion: 2, base: visit });
    expect(visitRow?.data).toMatchObject({ outcome: 'Sửa lại: công ty đồng ý.', version: 2 });
  });

  it('merges an edit of an unsent visit into its outbox row', async () => {
    const db = await withEnterprise();
    await logVisit(db, makeVisit());
    await logVisit(db, makeVisit({ outcome: 'Sửa lại: thu được 4 đơn.' }));
    const visitRows = (await db.outbox.toArray()).filter((row) => row.entity === 'visit');
    expect(visitRows).toHaveLength(1);
    expect(visitRows[0]?.data).toMatchObject({ outcome: 'Sửa lại: thu được 4 đơn.' });
  });
});

const VISIT_TIMES = [
  '2025-03-01T08:00:00+07:00',
  '2025-03-09T08:00:00+07:00',
  '2025-03-05T08:00:00+07:00',
] as const;

/** The enterprise with visits at VISIT_TIMES (saved in that order), the other with one. */
async function withVisits(): Promise<SotayDb> {
  const db = await withEnterprise();
  await saveEnterprise(db, makeEnterprise({ id: IDS.otherEnterprise }));
  for (const [n, visitedAt] of VISIT_TIMES.entries()) {
    await logVisit(db, makeVisit({ id: fixtureId(3, n), visitedAt, stageAfter: undefined }));
  }
  await logVisit(db, makeVisit({ id: fixtureId(3, 9), enterpriseId: IDS.otherEnterprise }));
  return db;
}

describe('listVisits', () => {
  it("returns the enterprise's visits newest first, and only its own", async () => {
    const db = await withVisits();

    const visits = await listVisits(db, IDS.enterprise);
    expect(visits.map((visit) => visit.visitedAt)).toEqual([
      VISIT_TIMES[1],
      VISIT_TIMES[2],
      VISIT_TIMES[0],
    ]);
  });
});

describe('loadEnterpriseDetail', () => {
  it('reads what getEnterprise, listVisits and countApplications read', async () => {
    const db = await withVisits();
    await db.signups.bulkPut(signupsOfEveryStatus());

    const detail = await loadEnterpriseDetail(db, IDS.enterprise);

    expect(detail).toEqual({
      enterprise: await getEnterprise(db, IDS.enterprise),
      visits: await listVisits(db, IDS.enterprise),
      applications: await countApplications(db, IDS.enterprise),
    });
    expect(detail.visits.map((visit) => visit.visitedAt)).toEqual([
      VISIT_TIMES[1],
      VISIT_TIMES[2],
      VISIT_TIMES[0],
    ]);
    expect(detail.applications).toBe(2);
    expect(await loadEnterpriseDetail(db, fixtureId(2, 99))).toEqual({
      enterprise: undefined,
      visits: [],
      applications: 0,
    });
  });
});
