import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  authorOf,
  decidedOn,
  isRedacted,
  mayKnowWho,
  PERSONAL_RETENTION_DAYS,
  redact,
  restorePersonal,
} from '../../../../src/shared/domain/need-to-know';
import {
  heldSignupSchema,
  redactedSignupSchema,
  SIGNUP_PERSONAL_FIELDS,
  signupRecordSchema,
  type UserRole,
  visitSchema,
} from '../../../../src/shared/schemas';
import { makeDecision, makeSignup, makeSignupDraft, makeVisit } from '../../../fixtures/records';

const AUTHOR = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const TODAY = '2026-05-31';

const signup = (overrides: Record<string, unknown> = {}) => ({
  ...makeSignup({ authorId: AUTHOR }),
  version: 2,
  updatedAt: '2026-05-01T08:00:00+07:00',
  ...overrides,
});

describe('mayKnowWho', () => {
  const accepted = (date: string) =>
    signup({ status: 'accepted', decision: makeDecision({ date }) });
  it.each<[string, { id: string; role: UserRole }, Record<string, unknown>, boolean]>([
    ['the author, submitted', { id: AUTHOR, role: 'organizer' }, signup(), true],
    ['the author, draft', { id: AUTHOR, role: 'organizer' }, signup({ status: 'draft' }), true],
    ['another organizer, submitted', { id: OTHER, role: 'organizer' }, signup(), false],
    ['a supervisor, submitted', { id: OTHER, role: 'supervisor' }, signup(), true],
    ['an admin, submitted', { id: OTHER, role: 'admin' }, signup(), true],
    ['a supervisor, draft', { id: OTHER, role: 'supervisor' }, signup({ status: 'draft' }), false],
    ['a supervisor, accepted', { id: OTHER, role: 'supervisor' }, accepted('2026-05-30'), false],
    [
      `the author, accepted ${PERSONAL_RETENTION_DAYS} days ago`,
      { id: AUTHOR, role: 'organizer' },
      accepted('2026-05-01'),
      true,
    ],
    [
      `the author, accepted ${PERSONAL_RETENTION_DAYS + 1} days ago`,
      { id: AUTHOR, role: 'organizer' },
      accepted('2026-04-30'),
      false,
    ],
    [
      'the author, rejected 40 days ago (no decision: its last change)',
      { id: AUTHOR, role: 'organizer' },
      signup({ status: 'rejected', rejectionReason: 'x', updatedAt: '2026-04-21T08:00:00+07:00' }),
      false,
    ],
    [
      'the first sender of a record stored before authorId',
      { id: AUTHOR, role: 'organizer' },
      signup({ authorId: undefined, version: 1, updatedBy: AUTHOR }),
      true,
    ],
    [
      'the last sender of a later version without authorId',
      { id: AUTHOR, role: 'organizer' },
      signup({ authorId: undefined, version: 3, updatedBy: AUTHOR }),
      false,
    ],
  ])('%s → %s', (_, reader, data, expected) => {
    expect(mayKnowWho(reader, 'signup', data, TODAY)).toBe(expected);
  });

  it("gives a visit's people to its author only, and names nobody in an enterprise", () => {
    const visit = { ...makeVisit(), authorId: AUTHOR };
    expect(mayKnowWho({ id: AUTHOR, role: 'organizer' }, 'visit', visit, TODAY)).toBe(true);
    expect(mayKnowWho({ id: OTHER, role: 'supervisor' }, 'visit', visit, TODAY)).toBe(false);
    expect(mayKnowWho({ id: OTHER, role: 'organizer' }, 'enterprise', {}, TODAY)).toBe(true);
  });

  it('reads the author and the decision day', () => {
    expect(authorOf({ authorId: AUTHOR })).toBe(AUTHOR);
    expect(authorOf({ version: 2, updatedBy: AUTHOR })).toBeUndefined();
    expect(decidedOn({ decision: { date: '2026-01-02' } })).toBe('2026-01-02');
    expect(decidedOn({ updatedAt: '2026-01-03T23:00:00+07:00' })).toBe('2026-01-03');
  });
});

describe('redact and restorePersonal', () => {
  it('withholds every personal field of an application, in a shape the device accepts', () => {
    for (const record of [
      signup(),
      signup({ status: 'accepted', decision: makeDecision() }),
      makeSignupDraft(),
    ]) {
      const redacted = redact('signup', record);
      for (const field of SIGNUP_PERSONAL_FIELDS) expect(redacted).not.toHaveProperty(field);
      expect(isRedacted(redacted)).toBe(true);
      expect(v.is(redactedSignupSchema, redacted)).toBe(true);
      expect(v.parse(heldSignupSchema, redacted)).toMatchObject({ redacted: true });
      // The full shapes do not take it for a whole record.
      expect(v.is(signupRecordSchema, redacted) && record.status !== 'draft').toBe(false);
      expect(restorePersonal('signup', redacted, record)).toEqual(record);
    }
  });

  it("withholds a visit's names and phones, keeping the roles and counts", () => {
    const visit = makeVisit();
    const redacted = redact('visit', visit);
    expect(redacted['peopleMet']).toEqual([{ role: 'worker' }, { role: 'hr' }]);
    expect(redacted['workersReached']).toBe(visit.workersReached);
    expect(v.is(visitSchema, redacted)).toBe(true);
    expect(restorePersonal('visit', { ...redacted, outcome: 'Mới' }, visit)).toEqual({
      ...visit,
      outcome: 'Mới',
    });
  });
});
