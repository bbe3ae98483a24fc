import * as v from 'valibot';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fieldIssue, fieldLabel, fromValibot, issueCode } from '../../../../src/shared/domain';
import { loadLanguage, setLanguage } from '../../../../src/shared/i18n';
import { signupSchema, visitSchema } from '../../../../src/shared/schemas';
import { makeSignup, makeVisit } from '../../../fixtures/records';

beforeAll(() => loadLanguage('en'));

afterEach(() => setLanguage('vi'));

describe('issueCode', () => {
  it.each([
    ['signup', 'fullName', 'required', 'signup.full_name.required'],
    ['enterprise', 'foundingDecision.date', 'future', 'enterprise.founding_decision.date.future'],
    ['visit', 'peopleMet.3.phone', 'invalid', 'visit.people_met.phone.invalid'],
    ['mutation', '', 'invalid', 'mutation.invalid'],
  ] as const)('%s %s %s → %s', (entity, path, kind, code) => {
    expect(issueCode(entity, path, kind)).toBe(code);
  });
});

describe('fieldLabel', () => {
  it.each([
    ['enterprise', 'name', 'Tên doanh nghiệp'],
    ['unit', 'name', 'Tên tổ chức công đoàn'],
    ['signup', 'fullName', 'Họ và tên'],
    ['visit', 'peopleMet.2.phone', 'Điện thoại người đã gặp'],
    ['signup', 'decision.number', 'Số quyết định kết nạp'],
    ['enterprise', 'unknownField', 'unknownField'],
  ])('%s.%s → %s', (entity, path, label) => {
    expect(fieldLabel(entity, path)).toBe(label);
  });
});

describe('fromValibot', () => {
  function issuesOf(schema: v.GenericSchema, entity: string, input: unknown) {
    const result = v.safeParse(schema, input);
    return result.success ? [] : fromValibot(entity, result.issues);
  }

  it.each<[string, Record<string, unknown>, string]>([
    ['missing', { fullName: undefined }, 'signup.full_name.required'],
    ['empty', { fullName: '' }, 'signup.full_name.required'],
    ['too long', { fullName: 'x'.repeat(201) }, 'signup.full_name.too_long'],
    ['wrong type', { fullName: 7 }, 'signup.full_name.invalid'],
    ['not in the enum', { gender: 'x' }, 'signup.gender.invalid'],
    [
      'below the minimum',
      { contractType: 'fixed', contractMonths: 0 },
      'signup.contract_months.too_small',
    ],
    [
      'above the maximum',
      { contractType: 'fixed', contractMonths: 500 },
      'signup.contract_months.too_large',
    ],
    [
      'not an integer',
      { contractType: 'fixed', contractMonths: 1.5 },
      'signup.contract_months.not_integer',
    ],
    ['custom check', { status: 'accepted' }, 'signup.decision.required'],
  ])('%s', (_label, overrides, code) => {
    const issues = issuesOf(signupSchema, 'signup', { ...makeSignup(), ...overrides });
    expect(issues.map((issue) => issue.code)).toEqual([code]);
    expect(issues[0]?.level).toBe('error');
  });

  it('puts the limit in the message', () => {
    const [issue] = issuesOf(signupSchema, 'signup', {
      ...makeSignup(),
      fullName: 'x'.repeat(201),
    });
    expect(issue?.message).toBe('Họ và tên dài quá 200 ký tự.');
  });

  it('keeps array indexes in the field path', () => {
    const [issue] = issuesOf(visitSchema, 'visit', { ...makeVisit(), purposes: ['care', 'party'] });
    expect(issue).toMatchObject({ field: 'purposes.1', code: 'visit.purposes.invalid' });
  });

  it('writes messages in the current language', () => {
    setLanguage('en');
    const [issue] = issuesOf(signupSchema, 'signup', { ...makeSignup(), fullName: '' });
    expect(issue?.message).toBe('Full name is required.');
  });
});

describe('fieldIssue', () => {
  it('builds a warning when asked', () => {
    expect(
      fieldIssue('enterprise', 'memberCount', 'exceeds_worker_count', { level: 'warning' }),
    ).toEqual({
      field: 'memberCount',
      level: 'warning',
      code: 'enterprise.member_count.exceeds_worker_count',
      message: 'Số đoàn viên lớn hơn tổng số lao động: kiểm tra lại.',
    });
  });
});
