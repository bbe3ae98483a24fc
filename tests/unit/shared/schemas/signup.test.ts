import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  type Signup,
  signupDraftSchema,
  signupRecordSchema,
  signupSchema,
} from '../../../../src/shared/schemas';
import { IDS, makeDecision, makeSignup, makeSignupDraft } from '../../../fixtures/records';
import { issuePaths, without } from './parse';

describe('signupSchema (strict, submitted and later)', () => {
  it.each<[string, Partial<Signup>]>([
    ['the fixture', {}],
    [
      'accepted with a decision',
      { status: 'accepted', decision: makeDecision({ number: '12/QĐ-CĐ', date: '2025-04-01' }) },
    ],
    ['with its author (server-set)', { authorId: IDS.organizer }],
    ['rejected with a reason', { status: 'rejected', rejectionReason: 'Là giám đốc doanh nghiệp' }],
    ['foreign worker with passport', { nationality: 'KR', idNumber: 'M12345678' }],
    ['fixed contract with months', { contractType: 'fixed', contractMonths: 24 }],
    [
      'no optional fields',
      {
        ethnicity: undefined,
        religion: undefined,
        education: undefined,
        phone: undefined,
        occupation: undefined,
        startedWorkingAt: undefined,
        managerRole: undefined,
        submittedAt: undefined,
      },
    ],
    // Eligibility is not a schema rule: these parse, and domain/eligibility.ts reports them.
    ['consent not given', { consent: false }],
    ['a director', { managerRole: 'director' }],
  ])('valid: %s', (_label, overrides) => {
    expect(issuePaths(signupSchema, makeSignup(overrides))).toEqual([]);
  });

  it('defaults nationality to VN and upper-cases it', () => {
    expect(v.parse(signupSchema, without(makeSignup(), 'nationality')).nationality).toBe('VN');
    expect(v.parse(signupSchema, makeSignup({ nationality: ' kr ' })).nationality).toBe('KR');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['status draft', { status: 'draft' }, ['status']],
    ['accepted without decision', { status: 'accepted' }, ['decision']],
    ['rejected without reason', { status: 'rejected' }, ['rejectionReason']],
    [
      'rejected with a blank reason',
      { status: 'rejected', rejectionReason: '  ' },
      ['rejectionReason'],
    ],
    ['blank name', { fullName: ' ' }, ['fullName']],
    ['partial birth date', { dateOfBirth: '1995-04' }, ['dateOfBirth']],
    ['birth date dd/mm/yyyy', { dateOfBirth: '12/04/1995' }, ['dateOfBirth']],
    ['unknown gender', { gender: 'other' }, ['gender']],
    ['nationality of 3 letters', { nationality: 'VNM' }, ['nationality']],
    ['blank id number', { idNumber: '' }, ['idNumber']],
    ['id number too long', { idNumber: '1'.repeat(21) }, ['idNumber']],
    ['unknown contract type', { contractType: 'seasonal' }, ['contractType']],
    ['zero contract months', { contractType: 'fixed', contractMonths: 0 }, ['contractMonths']],
    [
      'contract months over 120',
      { contractType: 'fixed', contractMonths: 121 },
      ['contractMonths'],
    ],
    ['unknown manager role', { managerRole: 'ceo' }, ['managerRole']],
    ['consent as text', { consent: 'yes' }, ['consent']],
    ['serving sentence as text', { servingSentence: 'no' }, ['servingSentence']],
    ['signed date impossible', { signedAt: '2025-02-29' }, ['signedAt']],
    ['submitted without offset', { submittedAt: '2025-03-05T15:00:00' }, ['submittedAt']],
    [
      'decision without date',
      { status: 'accepted', decision: { number: '12/QĐ', issuedBy: IDS.upperUnit } },
      ['decision.date'],
    ],
    [
      'decision without its deciding unit',
      { status: 'accepted', decision: { number: '12/QĐ', date: '2025-04-01' } },
      ['decision.issuedBy'],
    ],
    ['author not a uuid', { authorId: 'lan.nt' }, ['authorId']],
  ])('invalid: %s', (_label, overrides, paths) => {
    expect(issuePaths(signupSchema, { ...makeSignup(), ...overrides })).toEqual(paths);
  });

  it.each([
    'id',
    'enterpriseId',
    'status',
    'fullName',
    'dateOfBirth',
    'gender',
    'idNumber',
    'contractType',
    'consent',
    'signedAt',
  ] as const)('missing %s', (key) => {
    expect(issuePaths(signupSchema, without(makeSignup(), key))).toEqual([key]);
  });
});

describe('signupDraftSchema (lenient)', () => {
  it.each<[string, Record<string, unknown>]>([
    ['the fixture', {}],
    ['only the ids', { fullName: undefined }],
    ['a half-typed date', { dateOfBirth: '12/04/19' }],
    ['a half-typed id number', { idNumber: '0011' }],
    ['untrimmed name being typed', { fullName: 'Nguyễn ' }],
    ['consent not yet given', { consent: false }],
    ['with its author (server-set)', { authorId: IDS.organizer }],
    ['every field', { ...without(makeSignup(), 'submittedAt'), status: 'draft' }],
  ])('valid: %s', (_label, overrides) => {
    expect(issuePaths(signupDraftSchema, { ...makeSignupDraft(), ...overrides })).toEqual([]);
  });

  it('keeps strings exactly as typed', () => {
    expect(v.parse(signupDraftSchema, makeSignupDraft({ fullName: 'Nguyễn ' })).fullName).toBe(
      'Nguyễn ',
    );
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['status submitted', { status: 'submitted' }, ['status']],
    ['no enterprise', { enterpriseId: undefined }, ['enterpriseId']],
    ['id not a uuid', { id: 'draft-1' }, ['id']],
    ['name of 201 characters', { fullName: 'x'.repeat(201) }, ['fullName']],
    ['gender outside the enum', { gender: 'x' }, ['gender']],
    ['contract months as text', { contractMonths: '12' }, ['contractMonths']],
    ['consent as text', { consent: 'true' }, ['consent']],
  ])('invalid: %s', (_label, overrides, paths) => {
    expect(issuePaths(signupDraftSchema, { ...makeSignupDraft(), ...overrides })).toEqual(paths);
  });
});

describe('signupRecordSchema', () => {
  it.each<[string, unknown, boolean]>([
    ['a draft', makeSignupDraft(), true],
    ['a submitted signup', makeSignup(), true],
    [
      'an incomplete signup claiming to be submitted',
      { ...makeSignupDraft(), status: 'submitted' },
      false,
    ],
    ['an unknown status', { ...makeSignupDraft(), status: 'archived' }, false],
  ])('%s → %s', (_label, input, ok) => {
    expect(v.is(signupRecordSchema, input)).toBe(ok);
  });

  it('narrows by status', () => {
    const record = v.parse(signupRecordSchema, makeSignupDraft({ id: IDS.signupDraft }));
    expect(record.status).toBe('draft');
  });
});
