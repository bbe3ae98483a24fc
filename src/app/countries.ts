import { getLanguage, localeOf } from '../shared/i18n';
import { countryCodes, DEFAULT_NATIONALITY } from '../shared/schemas';

export type CountryOption = { value: string; label: string };

const cache = new Map<string, readonly CountryOption[]>();

/**
 * Nationalities to choose from, named in the UI language by the browser (Intl.DisplayNames):
 * Vietnam first (nearly every applicant), then every other country by name.
 */
export function countryOptions(lang = getLanguage()): readonly CountryOption[] {
  const cached = cache.get(lang);
  if (cached) return cached;
  const locale = localeOf(lang);
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  const option = (value: string) => ({ value, label: names.of(value) ?? value });
  const others = countryCodes()
    .filter((code) => code !== DEFAULT_NATIONALITY)
    .map(option)
    .sort((a, b) => collator.compare(a.label, b.label));
  const options = [option(DEFAULT_NATIONALITY), ...others];
  cache.set(lang, options);
  return options;
}
