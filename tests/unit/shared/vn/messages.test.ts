import { afterEach, describe, expect, it } from 'vitest';
import { hasMessage, setLanguage } from '../../../../src/shared/i18n';
import { vnMessages } from '../../../../src/shared/i18n/catalog/vn';
import {
  type Issue,
  parseDate,
  parseIdNumber,
  parsePhone,
  parseTaxCode,
} from '../../../../src/shared/vn';

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
];

const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

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
    setLanguage('en');
    expect(parsePhone('0612345678').issues[0]?.message).toBe(
      '061 is not a Vietnamese mobile prefix.',
    );
    expect(parseIdNumber('001099012345', { dateOfBirth: '2000-01-01' }).issues[0]?.message).toBe(
      'The birth year encoded in the CCCD number (1999) differs from the one entered (2000).',
    );
    expect(parseDate('29/02/2023').issues[0]?.message).toBe(
      'This date does not exist (e.g. 31/04, or 29/02 in a non-leap year).',
    );
  });

  it('has the same keys in Vietnamese and English, none empty', () => {
    expect(Object.keys(vnMessages.en).sort()).toEqual(Object.keys(vnMessages.vi).sort());
    for (const text of [...Object.values(vnMessages.vi), ...Object.values(vnMessages.en)]) {
      expect(text.trim()).not.toBe('');
    }
  });
});
