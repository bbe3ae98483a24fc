import { describe, expect, it } from 'vitest';
import {
  hasMessage,
  LANGUAGES,
  type MessageKey,
  setLanguage,
  t,
} from '../../../../src/shared/i18n';
import { domainMessages } from '../../../../src/shared/i18n/catalog/domain';
import { uiMessages } from '../../../../src/shared/i18n/catalog/ui';
import { vnMessages } from '../../../../src/shared/i18n/catalog/vn';

type Part = { vi: Record<string, string>; en: Record<string, string> };
const parts: Record<string, Part> = { ui: uiMessages, vn: vnMessages, domain: domainMessages };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(parts))('catalogue part %s', (_name, part) => {
  it.each(Object.keys(part.vi))('%s is translated with the same placeholders', (key) => {
    const vi = part.vi[key] ?? '';
    const en = part.en[key] ?? '';
    expect(vi.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(placeholders(en)).toEqual(placeholders(vi));
    expect(vi).toBe(vi.normalize('NFC'));
  });

  it('has no key in English that Vietnamese lacks', () => {
    expect(Object.keys(part.en).sort()).toEqual(Object.keys(part.vi).sort());
  });
});

describe('catalogue parts', () => {
  it('never define the same key twice', () => {
    const keys = Object.values(parts).flatMap((part) => Object.keys(part.vi));
    expect(keys.length).toBe(new Set(keys).size);
  });
});

describe('t', () => {
  it('answers in the current language, Vietnamese by default', () => {
    expect(t('nav.enterprises')).toBe('Doanh nghiệp');
    setLanguage('en');
    expect(t('nav.enterprises')).toBe('Enterprises');
    setLanguage('vi');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('storage.usage', { used: '1 MB', quota: '2 GB' })).toBe(
      'Đã dùng 1 MB trên 2 GB cho phép.',
    );
    expect(t('storage.usage', { used: '1 MB' })).toBe('Đã dùng 1 MB trên {quota} cho phép.');
  });

  it.each(LANGUAGES)('knows every key in %s', (lang) => {
    expect(t('app.name', undefined, lang)).not.toBe('');
  });

  it('tells known keys from unknown ones', () => {
    expect(hasMessage('nav.sync' satisfies MessageKey)).toBe(true);
    expect(hasMessage('nope.nothing')).toBe(false);
  });
});
