import { describe, expect, it } from 'vitest';
import {
  acceptApplications,
  countWaitingApplications,
  loadAdmissionFirstScreen,
  loadAdmissionQueue,
  QUEUE_SLICE,
  rejectApplication,
  type SotayDb,
  ValidationError,
} from '../../../src/db';
import type { Actor } from '../../../src/shared/domain';
import type { Signup } from '../../../src/shared/schemas';
import {
  fixtureId,
  IDS,
  makeDecision,
  makeEnterprise,
  makeSignup,
  makeSignupDraft,
  makeUnit,
} from '../../fixtures/records';
import { freshDb } from './support';

const supervisor: Actor = { id: IDS.supervisor, role: 'supervisor', unitId: IDS.upperUnit };
const organizer: Actor = { id: IDS.organizer, role: 'organizer', unitId: IDS.upperUnit };
const TODAY = '2025-04-02';

/** A supervisor's device after a pull: the tree, an enterprise and its applications. */
async function deviceWith(signups: Signup[]): Promise<SotayDb> {
  const db = freshDb();
  await db.units.bulkPut([
    makeUnit({ id: IDS.federation, name: 'LĐLĐ', kind: 'federation', parentId: undefined }),
    makeUnit(),
  ]);
  await db.enterprises.put({ ...makeEnterprise(), searchKey: '', listOrder: 0 });
  await db.signups.bulkPut(signups);
  return db;
}

const waiting = (n: number, overrides: Partial<Signup> = {}) =>
  makeSignup({
    id: fixtureId(4, n),
    idNumber: `0011950${String(12345 + n).padStart(5, '0')}`,
    ...overrides,
  });

describe('loadAdmissionQueue', () => {
  it('holds the submitted applications, earliest signed first, with their enterprises', async () => {
    const db = await deviceWith([
      waiting(1, { signedAt: '2025-03-06' }),
      waiting(2, { signedAt: '2025-03-01' }),
      waiting(3, { status: 'accepted', decision: makeDecision() }),
    ]);
    await db.signups.put(makeSignupDraft());
    const queue = await loadAdmissionQueue(db);
    expect(queue.waiting.map((s) => s.id)).toEqual([fixtureId(4, 2), fixtureId(4, 1)]);
    expect(queue.enterprises.get(IDS.enterprise)?.name).toBe(makeEnterprise().name);
    expect(queue.units).toHaveLength(2);
    expect(await countWaitingApplications(db)).toBe(2);
  });

  it('indexes the ID numbers of waiting and accepted applications, compared by letters and digits', async () => {
    const db = await deviceWith([
      waiting(1, { idNumber: '001195012345' }),
      waiting(2, { idNumber: '001195012345', status: 'accepted', decision: makeDecision() }),
      waiting(3, { idNumber: '001195099999', status: 'rejected', rejectionReason: 'Giám đốc' }),
    ]);
    const queue = await loadAdmissionQueue(db);
    expect(
      queue.idNumbers
        ?.get('001195012345')
        ?.map((h) => h.status)
        .sort(),
    ).toEqual(['accepted', 'submitted']);
    expect(queue.idNumbers?.has('001195099999')).toBe(false);
  });
});

describe('loadAdmissionQueue in slices', () => {
  it('reads every waiting application in order, a slice at a time, with a pause before each', async () => {
    const count = QUEUE_SLICE + 30;
    const db = await deviceWith(
      Array.from({ length: count }, (_, n) =>
        waiting(n + 1, {
          signedAt: `2025-0${1 + (n % 3)}-${String(1 + (n % 28)).padStart(2, '0')}`,
        }),
      ),
    );
    let pauses = 0;
    const queue = await loadAdmissionQueue(db, async () => {
      pauses += 1;
    });
    expect(pauses).toBe(2);
    expect(queue.waiting).toHaveLength(count);
    const order = queue.waiting.map((row) => `${row.signedAt} ${row.id}`);
    expect(order).toEqual([...order].sort());
    expect(queue.total).toBe(count);
  });
});

describe('loadAdmissionFirstScreen', () => {
  it('holds the first rows of the whole queue, in its order, with the count, and leaves the duplicates to it', async () => {
    const db = await deviceWith([
      waiting(1, { signedAt: '2025-03-06' }),
      waiting(2, { signedAt: '2025-03-01', idNumber: '0011 9501 2345' }),
      waiting(3, { signedAt: '2025-03-01' }),
      waiting(4, { signedAt: '2025-03-04', idNumber: '001195012345' }),
      waiting(5, { idNumber: '001195012345', status: 'accepted', decision: makeDecision() }),
      waiting(6, { idNumber: '001195012345', status: 'rejected', rejectionReason: 'Giám đốc' }),
    ]);
    await db.signups.put(makeSignupDraft({ idNumber: '001195012345' }));
    const whole = await loadAdmissionQueue(db);
    for (const first of [1, 2, 3, 4, 10]) {
      const screen = await loadAdmissionFirstScreen(db, first);
      expect(screen.waiting).toEqual(whole.waiting.slice(0, first));
      expect(screen.total).toBe(4);
      expect(screen.complete).toBe(first >= 4);
      expect(screen.enterprises.get(IDS.enterprise)?.name).toBe(makeEnterprise().name);
      // The duplicate check needs every application revealed: the whole queue's (still running).
      expect(screen.idNumbers).toBeUndefined();
    }
    const [earliest] = (await loadAdmissionFirstScreen(db, 1)).waiting;
    expect(earliest?.id).toBe(fixtureId(4, 2));
    expect(
      whole.idNumbers
        ?.get('001195012345')
        ?.map((h) => h.status)
        .sort(),
    ).toEqual(['accepted', 'submitted', 'submitted']);
  });
});

describe('acceptApplications', () => {
  it('admits many with one decision in one go: accepted, the decision set, one outbox row each', async () => {
    const db = await deviceWith([1, 2, 3, 4, 5].map((n) => waiting(n)));
    const ids = [1, 2, 3, 4, 5].map((n) => fixtureId(4, n));
    const result = await acceptApplications(db, supervisor, ids, makeDecision(), TODAY);
    expect(result).toEqual({ accepted: ids, refused: [] });
    const rows = await db.signups.bulkGet(ids);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'accepted', decision: makeDecision() });
    }
    const outbox = await db.outbox.toArray();
    expect(outbox.map((row) => row.entityId)).toEqual(ids);
    expect(outbox.every((row) => (row.data as Signup).status === 'accepted')).toBe(true);
  });

  it('refuses a decision dated in the future or before the signature, and leaves those as they were', async () => {
    const db = await deviceWith([waiting(1, { signedAt: '2025-04-02' }), waiting(2)]);
    const decision = makeDecision({ date: '2025-04-01' });
    const result = await acceptApplications(
      db,
      supervisor,
      [fixtureId(4, 1), fixtureId(4, 2)],
      decision,
      TODAY,
    );
    expect(result.accepted).toEqual([fixtureId(4, 2)]);
    expect(result.refused[0]?.issues.map((i) => i.code)).toEqual([
      'signup.decision.date.before_signing',
    ]);
    expect((await db.signups.get(fixtureId(4, 1)))?.status).toBe('submitted');

    const future = await acceptApplications(
      db,
      supervisor,
      [fixtureId(4, 1)],
      makeDecision({ date: '2025-04-03' }),
      TODAY,
    );
    expect(future.refused[0]?.issues.map((i) => i.code)).toEqual(['signup.decision.date.future']);
  });

  it('admits one person once: a second application with the same ID number is refused, even within one decision', async () => {
    const db = await deviceWith([
      waiting(1, { idNumber: '001195012345' }),
      waiting(2, { idNumber: '001 195 012 345' }),
    ]);
    const result = await acceptApplications(
      db,
      supervisor,
      [fixtureId(4, 1), fixtureId(4, 2)],
      makeDecision(),
      TODAY,
    );
    expect(result.accepted).toEqual([fixtureId(4, 1)]);
    expect(result.refused).toEqual([
      {
        id: fixtureId(4, 2),
        issues: [expect.objectContaining({ field: 'idNumber', level: 'error' })],
      },
    ]);
    expect(await db.outbox.count()).toBe(1);
  });

  it('applies the roles of the server: an organizer decides nothing', async () => {
    const db = await deviceWith([waiting(1)]);
    const result = await acceptApplications(
      db,
      organizer,
      [fixtureId(4, 1)],
      makeDecision(),
      TODAY,
    );
    expect(result.accepted).toEqual([]);
    expect(result.refused[0]?.issues[0]?.code).toBe('forbidden.decide_signup');
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a decision issued by a unit off the record’s line of the tree', async () => {
    const db = await deviceWith([waiting(1)]);
    const decision = makeDecision({ issuedBy: IDS.otherUnit });
    const result = await acceptApplications(db, supervisor, [fixtureId(4, 1)], decision, TODAY);
    expect(result.refused[0]?.issues[0]?.code).toBe('admission.issuer_unrelated');
  });
});

describe('rejectApplication', () => {
  it('rejects with the reason and queues it', async () => {
    const db = await deviceWith([waiting(1)]);
    await rejectApplication(db, supervisor, fixtureId(4, 1), '  Là giám đốc  ');
    expect(await db.signups.get(fixtureId(4, 1))).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Là giám đốc',
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('needs a reason and writes nothing without one', async () => {
    const db = await deviceWith([waiting(1)]);
    const refused = rejectApplication(db, supervisor, fixtureId(4, 1), '   ');
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await refused.catch((error: ValidationError) => {
      expect(error.issues.map((i) => i.field)).toEqual(['rejectionReason']);
    });
    expect(await db.outbox.count()).toBe(0);
  });
});
