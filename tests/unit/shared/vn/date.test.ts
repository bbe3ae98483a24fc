import { describe, expect, it } from 'vitest';
import { isValid, parseDate } from '../../../../src/shared/vn';
import { codes } from './support';

describe('parseDate', () => {
  it.each([
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'], // divisible by 400: leap
    ['28/02/2023', '2023-02-28'],
    ['31/12/2024', '2024-12-31'],
    ['01/01/2025', '2025-01-01'],
    ['1/1/2025', '2025-01-01'],
    ['9/7/1999', '1999-07-09'],
    ['30/04/1975', '1975-04-30'],
    ['31/01/2024', '2024-01-31'],
    ['31/03/2024', '2024-03-31'],
    ['30/06/2024', '2024-06-30'],
    ['31/08/2024', '2024-08-31'],
    ['30/11/2024', '2024-11-30'],
    ['29-02-2024', '2024-02-29'],
    ['29.02.2024', '2024-02-29'],
    ['2024-02-29', '2024-02-29'],
    ['2024-2-9', '2024-02-09'],
    ['1999-12-31', '1999-12-31'],
    [' 02/09/1945 ', '1945-09-02'],
    ['02 / 09 / 1945', '1945-09-02'],
    ['０２/０９/１９４５', '1945-09-02'],
  ])('accepts %j as %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ value: expected, issues: [] });
  });

  it.each([
    ['', ['date.required']],
    ['  ', ['date.required']],
    ['29/02/2023', ['date.invalid']],
    ['29/02/1900', ['date.invalid']], // divisible by 100, not 400: not leap
    ['30/02/2024', ['date.invalid']],
    ['31/04/2024', ['date.invalid']],
    ['31/06/2024', ['date.invalid']],
    ['31/09/2024', ['date.invalid']],
    ['31/11/2024', ['date.invalid']],
    ['32/01/2024', ['date.invalid']],
    ['00/01/2024', ['date.invalid']],
    ['01/00/2024', ['date.month']],
    ['01/13/2024', ['date.month']],
    ['12/31/2024', ['date.month']], // month-first (US) order
    ['2024-02-30', ['date.invalid']],
    ['2024-13-01', ['date.month']],
    ['01/01/0999', ['date.year']],
    ['01/01/24', ['date.format']],
    ['01/01/02024', ['date.format']],
    ['29/02-2024', ['date.format']],
    ['29 02 2024', ['date.format']],
    ['29022024', ['date.format']],
    ['2024/02/29', ['date.format']],
    ['2024-02-29T10:00:00+07:00', ['date.format']],
    ['hôm nay', ['date.format']],
    ['29/02/2024 ☀', ['date.format']],
    ['-1/01/2024', ['date.format']],
    ['1e1/01/2024', ['date.format']],
    ['1/1/2024'.repeat(13), ['date.too_long']],
  ])('refuses %j with %j', (input, expected) => {
    const result = parseDate(input);
    expect(codes(result)).toEqual(expected);
    expect(isValid(result)).toBe(false);
    expect(result.value).toBeUndefined();
  });

  it('uses the date field by default and the field the caller names', () => {
    expect(parseDate('x').issues[0]?.field).toBe('date');
    expect(parseDate('x', 'dateOfBirth').issues[0]?.field).toBe('dateOfBirth');
  });
});
