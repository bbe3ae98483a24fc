import { describe, expect, it } from 'vitest';
import { isValid, parseTaxCode, taxCodeCheckDigit } from '../../../../src/shared/vn';
import { codes } from './support';

describe('parseTaxCode', () => {
  it.each([
    ['0100233488', '0100233488'],
    ['0100109106', '0100109106'],
    ['0300588569', '0300588569'], // Σ mod 11 = 1 → check digit 9
    ['0101248141', '0101248141'],
    ['0100000003', '0100000003'],
    ['0301234562', '0301234562'],
    ['0400000011', '0400000011'],
    ['0200000007', '0200000007'],
    ['3100000009', '3100000009'],
    ['7900000005', '7900000005'],
    ['0200002660', '0200002660'], // Σ mod 11 = 10 → check digit 0
    ['  0100233488  ', '0100233488'],
    ['0100 233 488', '0100233488'],
    ['\t0100233488\n', '0100233488'],
    ['０１００２３３４８８', '0100233488'], // full-width digits
    ['0100233488-001', '0100233488-001'],
    ['0100233488-999', '0100233488-999'],
    ['0300588569-012', '0300588569-012'],
    ['0100233488 - 001', '0100233488-001'],
    ['0100233488–001', '0100233488-001'], // en dash from a word processor
  ])('accepts %j as %s', (input, expected) => {
    const result = parseTaxCode(input);
    expect(result).toEqual({ value: expected, issues: [] });
  });

  it.each([
    ['', ['tax_code.required']],
    ['   ', ['tax_code.required']],
    ['0100233480', ['tax_code.checksum']],
    ['0100233489', ['tax_code.checksum']],
    ['0100109107', ['tax_code.checksum']],
    ['1234567890', ['tax_code.checksum']],
    ['0000000001', ['tax_code.checksum']],
    // Σ mod 11 = 0: the check would be 10, so no final digit makes these valid.
    ['0100000780', ['tax_code.checksum']],
    ['0100000789', ['tax_code.checksum']],
    ['0100004039', ['tax_code.checksum']],
    ['0100233488-000', ['tax_code.branch']],
    ['0100233480-000', ['tax_code.checksum', 'tax_code.branch']],
    ['0100233480-001', ['tax_code.checksum']],
    ['010023348', ['tax_code.format']],
    ['01002334888', ['tax_code.format']],
    ['0100233488001', ['tax_code.format']],
    ['0100233488-01', ['tax_code.format']],
    ['0100233488-0001', ['tax_code.format']],
    ['0100233488-', ['tax_code.format']],
    ['-001', ['tax_code.format']],
    ['0100233488/001', ['tax_code.format']],
    ['0100.233.488', ['tax_code.format']],
    ['MST0100233488', ['tax_code.format']],
    ['01OO233488', ['tax_code.format']],
    ["0100233488'; DROP TABLE enterprise;--", ['tax_code.format']],
    ['٠١٠٠٢٣٣٤٨٨', ['tax_code.format']], // Arabic-Indic digits are not \d
    ['1'.repeat(101), ['tax_code.too_long']],
    ['0'.repeat(10_000), ['tax_code.too_long']],
  ])('refuses %j with %j', (input, expected) => {
    const result = parseTaxCode(input);
    expect(codes(result)).toEqual(expected);
    expect(isValid(result)).toBe(false);
    expect(result.value).toBeUndefined();
  });

  it('reports issues under the taxCode field, or the field the caller names', () => {
    expect(parseTaxCode('0100233480').issues[0]?.field).toBe('taxCode');
    expect(parseTaxCode('0100233480', 'enterprise.taxCode').issues[0]?.field).toBe(
      'enterprise.taxCode',
    );
  });
});

describe('taxCodeCheckDigit', () => {
  it.each([
    ['010023348', 8],
    ['030058856', 9],
    ['020000266', 0],
    ['010000078', undefined],
    ['01002334', undefined],
    ['01002334a', undefined],
  ])('%s → %s', (firstNine, expected) => {
    expect(taxCodeCheckDigit(firstNine)).toBe(expected);
  });

  it('agrees with parseTaxCode on every check digit of many prefixes', () => {
    for (let n = 0; n < 500; n += 1) {
      const firstNine = String(10_000_000 + n * 7919).padStart(9, '0');
      const check = taxCodeCheckDigit(firstNine);
      for (let digit = 0; digit <= 9; digit += 1) {
        expect(isValid(parseTaxCode(`${firstNine}${digit}`))).toBe(check === digit);
      }
    }
  });
});
