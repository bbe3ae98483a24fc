import { isLang, type Lang, loadLanguage, setLanguage } from '../shared/i18n';

const STORAGE_KEY = 'sotay.lang';

/**
 * Restores the language the user chose last time (Vietnamese by default), once its messages are
 * loaded (English is a chunk of its own, precached for offline use).
 */
export async function restoreLanguage(): Promise<Lang> {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (private mode); the default language is fine then.
  }
  const lang = isLang(saved) ? saved : 'vi';
  // A chunk that fails to load (storage evicted) leaves the app usable in Vietnamese.
  const loaded = await loadLanguage(lang).then(
    () => lang,
    (): Lang => 'vi',
  );
  applyLanguage(loaded);
  return loaded;
}

export async function chooseLanguage(lang: Lang): Promise<void> {
  await loadLanguage(lang);
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
