import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  endOfMonth,
  inPeriod,
  monthPeriod,
  type Period,
  periodLabel,
  periodRange,
  periodYear,
  quarterOf,
  quarterPeriod,
  yearToDate,
  yearToMonthEnd,
} from '../../../../src/shared/domain';
import { loadLanguage, setLanguage } from '../../../../src/shared/i18n';

beforeAll(() => loadLanguage('en'));

afterEach(() => setLanguage('vi'));

describe('periodRange', () => {
  it.each<[Period, string, string]>([
    [monthPeriod(2025, 3), '2025-03-01', '2025-03-31'],
    [monthPeriod(2024, 2), '2024-02-01', '2024-02-29'],
    [monthPeriod(2025, 2), '2025-02-01', '2025-02-28'],
    [monthPeriod(2025, 12), '2025-12-01', '2025-12-31'],
    [yearToDate('2025-06-15'), '2025-01-01', '2025-06-15'],
    [quarterPeriod(2025, 1), '2025-01-01', '2025-03-31'],
    [quarterPeriod(2024, 1), '2024-01-01', '2024-03-31'],
    [quarterPeriod(2025, 2), '2025-04-01', '2025-06-30'],
    [quarterPeriod(2025, 3), '2025-07-01', '2025-09-30'],
    [quarterPeriod(2025, 4), '2025-10-01', '2025-12-31'],
    [yearToMonthEnd(2024, 2), '2024-01-01', '2024-02-29'],
  ])('%j → %s … %s', (period, from, to) => {
    expect(periodRange(period)).toEqual({ from, to });
  });
});

describe('inPeriod', () => {
  it.each<[string | undefined, Period, boolean]>([
    ['2025-03-01', monthPeriod(2025, 3), true],
    ['2025-03-31', monthPeriod(2025, 3), true],
    ['2025-04-01', monthPeriod(2025, 3), false],
    ['2025-02-28', monthPeriod(2025, 3), false],
    ['2025-01-01', yearToDate('2025-03-31'), true],
    ['2025-03-31', yearToDate('2025-03-31'), true],
    ['2025-04-01', yearToDate('2025-03-31'), false],
    ['2024-12-31', yearToDate('2025-03-31'), false],
    [undefined, monthPeriod(2025, 3), false],
    ['2025-03-10T10:00:00+07:00', monthPeriod(2025, 3), false],
    ['2025-03-31', quarterPeriod(2025, 1), true],
    ['2025-04-01', quarterPeriod(2025, 1), false],
    ['2025-09-30', yearToDate('2025-09-30'), true],
    ['2025-10-01', yearToDate('2025-09-30'), false],
  ])('%s in %j → %s', (date, period, expected) => {
    expect(inPeriod(date, period)).toBe(expected);
  });
});

describe('periodYear and periodLabel', () => {
  it('takes the year of the period', () => {
    expect(periodYear(monthPeriod(2025, 7))).toBe(2025);
    expect(periodYear(yearToDate('2024-11-30'))).toBe(2024);
    expect(periodYear(quarterPeriod(2023, 4))).toBe(2023);
  });

  it.each<[number, number]>([
    [1, 1],
    [3, 1],
    [4, 2],
    [9, 3],
    [10, 4],
    [12, 4],
  ])('month %i is in quarter %i', (month, quarter) => {
    expect(quarterOf(month)).toBe(quarter);
  });

  it.each<[number, number, string]>([
    [2025, 2, '2025-02-28'],
    [2024, 2, '2024-02-29'],
    [2025, 4, '2025-04-30'],
    [2025, 12, '2025-12-31'],
  ])('%i-%i ends on %s', (year, month, last) => {
    expect(endOfMonth(year, month)).toBe(last);
  });

  it.each<[Period, string, string]>([
    [monthPeriod(2025, 3), 'Tháng 3/2025', 'Month 3/2025'],
    [yearToDate('2025-03-31'), 'Lũy kế đến 31/03/2025', 'Year to date (31/03/2025)'],
    [quarterPeriod(2025, 2), 'Quý 2/2025', 'Quarter 2/2025'],
  ])('%j', (period, vi, en) => {
    expect(periodLabel(period)).toBe(vi);
    setLanguage('en');
    expect(periodLabel(period)).toBe(en);
  });
});
