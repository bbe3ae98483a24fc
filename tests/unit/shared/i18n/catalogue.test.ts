import { beforeAll, describe, expect, it } from 'vitest';
import {
  addScreenMessages,
  hasMessage,
  LANGUAGES,
  loadLanguage,
  type MessageKey,
  setLanguage,
  t,
} from '../../../../src/shared/i18n';
import { domainVi } from '../../../../src/shared/i18n/catalog/domain';
import { domainEn } from '../../../../src/shared/i18n/catalog/domain.en';
import { fieldsVi } from '../../../../src/shared/i18n/catalog/fields';
import { fieldsEn } from '../../../../src/shared/i18n/catalog/fields.en';
import { lockVi } from '../../../../src/shared/i18n/catalog/lock';
import { lockEn } from '../../../../src/shared/i18n/catalog/lock.en';
import { progressVi } from '../../../../src/shared/i18n/catalog/progress';
import { progressEn } from '../../../../src/shared/i18n/catalog/progress.en';
import { rulesVi } from '../../../../src/shared/i18n/catalog/rules';
import { rulesEn } from '../../../../src/shared/i18n/catalog/rules.en';
import { supervisorVi } from '../../../../src/shared/i18n/catalog/supervisor';
import { supervisorEn } from '../../../../src/shared/i18n/catalog/supervisor.en';
import { syncVi } from '../../../../src/shared/i18n/catalog/sync-screen';
import { syncEn } from '../../../../src/shared/i18n/catalog/sync-screen.en';
import { uiVi } from '../../../../src/shared/i18n/catalog/ui';
import { uiEn } from '../../../../src/shared/i18n/catalog/ui.en';
import { vnVi } from '../../../../src/shared/i18n/catalog/vn';
import { vnEn } from '../../../../src/shared/i18n/catalog/vn.en';

type Part = { vi: Record<string, string>; en: Record<string, string> };
const parts: Record<string, Part> = {
  ui: { vi: uiVi, en: uiEn },
  vn: { vi: vnVi, en: vnEn },
  domain: { vi: domainVi, en: domainEn },
  rules: { vi: rulesVi, en: rulesEn },
  fields: { vi: fieldsVi, en: fieldsEn },
  progress: { vi: progressVi, en: progressEn },
  supervisor: { vi: supervisorVi, en: supervisorEn },
  sync: { vi: syncVi, en: syncEn },
  lock: { vi: lockVi, en: lockEn },
};
// The arguments a template uses: `{count}`, `{count, number}` and `{count, plural, …}` all name
// `count`; the words inside a plural's branches (`one {# record}`) are not arguments.
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

beforeAll(() => loadLanguage('en'));

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

  it('knows a screen part in Vietnamese once its chunk added it, and in English with the rest', () => {
    expect(t('progress.tab.review')).toBe('progress.tab.review');
    addScreenMessages(progressVi);
    expect(t('progress.tab.review')).toBe('Rà soát');
    expect(t('progress.tab.review', undefined, 'en')).toBe('Review');
    expect(t('progress.review.count', { count: 1_200 })).toBe('1.200 doanh nghiệp');
  });

  it('tells known keys from unknown ones', () => {
    expect(hasMessage('nav.sync' satisfies MessageKey)).toBe(true);
    expect(hasMessage('nope.nothing')).toBe(false);
  });
});
