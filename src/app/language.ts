import { isLang, type Lang, setLanguage } from '../shared/i18n';

const STORAGE_KEY = 'sotay.lang';

/** Restores the language the user chose last time (Vietnamese by default). */
export function restoreLanguage(): Lang {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (private mode); the default language is fine then.
  }
  const lang = isLang(saved) ? saved : 'vi';
  applyLanguage(lang);
  return lang;
}

export function chooseLanguage(lang: Lang): void {
  applyLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but still applied for this session.
  }
}

function applyLanguage(lang: Lang): void {
  setLanguage(lang);
  document.documentElement.lang = lang;
}
