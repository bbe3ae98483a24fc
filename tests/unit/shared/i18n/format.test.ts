import { describe, expect, it } from 'vitest';
import { formatCount, loadLanguage, t } from '../../../../src/shared/i18n';
import { formatMessage } from '../../../../src/shared/i18n/format';

const PLURAL = '{count, plural, =0 {no record} one {# record} other {# records}}';

describe('formatMessage', () => {
  it.each([
    ['{name}', { name: 'An' }, 'en-GB', 'An'],
    ['{n} và {n}', { n: 2 }, 'vi-VN', '2 và 2'],
    ['{count, number} doanh nghiệp', { count: 1200 }, 'vi-VN', '1.200 doanh nghiệp'],
    ['{count, number} enterprises', { count: 1200 }, 'en-GB', '1,200 enterprises'],
    ['{count, number}', { count: Number.NaN }, 'vi-VN', '–'],
    ['{count, number}', { count: '7' }, 'vi-VN', '7'],
    [PLURAL, { count: 0 }, 'en-GB', 'no record'],
    [PLURAL, { count: 1 }, 'en-GB', '1 record'],
    [PLURAL, { count: 2 }, 'en-GB', '2 records'],
    [PLURAL, { count: 1500 }, 'en-GB', '1,500 records'],
    ['{count, plural, other {# bản ghi}}', { count: 1 }, 'vi-VN', '1 bản ghi'],
    ['{count, plural, other {# bản ghi}}', { count: 2500 }, 'vi-VN', '2.500 bản ghi'],
    ['{n, plural, one {# of {who}} other {# of {who}}}', { n: 1, who: 'An' }, 'en-GB', '1 of An'],
    ['{missing}', {}, 'vi-VN', '{missing}'],
    ['{count, plural, one {x}', { count: 1 }, 'en-GB', '{count, plural, one {x}'],
    ['{count, plural, one {# item}}', { count: 3 }, 'en-GB', '{count, plural, one {# item}}'],
    ['a } b { c', { c: 1 }, 'en-GB', 'a } b { c'],
  ])('%s with %o in %s → %s', (template, params, locale, expected) => {
    expect(formatMessage(template, params, locale)).toBe(expected);
  });
});

describe('numbers', () => {
  const VALUES = [
    0,
    -0,
    1,
    7,
    42,
    999,
    1000,
    1001,
    1200,
    9999,
    10_000,
    123_456,
    1_000_000,
    12_345_678,
    -1,
    -999,
    -1000,
    -1200,
    -12_345_678,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
    2 ** 53,
    1.5,
    -0.25,
    1234.5,
    0.1 + 0.2,
  ];
  it.each(['vi-VN', 'en-GB', 'fr-FR'])(
    'are written in %s as Intl.NumberFormat writes them',
    (locale) => {
      const intl = new Intl.NumberFormat(locale, { signDisplay: 'negative' });
      for (const value of VALUES) {
        expect(formatMessage('{n, number}', { n: value }, locale), String(value)).toBe(
          intl.format(value),
        );
      }
    },
  );
});

describe('t with counts', () => {
  it('writes English plurals and numbers for English, Vietnamese ones for Vietnamese', async () => {
    await loadLanguage('en');
    expect(t('enterprise.count', { count: 1 }, 'en')).toBe('1 enterprise');
    expect(t('enterprise.count', { count: 2 }, 'en')).toBe('2 enterprises');
    expect(t('enterprise.count', { count: 2000 }, 'en')).toBe('2,000 enterprises');
    expect(t('enterprise.count', { count: 2000 }, 'vi')).toBe('2.000 doanh nghiệp');
    expect(formatCount(1200, 'en')).toBe('1,200');
    expect(formatCount(1200, 'vi')).toBe('1.200');
  });
});
