import { describe, expect, it } from 'vitest';
import { checkDraftSignup, checkSubmittedSignup } from '../../../../src/shared/domain';
import type { Signup } from '../../../../src/shared/schemas';
import { makeSignup, makeSignupDraft } from '../../../fixtures/records';

const today = '2025-03-10';

/** The application with `overrides`; an `undefined` value removes the field. */
function signupWith(overrides: Record<string, unknown>): Signup {
  const record: Record<string, unknown> = { ...makeSignup(), ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete record[key];
  return record as Signup;
}

function messagesOf(overrides: Record<string, unknown>): { field: string; message: string }[] {
  return checkSubmittedSignup(signupWith(overrides), { today })
    .filter((issue) => issue.level === 'error')
    .map(({ field, message }) => ({ field, message }));
}

describe('one message per problem', () => {
  it.each<[string, Record<string, unknown>, { field: string; message: string }[]]>([
    [
      'consent not given',
      { consent: undefined },
      [{ field: 'consent', message: 'Người lao động chưa xác nhận tự nguyện gia nhập Công đoàn.' }],
    ],
    [
      'consent refused',
      { consent: false },
      [{ field: 'consent', message: 'Người lao động chưa xác nhận tự nguyện gia nhập Công đoàn.' }],
    ],
    [
      'a foreign worker without a contract type',
      { nationality: 'KR', idNumber: 'M12345678', contractType: undefined },
      [
        {
          field: 'contractType',
          message:
            'Lao động nước ngoài cần hợp đồng không xác định thời hạn hoặc từ 12 tháng trở lên.',
        },
      ],
    ],
    [
      'a Vietnamese worker without a contract type',
      { contractType: undefined },
      [{ field: 'contractType', message: 'Loại hợp đồng lao động không được để trống.' }],
    ],
  ])('%s', (_label, overrides, expected) => {
    expect(messagesOf(overrides)).toEqual(expected);
  });
});

describe('messages that name the problem', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    [
      '31 February',
      { dateOfBirth: '31/02/1995' },
      'dateOfBirth',
      'Tháng 2 năm 1995 không có ngày 31.',
    ],
    [
      '29 February of a common year',
      { signedAt: '29/02/2023' },
      'signedAt',
      'Tháng 2 năm 2023 không có ngày 29.',
    ],
    [
      'a 13th month',
      { dateOfBirth: '12/13/1995' },
      'dateOfBirth',
      'Không có tháng 13: tháng chỉ từ 1 đến 12.',
    ],
    [
      'half a date',
      { dateOfBirth: '12/04/19' },
      'dateOfBirth',
      'Ngày phải ghi theo dạng ngày/tháng/năm, ví dụ 29/02/2024.',
    ],
    [
      'a phone one digit short',
      { phone: '091234567' },
      'phone',
      'Số điện thoại có 10 chữ số (di động) hoặc 11 chữ số (cố định), tính cả số 0 đầu; số vừa nhập có 9 chữ số.',
    ],
  ])('%s', (_label, overrides, field, message) => {
    expect(messagesOf(overrides)).toEqual([{ field, message }]);
  });

  it('keeps the stable code of an unreadable date', () => {
    const [issue] = checkSubmittedSignup(signupWith({ dateOfBirth: '31/02/1995' }), { today });
    expect(issue?.code).toBe('signup.date_of_birth.invalid');
  });
});

describe('nationality', () => {
  it.each<[string, string | undefined, string[]]>([
    [
      'an unknown code, with an invalid CCCD still checked as Vietnamese',
      'XX',
      ['nationality', 'idNumber'],
    ],
    ['two letters of "Việt Nam"', 'Vi?', ['nationality', 'idNumber']],
    ['Vietnam, the CCCD checked', 'VN', ['idNumber']],
    ['no nationality: Vietnamese by default', undefined, ['idNumber']],
  ])('%s', (_label, nationality, fields) => {
    // 092593001122: Cần Thơ, but a century digit 5 that no one alive has.
    const issues = messagesOf({ nationality, idNumber: '092593001122' });
    expect(issues.map((issue) => issue.field)).toEqual(fields);
  });

  it('is not yet judged while a draft is typed, only its CCCD is', () => {
    const draft = makeSignupDraft({ nationality: 'VN', idNumber: '092593001122' });
    expect(checkDraftSignup(draft, { today }).map((issue) => issue.field)).toEqual(['idNumber']);
  });
});
