import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countryOptions } from '../../../src/app/countries';
import { formatDay, formatPhone, telHref } from '../../../src/app/format';
import { acceptUndo, currentUndo, offerUndo } from '../../../src/app/undo';
import { loadLanguage, setLanguage } from '../../../src/shared/i18n';

beforeAll(() => loadLanguage('en'));
afterEach(() => setLanguage('vi'));

describe('phones as written in Vietnam', () => {
  it.each([
    ['+84918123456', '0918 123 456', 'tel:+84918123456'],
    ['0918.123.456', '0918 123 456', 'tel:+84918123456'],
    ['+842923812345', '0292 3812 345', 'tel:+842923812345'],
    ['not a phone', 'not a phone', 'tel:'],
    ['+33 6 12 34 56 78', '+33 6 12 34 56 78', 'tel:+33612345678'],
  ])('%s → %s, %s', (stored, shown, href) => {
    expect(formatPhone(stored)).toBe(shown);
    expect(telHref(stored)).toBe(href);
  });
});

describe('dates in the UI language', () => {
  it.each([
    ['vi', '2026-03-15', '15/03/2026'],
    ['en', '2026-03-15', '15 Mar 2026'],
    // 20:00 UTC is the next morning in Vietnam.
    ['en', '2026-03-14T20:00:00Z', '15 Mar 2026'],
    ['en', 'not a date', 'not a date'],
  ] as const)('%s: %s → %s', (lang, iso, shown) => {
    setLanguage(lang);
    expect(formatDay(iso)).toBe(shown);
  });
});

describe('countryOptions', () => {
  it.each([
    ['vi', 'Việt Nam', 'Hàn Quốc'],
    ['en', 'Vietnam', 'South Korea'],
  ] as const)('%s: Vietnam first, every country named', (lang, vietnam, korea) => {
    const options = countryOptions(lang);
    expect(options[0]).toEqual({ value: 'VN', label: vietnam });
    expect(options).toHaveLength(249);
    expect(options.find((o) => o.value === 'KR')?.label).toBe(korea);
    const rest = options.slice(1).map((o) => o.label);
    expect(rest).toEqual([...rest].sort(new Intl.Collator(lang).compare));
  });
});

describe('undo offers', () => {
  it('runs the undo once, and a newer offer replaces an older one', async () => {
    const undone: string[] = [];
    offerUndo('first', async () => undone.push('first'));
    const first = currentUndo();
    offerUndo('second', async () => undone.push('second'));
    const second = currentUndo();
    expect(second?.message).toBe('second');
    if (first) await acceptUndo(first);
    expect(undone).toEqual([]);
    if (second) {
      await acceptUndo(second);
      await acceptUndo(second);
    }
    expect(undone).toEqual(['second']);
    expect(currentUndo()).toBeUndefined();
  });
});
