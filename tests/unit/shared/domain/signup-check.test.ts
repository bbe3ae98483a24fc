import { describe, expect, it } from 'vitest';
import {
  checkDraftSignup,
  checkSubmittedSignup,
  reviewSignup,
} from '../../../../src/shared/domain';
import { makeDecision, makeSignup, makeSignupDraft } from '../../../fixtures/records';

const today = '2025-03-10';

type Found = { field: string; level: string; code: string };

function found(issues: { field: string; level: string; code: string }[]): Found[] {
  return issues.map(({ field, level, code }) => ({ field, level, code }));
}

describe('checkSubmittedSignup', () => {
  it('finds nothing in a valid application', () => {
    expect(checkSubmittedSignup(makeSignup(), { today })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, Found[]]>([
    [
      'missing full name',
      { fullName: undefined },
      [{ field: 'fullName', level: 'error', code: 'signup.full_name.required' }],
    ],
    [
      'blank full name',
      { fullName: '  ' },
      [{ field: 'fullName', level: 'error', code: 'signup.full_name.required' }],
    ],
    [
      'birth date not a date',
      { dateOfBirth: '1995-02-30' },
      [{ field: 'dateOfBirth', level: 'error', code: 'signup.date_of_birth.invalid' }],
    ],
    [
      'signed tomorrow',
      { signedAt: '2025-03-11' },
      [{ field: 'signedAt', level: 'error', code: 'signup.signed_at.future' }],
    ],
    [
      'started working in the future',
      { startedWorkingAt: '2026-01-01' },
      [{ field: 'startedWorkingAt', level: 'error', code: 'signup.started_working_at.future' }],
    ],
    [
      'decision dated in the future',
      { status: 'accepted', decision: makeDecision({ number: '1/QĐ', date: '2025-04-01' }) },
      [{ field: 'decision.date', level: 'error', code: 'signup.decision.date.future' }],
    ],
    [
      'decision dated before the application was signed',
      { status: 'accepted', decision: makeDecision({ date: '2025-03-04' }) },
      [{ field: 'decision.date', level: 'error', code: 'signup.decision.date.before_signing' }],
    ],
    [
      'decision dated the day the application was signed',
      { status: 'accepted', decision: makeDecision({ date: '2025-03-05' }) },
      [],
    ],
    [
      'decision dated before a signature in the future: only the signature is reported',
      {
        status: 'accepted',
        signedAt: '2025-03-12',
        decision: makeDecision({ date: '2025-03-06' }),
      },
      [{ field: 'signedAt', level: 'error', code: 'signup.signed_at.future' }],
    ],
    [
      'accepted without decision',
      { status: 'accepted' },
      [{ field: 'decision', level: 'error', code: 'signup.decision.required' }],
    ],
    [
      'rejected without reason',
      { status: 'rejected' },
      [{ field: 'rejectionReason', level: 'error', code: 'signup.rejection_reason.required' }],
    ],
    [
      'CCCD of 11 digits',
      { idNumber: '00119501234' },
      [{ field: 'idNumber', level: 'error', code: 'id_number.format' }],
    ],
    [
      'CCCD of a man for a woman',
      { idNumber: '001095012345' },
      [{ field: 'idNumber', level: 'warning', code: 'id_number.gender_mismatch' }],
    ],
    [
      'CCCD with another birth year',
      { idNumber: '001196012345' },
      [{ field: 'idNumber', level: 'warning', code: 'id_number.birth_year_mismatch' }],
    ],
    [
      'legacy CMND',
      { idNumber: '012345678' },
      [{ field: 'idNumber', level: 'warning', code: 'id_number.legacy_cmnd' }],
    ],
    [
      'mobile with a wrong prefix',
      { phone: '0112345678' },
      [{ field: 'phone', level: 'error', code: 'phone.prefix' }],
    ],
    [
      'a director',
      { managerRole: 'director' },
      [{ field: 'managerRole', level: 'error', code: 'eligibility.manager_role' }],
    ],
    [
      'no consent',
      { consent: false },
      [{ field: 'consent', level: 'error', code: 'eligibility.consent' }],
    ],
    [
      '14 years old',
      { dateOfBirth: '2010-06-01', idNumber: '001310012345' },
      [{ field: 'dateOfBirth', level: 'warning', code: 'eligibility.under_15' }],
    ],
    [
      'foreigner with a 6-month contract',
      { nationality: 'KR', idNumber: 'M12345678', contractType: 'fixed', contractMonths: 6 },
      [{ field: 'contractMonths', level: 'error', code: 'eligibility.foreign_contract' }],
    ],
    [
      'foreigner with a bad passport number',
      { nationality: 'KR', idNumber: 'ABC' },
      [{ field: 'idNumber', level: 'error', code: 'id_number.passport' }],
    ],
  ])('%s', (_label, overrides, expected) => {
    expect(found(checkSubmittedSignup({ ...makeSignup(), ...overrides }, { today }))).toEqual(
      expected,
    );
  });

  it('reports every issue at once', () => {
    const issues = checkSubmittedSignup(
      {
        ...makeSignup(),
        fullName: '',
        signedAt: '2030-01-01',
        phone: '12',
        managerRole: 'owner',
        consent: false,
      },
      { today },
    );
    expect(issues.map((issue) => issue.code)).toEqual([
      'signup.full_name.required',
      'phone.format',
      'signup.signed_at.future',
      'eligibility.manager_role',
      'eligibility.consent',
    ]);
  });

  it('gives each issue a message in Vietnamese', () => {
    const [issue] = checkSubmittedSignup({ ...makeSignup(), fullName: '' }, { today });
    expect(issue?.message).toBe('Họ và tên không được để trống.');
  });

  it('judges a draft as if it were submitted', () => {
    const draft = { ...makeSignup(), status: 'draft', submittedAt: undefined };
    expect(checkSubmittedSignup(draft, { today })).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'signup'],
    ['an array', [makeSignup()]],
    [
      'wrong types everywhere',
      { id: 1, fullName: 2, consent: 'yes', decision: 'x', dateOfBirth: 5 },
    ],
  ])('never throws on %s', (_label, input) => {
    const issues = checkSubmittedSignup(input, { today });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((issue) => issue.message !== '')).toBe(true);
  });
});

describe('reviewSignup', () => {
  it('normalises typed values into the stored form', () => {
    const result = reviewSignup(
      {
        ...makeSignup(),
        dateOfBirth: '12/04/1995',
        idNumber: '001 195 012 345',
        phone: '0912 345 678',
        fullName: ' Nguyễn Thị Lan ',
      },
      { today },
    );
    expect(result.issues).toEqual([]);
    expect(result.value).toMatchObject({
      dateOfBirth: '1995-04-12',
      idNumber: '001195012345',
      phone: '+84912345678',
      fullName: 'Nguyễn Thị Lan',
    });
  });

  it('keeps the value when there are only warnings', () => {
    const result = reviewSignup(makeSignup({ idNumber: '012345678' }), { today });
    expect(result.value?.idNumber).toBe('012345678');
    expect(result.issues.map((issue) => issue.level)).toEqual(['warning']);
  });

  it('gives no value when there is an error', () => {
    expect(reviewSignup(makeSignup({ consent: false }), { today }).value).toBeUndefined();
  });
});

describe('checkDraftSignup', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a name only', {}, []],
    ['the ids only', { fullName: undefined }, []],
    ['a name being typed', { fullName: 'Nguyễn ' }, []],
    ['a date typed the Vietnamese way', { dateOfBirth: '12/04/1995' }, []],
    ['a half-typed date', { dateOfBirth: '12/04/19' }, ['signup.date_of_birth.invalid']],
    ['a birth date in the future', { dateOfBirth: '01/01/2030' }, ['signup.date_of_birth.future']],
    ['a bad phone', { phone: '0112345678' }, ['phone.prefix']],
    ['a phone with spaces', { phone: '0912 345 678' }, []],
    [
      'a CCCD that does not match the sex',
      { gender: 'male', dateOfBirth: '1995-04-12', idNumber: '001195012345' },
      ['id_number.gender_mismatch'],
    ],
    ['a director', { managerRole: 'director' }, ['eligibility.manager_role']],
    ['consent not yet ticked', { consent: false }, []],
    ['a child', { dateOfBirth: '2015-01-01' }, ['eligibility.under_15']],
    [
      'a foreign worker without contract',
      { nationality: 'KR', contractType: 'none' },
      ['eligibility.foreign_contract'],
    ],
  ])('%s → %j', (_label, overrides, expected) => {
    const draft = { ...makeSignupDraft(), ...overrides };
    expect(checkDraftSignup(draft, { today }).map((issue) => issue.code)).toEqual(expected);
  });

  it('finds nothing in a complete, valid draft', () => {
    expect(checkDraftSignup({ ...makeSignup(), status: 'draft' }, { today })).toEqual([]);
  });
});
