import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasMessage, loadLanguage, setLanguage } from '../../../../src/shared/i18n';
import { vnVi } from '../../../../src/shared/i18n/catalog/vn';
import { vnEn } from '../../../../src/shared/i18n/catalog/vn.en';

import {
  type Issue,
  parseDate,
  parseIdNumber,
  parsePhone,
  parseTaxCode,
} from '../../../../src/shared/vn';

const vnMessages = { vi: vnVi, en: vnEn };

// One input per issue code the validators can produce.
const samples: Array<[string, () => Issue[]]> = [
  ['tax_code.required', () => parseTaxCode('').issues],
  ['tax_code.too_long', () => parseTaxCode('1'.repeat(200)).issues],
  ['tax_code.format', () => parseTaxCode('123').issues],
  ['tax_code.checksum', () => parseTaxCode('0100233480').issues],
  ['tax_code.branch', () => parseTaxCode('0100233488-000').issues],
  ['phone.required', () => parsePhone('').issues],
  ['phone.too_long', () => parsePhone('1'.repeat(200)).issues],
  ['phone.format', () => parsePhone('abc').issues],
  ['phone.country', () => parsePhone('+33612345678').issues],
  ['phone.length', () => parsePhone('091234567').issues],
  ['phone.prefix', () => parsePhone('0612345678').issues],
  ['id_number.required', () => parseIdNumber('').issues],
  ['id_number.too_long', () => parseIdNumber('1'.repeat(200)).issues],
  ['id_number.format', () => parseIdNumber('12345').issues],
  ['id_number.province', () => parseIdNumber('003099012345').issues],
  ['id_number.century', () => parseIdNumber('001599012345').issues],
  ['id_number.gender_mismatch', () => parseIdNumber('001099012345', { gender: 'female' }).issues],
  [
    'id_number.birth_year_mismatch',
    () => parseIdNumber('001099012345', { dateOfBirth: '2000-01-01' }).issues,
  ],
  ['id_number.legacy_cmnd', () => parseIdNumber('123456789').issues],
  ['id_number.passport', () => parseIdNumber('?', { nationality: 'FR' }).issues],
  ['date.required', () => parseDate('').issues],
  ['date.too_long', () => parseDate('1'.repeat(200)).issues],
  ['date.format', () => parseDate('hôm qua').issues],
  ['date.invalid', () => parseDate('31/04/2024').issues],
  ['date.month', () => parseDate('01/13/2024').issues],
  ['date.year', () => parseDate('01/01/0999').issues],
];

const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

beforeAll(() => loadLanguage('en'));

afterEach(() => {
  setLanguage('vi');
});

describe('validator messages', () => {
  it('has a sample for every code in the catalogue part', () => {
    const catalogued = Object.keys(vnMessages.vi).filter((key) => key.includes('.'));
    expect(samples.map(([code]) => code).sort()).toEqual(catalogued.sort());
  });

  it.each(samples)('%s: Vietnamese by default, English after setLanguage("en")', (code, run) => {
    expect(hasMessage(code)).toBe(true);
    const vi = run().find((issue) => issue.code === code);
    expect(vi?.message).toMatch(VIETNAMESE_LETTER);
    expect(vi?.message).not.toMatch(/\{\w+\}/);

    setLanguage('en');
    const en = run().find((issue) => issue.code === code);
    expect(en?.message).not.toMatch(/\{\w+\}/);
    expect(en?.message).not.toBe(vi?.message);
    expect(en?.message).toMatch(/^[\x20-\x7e–’]+$/);
  });

  it('fills the parameters in both languages', () => {
    expect(parsePhone('0612345678').issues[0]?.message).toBe(
      'Đầu số 061 không phải đầu số di động Việt Nam.',
    );
    expect(parseDate('31/02/1995').issues[0]?.message).toBe('Tháng 2 năm 1995 không có ngày 31.');
    expect(parseDate('15/13/1995').issues[0]?.message).toBe(
      'Không có tháng 13: tháng chỉ từ 1 đến 12.',
    );
    expect(parsePhone('091234567').issues[0]?.message).toBe(
      'Số điện thoại có 10 chữ số (di động) hoặc 11 chữ số (cố định), tính cả số 0 đầu; số vừa nhập có 9 chữ số.',
    );
    setLanguage('en');
    expect(parsePhone('0612345678').issues[0]?.message).toBe(
      '061 is not a Vietnamese mobile prefix.',
    );
    expect(parseIdNumber('001099012345', { dateOfBirth: '2000-01-01' }).issues[0]?.message).toBe(
      'The birth year encoded in the CCCD number (1999) differs from the one entered (2000).',
    );
    expect(parseDate('29/02/2023').issues[0]?.message).toBe(
      'There is no day 29 in month 2 of 2023.',
    );
  });

  it('has the same keys in Vietnamese and English, none empty', () => {
    expect(Object.keys(vnMessages.en).sort()).toEqual(Object.keys(vnMessages.vi).sort());
    for (const text of [...Object.values(vnMessages.vi), ...Object.values(vnMessages.en)]) {
      expect(text.trim()).not.toBe('');
    }
  });
});
