import { domainMessages } from './catalog/domain';
import { privacyMessages } from './catalog/privacy';
import { reportMessages } from './catalog/report';
import { uiMessages } from './catalog/ui';
import { vnMessages } from './catalog/vn';

/** UI languages, Vietnamese first. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const vi = {
  ...uiMessages.vi,
  ...vnMessages.vi,
  ...domainMessages.vi,
  ...privacyMessages.vi,
  ...reportMessages.vi,
};
export type MessageKey = keyof typeof vi;

const catalogue: Record<Lang, Record<MessageKey, string>> = {
  vi,
  en: {
    ...uiMessages.en,
    ...vnMessages.en,
    ...domainMessages.en,
    ...privacyMessages.en,
    ...reportMessages.en,
  },
};

export type MessageParams = Record<string, string | number>;

// The validators in src/shared have fixed signatures without a language argument, so the
// current language is module state that the UI sets once (and again when the user switches).
let current: Lang = 'vi';

export function setLanguage(lang: Lang): void {
  current = lang;
}

export function getLanguage(): Lang {
  return current;
}

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** Translate `key` in `lang` (default: the current language), filling `{name}` placeholders. */
export function t(key: MessageKey, params?: MessageParams, lang: Lang = current): string {
  const template = catalogue[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}
