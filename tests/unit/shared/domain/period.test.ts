import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  inPeriod,
  monthPeriod,
  type Period,
  periodLabel,
  periodRange,
  periodYear,
  yearToDate,
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
  ])('%s in %j → %s', (date, period, expected) => {
    expect(inPeriod(date, period)).toBe(expected);
  });
});

describe('periodYear and periodLabel', () => {
  it('takes the year of the period', () => {
    expect(periodYear(monthPeriod(2025, 7))).toBe(2025);
    expect(periodYear(yearToDate('2024-11-30'))).toBe(2024);
  });

  it.each<[Period, string, string]>([
    [monthPeriod(2025, 3), 'Tháng 3/2025', 'Month 3/2025'],
    [yearToDate('2025-03-31'), 'Lũy kế đến 31/03/2025', 'Year to date (31/03/2025)'],
  ])('%j', (period, vi, en) => {
    expect(periodLabel(period)).toBe(vi);
    setLanguage('en');
    expect(periodLabel(period)).toBe(en);
  });
});
