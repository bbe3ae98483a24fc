import { domainVi } from './catalog/domain';
import type { fieldsVi } from './catalog/fields';
import type { lockVi } from './catalog/lock';
import { privacyVi } from './catalog/privacy';
import type { progressVi } from './catalog/progress';
import type { reportVi } from './catalog/report';
import type { rulesVi } from './catalog/rules';
import type { supervisorVi } from './catalog/supervisor';
import type { syncVi } from './catalog/sync-screen';
import { uiVi } from './catalog/ui';
import type { vnVi } from './catalog/vn';
import { formatMessage, type MessageParams } from './format';

/** UI languages, Vietnamese first. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const core = { ...uiVi, ...domainVi, ...privacyVi };
/**
 * Parts of the catalogue that only screens loaded on demand use, or the code that makes findings
 * (the validators' and the rules' messages): their Vietnamese travels in that code's own chunk
 * (addScreenMessages), so the first screen's 60 KB budget does not carry it; their English is in
 * the English chunk with the rest.
 */
type ScreenParts = typeof fieldsVi &
  typeof vnVi &
  typeof rulesVi &
  typeof progressVi &
  typeof reportVi &
  typeof supervisorVi &
  typeof syncVi &
  typeof lockVi;
export type MessageKey = keyof typeof core | keyof ScreenParts;
export type Catalogue = Record<MessageKey, string>;
export type { MessageParams };

const vi: Partial<Catalogue> = { ...core };

/**
 * Vietnamese is always here; English is loaded when chosen (loadLanguage), so the first screen
 * of a Vietnamese user carries one language. Until it is loaded, `t` answers in Vietnamese.
 */
const catalogues: Partial<Record<Lang, Partial<Catalogue>>> = { vi };

/** Adds the Vietnamese of a screen's part (ScreenParts), from that screen's chunk. */
export function addScreenMessages(part: Partial<Catalogue>): void {
  Object.assign(vi, part);
}

// The validators in src/shared have fixed signatures without a language argument, so the
// current language is module state that the UI sets once (and again when the user switches).
let current: Lang = 'vi';

/** Makes `lang`'s messages available (a chunk of their own for English). */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (catalogues[lang]) return;
  const { en } = await import('./catalog/en');
  catalogues.en = en;
}

export function setLanguage(lang: Lang): void {
  current = lang;
}

export function getLanguage(): Lang {
  return current;
}

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** The BCP 47 locale of a UI language for Intl: numbers and dates as its readers write them. */
export function localeOf(lang: Lang = current): string {
  return lang === 'vi' ? 'vi-VN' : 'en-GB';
}

/**
 * Translate `key` in `lang` (default: the current language). Templates are a small part of ICU
 * MessageFormat: `{name}`, `{count, number}` and `{count, plural, one {# record} other {# records}}`
 * (see format.ts); unknown placeholders stay visible.
 */
export function t(key: MessageKey, params?: MessageParams, lang: Lang = current): string {
  // A screen's key is known once its chunk ran addScreenMessages; before, the key shows as is.
  const template = catalogues[lang]?.[key] ?? vi[key] ?? key;
  if (!params) return template;
  return formatMessage(template, params, localeOf(lang));
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}

/** A count in the current language: `1.200` in Vietnamese, `1,200` in English; NaN → "–". */
export function formatCount(n: number, lang: Lang = current): string {
  return formatMessage('{n, number}', { n }, localeOf(lang));
}
