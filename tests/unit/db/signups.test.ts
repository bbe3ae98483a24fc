import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  countApplications,
  deleteSignupDraft,
  getSignupDraft,
  listDrafts,
  listSignups,
  saveSignupDraft,
  submitSignup,
  ValidationError,
} from '../../../src/db';
import type { Signup } from '../../../src/shared/schemas';
import {
  fixtureId,
  IDS,
  makeSignup,
  makeSignupDraft,
  signupsOfEveryStatus,
} from '../../fixtures/records';
import { freshDb } from './support';

afterEach(() => {
  vi.useRealTimers();
});

describe('saveSignupDraft', () => {
  it('keeps a draft on the device only: no outbox row', async () => {
    const db = freshDb();
    await saveSignupDraft(db, makeSignupDraft());

    expect(await db.signups.get(IDS.signupDraft)).toMatchObject({
      ...makeSignupDraft(),
      localUpdatedAt: expect.any(String),
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it('accepts half-typed fields, stored NFC', async () => {
    const db = freshDb();
    await saveSignupDraft(
      db,
      makeSignupDraft({ fullName: 'Phạm Văn Hùng'.normalize('NFD'), dateOfBirth: '12/0' }),
    );
    expect(await db.signups.get(IDS.signupDraft)).toMatchObject({
      fullName: 'Phạm Văn Hùng'.normalize('NFC'),
      dateOfBirth: '12/0',
    });
  });

  it('refuses to turn a submitted application back into a draft', async () => {
    const db = freshDb();
    await submitSignup(db, makeSignup());
    await expect(saveSignupDraft(db, makeSignupDraft({ id: IDS.signup }))).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await db.signups.get(IDS.signup))?.status).toBe('submitted');
  });
});

describe('submitSignup', () => {
  it('submits a completed draft: normalised, status submitted, submittedAt set, queued', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-06T02:00:00Z'));
    const db = freshDb();
    const { submittedAt: _s, status: _status, ...fields } = makeSignup();
    await saveSignupDraft(db, makeSignupDraft({ id: IDS.signup }));

    const saved = await submitSignup(db, {
      ...fields,
      status: 'submitted',
      dateOfBirth: '12/04/1995',
      phone: '0912 345 678',
    });

    expect(saved).toMatchObject({
      status: 'submitted',
      dateOfBirth: '1995-04-12',
      phone: '+84912345678',
      submittedAt: '2025-03-06T02:00:00.000Z',
    });
    expect(await db.signups.get(IDS.signup)).toMatchObject(saved);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: 'signup', entityId: IDS.signup, data: saved });
    expect(outbox[0]?.data).not.toHaveProperty('localUpdatedAt');
  });

  it('keeps the first submission time when an application is edited', async () => {
    const db = freshDb();
    const first = await submitSignup(db, makeSignup());
    const second = await submitSignup(db, makeSignup({ occupation: 'Tổ trưởng may' }));
    expect(second.submittedAt).toBe(first.submittedAt);
  });

  it.each<[string, Partial<Signup>, string]>([
    ['no consent', { consent: false }, 'consent'],
    ['a director', { managerRole: 'director' }, 'managerRole'],
    ['a bad ID number', { idNumber: '12345' }, 'idNumber'],
    [
      'a foreigner on a 6-month contract',
      { nationality: 'KR', idNumber: 'M1234567', contractType: 'fixed', contractMonths: 6 },
      'contractMonths',
    ],
  ])('refuses an application with %s, writing nothing', async (_label, overrides, field) => {
    const db = freshDb();
    const error = await submitSignup(db, makeSignup(overrides)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.field)).toContain(field);
    expect(await db.signups.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses an incomplete draft and leaves it a draft', async () => {
    const db = freshDb();
    await saveSignupDraft(db, makeSignupDraft());
    await expect(submitSignup(db, makeSignupDraft())).rejects.toBeInstanceOf(ValidationError);
    expect((await db.signups.get(IDS.signupDraft))?.status).toBe('draft');
  });

  it('refuses to resubmit an application the union already decided', async () => {
    const db = freshDb();
    await db.signups.put(
      makeSignup({
        status: 'accepted',
        decision: { number: '12/QĐ', date: '2025-03-10', issuedBy: IDS.upperUnit },
      }),
    );
    await expect(submitSignup(db, makeSignup())).rejects.toBeInstanceOf(ValidationError);
    expect((await db.signups.get(IDS.signup))?.status).toBe('accepted');
  });
});

describe('drafts and lists', () => {
  it('lists drafts newest first and deletes only drafts', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const db = freshDb();
    for (const n of [1, 2, 3]) {
      vi.setSystemTime(new Date(`2025-03-1${n}T02:00:00Z`));
      await saveSignupDraft(db, makeSignupDraft({ id: fixtureId(4, n) }));
    }
    await submitSignup(db, makeSignup());

    expect((await listDrafts(db)).map((row) => row.id)).toEqual(
      [3, 2, 1].map((n) => fixtureId(4, n)),
    );
    expect(await getSignupDraft(db, fixtureId(4, 2))).toMatchObject({ status: 'draft' });
    expect(await getSignupDraft(db, IDS.signup)).toBeUndefined();
    expect(await deleteSignupDraft(db, fixtureId(4, 2))).toBe(true);
    expect(await deleteSignupDraft(db, IDS.signup)).toBe(false);
    expect(await db.signups.count()).toBe(3);
  });

  it('counts submitted and accepted applications of one enterprise', async () => {
    const db = freshDb();
    await db.signups.bulkPut(signupsOfEveryStatus());

    expect(await countApplications(db, IDS.enterprise)).toBe(2);
    expect(await countApplications(db, IDS.otherEnterprise)).toBe(1);
  });

  it.each([
    [{}, 5],
    [{ enterpriseId: IDS.enterprise }, 4],
    [{ status: 'submitted' as const }, 2],
    [{ enterpriseId: IDS.enterprise, status: 'draft' as const }, 1],
  ])('listSignups(%o) finds %i', async (filter, count) => {
    const db = freshDb();
    await db.signups.bulkPut(signupsOfEveryStatus());
    expect(await listSignups(db, filter)).toHaveLength(count);
  });
});
