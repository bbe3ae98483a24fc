import { describe, expect, it } from 'vitest';
import {
  cccdProvinceCodes,
  type IdNumberContext,
  isValid,
  parseIdNumber,
} from '../../../../src/shared/vn';
import { codes, errorCodes, warningCodes } from './support';

const MALE_1999 = '001099012345';
const FEMALE_1999 = '001199012345';
const MALE_2001 = '079201012345';
const FEMALE_2001 = '079301012345';

describe('parseIdNumber: CCCD', () => {
  it.each<[string, IdNumberContext | undefined, string, string[]]>([
    [MALE_1999, undefined, MALE_1999, []],
    [FEMALE_1999, {}, FEMALE_1999, []],
    [MALE_2001, { nationality: 'VN' }, MALE_2001, []],
    [FEMALE_2001, { nationality: 'vn' }, FEMALE_2001, []],
    [MALE_1999, { gender: 'male', dateOfBirth: '1999-05-17' }, MALE_1999, []],
    [FEMALE_1999, { gender: 'female', dateOfBirth: '1999-12-31' }, FEMALE_1999, []],
    [MALE_2001, { gender: 'male', dateOfBirth: '2001-01-01' }, MALE_2001, []],
    [FEMALE_2001, { gender: 'female', dateOfBirth: '2001-06-30' }, FEMALE_2001, []],
    [FEMALE_2001, { gender: 'female', dateOfBirth: '30/06/2001' }, FEMALE_2001, []],
    ['001 099 012 345', undefined, MALE_1999, []],
    ['001.099.012.345', undefined, MALE_1999, []],
    [' 079301012345 ', undefined, FEMALE_2001, []],
    ['０７９３０１０１２３４５', undefined, FEMALE_2001, []],
    ['096185000001', undefined, '096185000001', []], // Cà Mau, female born 1985
    ['038300000001', undefined, '038300000001', []], // Thanh Hoá, female born 2000
    ['002000000000', undefined, '002000000000', []], // Hà Giang, male born 1900
    // Mismatches with what was entered are warnings: the value is still returned.
    [MALE_1999, { gender: 'female' }, MALE_1999, ['id_number.gender_mismatch']],
    [FEMALE_2001, { gender: 'male' }, FEMALE_2001, ['id_number.gender_mismatch']],
    [MALE_1999, { dateOfBirth: '2001-05-17' }, MALE_1999, ['id_number.birth_year_mismatch']],
    [MALE_2001, { dateOfBirth: '1901-05-17' }, MALE_2001, ['id_number.birth_year_mismatch']],
    [
      FEMALE_1999,
      { gender: 'male', dateOfBirth: '1998-12-31' },
      FEMALE_1999,
      ['id_number.gender_mismatch', 'id_number.birth_year_mismatch'],
    ],
    // A date of birth that cannot be read is the dateOfBirth field's problem, not this one's.
    [MALE_1999, { dateOfBirth: 'not a date' }, MALE_1999, []],
    ['123456789', undefined, '123456789', ['id_number.legacy_cmnd']],
    ['023 456 789', { gender: 'female' }, '023456789', ['id_number.legacy_cmnd']],
  ])('%j with %j → %s, warnings %j', (input, context, value, warnings) => {
    const result = parseIdNumber(input, context);
    expect(result.value).toBe(value);
    expect(isValid(result)).toBe(true);
    expect(warningCodes(result)).toEqual(warnings);
    expect(errorCodes(result)).toEqual([]);
  });

  it.each<[string, IdNumberContext | undefined, string[]]>([
    ['', undefined, ['id_number.required']],
    ['   ', undefined, ['id_number.required']],
    ['00109901234', undefined, ['id_number.format']],
    ['0010990123456', undefined, ['id_number.format']],
    ['12345678', undefined, ['id_number.format']],
    ['1234567890', undefined, ['id_number.format']],
    ['00109901234a', undefined, ['id_number.format']],
    ['001-099-012-345', undefined, ['id_number.format']],
    ['B1234567', undefined, ['id_number.format']], // a passport for a Vietnamese citizen
    ['000099012345', undefined, ['id_number.province']],
    ['003099012345', undefined, ['id_number.province']],
    ['097099012345', undefined, ['id_number.province']],
    ['999099012345', undefined, ['id_number.province']],
    ['001499012345', undefined, ['id_number.century']],
    ['001999012345', undefined, ['id_number.century']],
    ['003899012345', undefined, ['id_number.province', 'id_number.century']],
    // Errors and warnings are reported together.
    ['003099012345', { gender: 'female' }, ['id_number.province', 'id_number.gender_mismatch']],
    ['9'.repeat(101), undefined, ['id_number.too_long']],
  ])('refuses %j (context %j) with %j', (input, context, expected) => {
    const result = parseIdNumber(input, context);
    expect(codes(result)).toEqual(expected);
    expect(isValid(result)).toBe(false);
    expect(result.value).toBeUndefined();
  });

  it('knows the 63 pre-2025 province codes and no others', () => {
    expect(cccdProvinceCodes().size).toBe(63);
    expect(cccdProvinceCodes().has('001')).toBe(true);
    expect(cccdProvinceCodes().has('096')).toBe(true);
    expect(cccdProvinceCodes().has('003')).toBe(false);
  });

  it('puts the years in the birth-year warning', () => {
    const [issue] = parseIdNumber(MALE_1999, { dateOfBirth: '2001-05-17' }).issues;
    expect(issue?.message).toContain('1999');
    expect(issue?.message).toContain('2001');
  });

  it('uses the idNumber field by default and the field the caller names', () => {
    expect(parseIdNumber('').issues[0]?.field).toBe('idNumber');
    expect(parseIdNumber('', {}, 'signup.idNumber').issues[0]?.field).toBe('signup.idNumber');
  });
});

describe('parseIdNumber: passports of foreign workers', () => {
  it.each<[string, string, string]>([
    ['E12345678', 'CN', 'E12345678'],
    ['m 1234 5678', 'KR', 'M12345678'],
    ['tk1234567', 'JP', 'TK1234567'],
    ['123456789', 'US', '123456789'],
    ['C-0123-456', 'LA', 'C0123456'],
    ['A1234.567', 'TH', 'A1234567'],
    ['001099012345', 'KH', '001099012345'],
  ])('%j (%s) → %s', (input, nationality, value) => {
    expect(parseIdNumber(input, { nationality })).toEqual({ value, issues: [] });
  });

  it.each<[string, string]>([
    ['A1234', 'CN'], // too short
    ['AB1234567890123456789', 'CN'], // 21 characters: too long
    ['ABCDEFGH', 'KR'], // no digit
    ['E1234567/8', 'CN'],
    ['Ё1234567', 'RU'],
    ['护照12345678', 'CN'],
  ])('refuses %j (%s)', (input, nationality) => {
    const result = parseIdNumber(input, { nationality, gender: 'male' });
    expect(codes(result)).toEqual(['id_number.passport']);
  });

  it('does not apply CCCD rules to foreigners', () => {
    const result = parseIdNumber('001099012345', {
      nationality: 'CN',
      gender: 'female',
      dateOfBirth: '2001-01-01',
    });
    expect(result.issues).toEqual([]);
  });
});
