import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  isCalendarDate,
  isDateTimeWithOffset,
  isoDateSchema,
  text,
  uuidSchema,
} from '../../../../src/shared/schemas';

describe('isCalendarDate', () => {
  it.each([
    ['2025-03-14', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-05', false],
    ['14/03/2025', false],
    ['2025-03-14T00:00:00Z', false],
    ['1899-12-31', false],
    ['1900-01-01', true],
    ['2101-01-01', false],
    ['', false],
  ])('%s → %s', (input, expected) => {
    expect(isCalendarDate(input)).toBe(expected);
  });
});

describe('isDateTimeWithOffset', () => {
  it.each([
    ['2025-03-14T09:30:00+07:00', true],
    ['2025-03-14T09:30:00.123Z', true],
    ['2025-03-14T09:30Z', true],
    ['2025-03-14T23:59:59-05:30', true],
    ['2025-03-14T09:30:00', false],
    ['2025-03-14 09:30:00+07:00', false],
    ['2025-02-30T09:30:00+07:00', false],
    ['2025-03-14T24:00:00+07:00', false],
    ['2025-03-14T09:60:00+07:00', false],
    ['2025-03-14', false],
  ])('%s → %s', (input, expected) => {
    expect(isDateTimeWithOffset(input)).toBe(expected);
  });
});

describe('uuidSchema', () => {
  it.each([
    ['0b6f1c5e-8d4a-4f3b-9c2d-1e0f2a3b4c5d', true],
    ['0B6F1C5E-8D4A-4F3B-9C2D-1E0F2A3B4C5D', false],
    ['0b6f1c5e8d4a4f3b9c2d1e0f2a3b4c5d', false],
    ['not-a-uuid', false],
  ])('%s → %s', (input, expected) => {
    expect(v.is(uuidSchema, input)).toBe(expected);
  });
});

describe('text', () => {
  it('trims and stores NFC (Unikey may send NFD)', () => {
    const nfd = '  Hòa Bình  '.normalize('NFD');
    expect(v.parse(text(50), nfd)).toBe('Hòa Bình'.normalize('NFC'));
  });

  it('counts the limit after normalisation', () => {
    expect(v.is(text(3), 'Hòa'.normalize('NFD'))).toBe(true);
    expect(v.is(text(3), 'Hòaa')).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(v.is(text(10), 42)).toBe(false);
  });
});

describe('isoDateSchema', () => {
  it('accepts a real date and rejects a number', () => {
    expect(v.is(isoDateSchema, '2025-07-01')).toBe(true);
    expect(v.is(isoDateSchema, 20250701)).toBe(false);
  });
});
