import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatProgress,
  NO_VALUE,
} from '../../../../src/shared/vn';

describe('formatNumber', () => {
  it.each([
    [10291, '10.291'],
    [9016, '9.016'],
    [1000, '1.000'],
    [999, '999'],
    [0, '0'],
    [-0, '0'],
    [-1500, '-1.500'],
    [1234567, '1.234.567'],
    [1234.5, '1.234,5'],
    [0.125, '0,125'],
    [Number.NaN, NO_VALUE],
    [Number.POSITIVE_INFINITY, NO_VALUE],
  ])('%d → %s', (n, expected) => {
    expect(formatNumber(n)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each([
    [9016, 8500, '106,07%'],
    [657, 1000, '65,7%'],
    [20, 25, '80%'],
    [1, 3, '33,33%'],
    [2, 3, '66,67%'],
    [1, 1, '100%'],
    [0, 25, '0%'],
    [10291, 100, '10.291%'],
    [1, 200, '0,5%'],
    [1, 100_000, '0%'],
    [-5, 100, '-5%'],
    [1, -4, '-25%'],
    [5, 0, NO_VALUE],
    [0, 0, NO_VALUE],
    [Number.NaN, 10, NO_VALUE],
    [1, Number.POSITIVE_INFINITY, NO_VALUE],
    [Number.MAX_VALUE, Number.MIN_VALUE, NO_VALUE],
    [Number.POSITIVE_INFINITY, 1, NO_VALUE],
  ])('%d / %d → %s', (numerator, denominator, expected) => {
    expect(formatPercent(numerator, denominator)).toBe(expected);
  });

  it('shows "–" for a zero denominator, the en dash', () => {
    expect(formatPercent(3, 0)).toBe('\u2013');
  });
});

describe('formatProgress', () => {
  it.each([
    [20, 25, '20/25 (80%)'],
    [657, 1000, '657/1.000 (65,7%)'],
    [9016, 8500, '9.016/8.500 (106,07%)'],
    [3, 0, '3/0 (–)'],
  ])('%d of %d → %s', (actual, target, expected) => {
    expect(formatProgress(actual, target)).toBe(expected);
  });
});

describe('formatDate', () => {
  it.each([
    ['2024-02-29', '29/02/2024'],
    ['2025-01-01', '01/01/2025'],
    ['1999-12-31', '31/12/1999'],
    ['2025-03-01T10:00:00+07:00', '01/03/2025'],
    ['2025-03-01T23:59:59+07:00', '01/03/2025'],
    ['2025-03-01T00:00:00.000+07:00', '01/03/2025'],
    // Instants are shown on Vietnam's calendar (UTC+7), whatever the device's time zone.
    ['2025-03-01T20:00:00Z', '02/03/2025'],
    ['2025-03-01T16:59:59Z', '01/03/2025'],
    ['2024-12-31T17:00:00.000Z', '01/01/2025'],
    ['2025-03-01T01:00:00-05:00', '01/03/2025'],
    ['2025-03-01T10:00:00', '01/03/2025'], // no offset: its own date
    [' 2025-03-01 ', '01/03/2025'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });

  it.each([
    '',
    'không rõ',
    '2024-02-30',
    '2024-13-01',
    '29/02/2024',
    '2024-02-29T99:00:00Z',
    '20240229',
  ])('returns unreadable input %j unchanged', (input) => {
    expect(formatDate(input)).toBe(input);
  });
});
