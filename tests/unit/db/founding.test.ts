import { describe, expect, it } from 'vitest';
import { recordFounding, type SotayDb, ValidationError } from '../../../src/db';
import type { Actor } from '../../../src/shared/domain';
import type { Enterprise, Signup } from '../../../src/shared/schemas';
import {
  fixtureId,
  IDS,
  makeDecision,
  makeEnterprise,
  makeSignup,
  makeUnit,
} from '../../fixtures/records';
import { freshDb } from './support';

const supervisor: Actor = { id: IDS.supervisor, role: 'supervisor', unitId: IDS.upperUnit };
const organizer: Actor = { id: IDS.organizer, role: 'organizer', unitId: IDS.upperUnit };
const decision = makeDecision({ number: '45/QĐ-CĐKCN', date: '2025-04-01' });

async function deviceWith(
  applications: number,
  enterprise: Partial<Enterprise> = {},
): Promise<SotayDb> {
  const db = freshDb();
  await db.units.bulkPut([
    makeUnit({ id: IDS.federation, name: 'LĐLĐ', kind: 'federation', parentId: undefined }),
    makeUnit(),
  ]);
  await db.enterprises.put({
    ...makeEnterprise({ stage: 'eligible', ...enterprise }),
    searchKey: '',
    listOrder: 0,
  });
  const signups: Signup[] = Array.from({ length: applications }, (_, i) =>
    makeSignup({
      id: fixtureId(4, i + 1),
      idNumber: `00119501${String(2345 + i).padStart(4, '0')}`,
    }),
  );
  await db.signups.bulkPut(signups);
  return db;
}

async function refusal(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((issue) => issue.code);
}

describe('recordFounding', () => {
  it('founds the CĐCS: founded, cdcs, dated by its decision, the worker count of that day kept, queued', async () => {
    const db = await deviceWith(5, { workerCount: 30, femaleWorkerCount: 20 });
    const saved = await recordFounding(db, supervisor, IDS.enterprise, decision, {
      membersAtFounding: 7,
    });
    expect(saved).toMatchObject({
      stage: 'founded',
      unionStatus: 'cdcs',
      foundedAt: '2025-04-01',
      foundingDecision: decision,
      workerCountAtFounding: 30,
      membersAtFounding: 7,
    });
    expect(await db.enterprises.get(IDS.enterprise)).toMatchObject({ stage: 'founded' });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.data).toMatchObject({ stage: 'founded', workerCountAtFounding: 30 });
  });

  it('founds with fewer applications when 5 members are counted at founding', async () => {
    const db = await deviceWith(2);
    await recordFounding(db, supervisor, IDS.enterprise, decision, { membersAtFounding: 5 });
    expect((await db.enterprises.get(IDS.enterprise))?.stage).toBe('founded');
  });

  it('refuses a founding with fewer than 5 applications and members, writing nothing', async () => {
    const db = await deviceWith(4);
    const codes = await refusal(
      recordFounding(db, supervisor, IDS.enterprise, decision, { membersAtFounding: 4 }),
    );
    expect(codes).toEqual(['pipeline.not_enough_to_found']);
    expect((await db.enterprises.get(IDS.enterprise))?.stage).toBe('eligible');
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses an organizer, as the server would', async () => {
    const db = await deviceWith(5);
    const codes = await refusal(recordFounding(db, organizer, IDS.enterprise, decision, {}));
    expect(codes).toEqual(['forbidden.record_founding']);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a decision of a unit off the enterprise’s line of the tree', async () => {
    const db = await deviceWith(5);
    const other = makeDecision({ issuedBy: IDS.otherUnit });
    const codes = await refusal(recordFounding(db, supervisor, IDS.enterprise, other, {}));
    expect(codes).toEqual(['admission.issuer_unrelated']);
  });
});
