/**
 * The part of ICU MessageFormat the catalogue uses, on the browser's own Intl:
 *   {name}                                  the value as given
 *   {name, number}                          a number in the locale (`1.200` / `1,200`)
 *   {name, plural, one {…} other {…}}       Intl.PluralRules picks the branch; `#` inside it is
 *                                           the number in the locale; `=0 {…}` matches exactly
 * Hand-written because a MessageFormat library (10 KB gzip and more) would not fit the first
 * screen's 60 KB budget, and these three forms are all the catalogue needs.
 */
export type MessageParams = Record<string, string | number>;

const NO_NUMBER = '–';

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** How Intl.NumberFormat groups the digits of a whole number in the app's locales. */
const THOUSANDS_SEPARATORS: Readonly<Record<string, string>> = { 'vi-VN': '.', 'en-GB': ',' };

/**
 * A whole number as Intl.NumberFormat writes it in the app's two locales (`1.200`, `1,200`),
 * without making one: ICU's number formatter costs a slow phone 30 ms to make, which the list's
 * first screen, showing only counts, paid before its rows (npm run bench, coldStart). Undefined
 * for anything else, which Intl formats. The unit test holds it to Intl's output.
 */
function wholeNumberIn(locale: string, value: number): string | undefined {
  const separator = THOUSANDS_SEPARATORS[locale];
  if (separator === undefined || !Number.isSafeInteger(value)) return undefined;
  const grouped = String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, separator);
  return value < 0 ? `-${grouped}` : grouped;
}

function numberIn(locale: string, value: string | number | undefined): string {
  if (typeof value !== 'number') return value ?? NO_NUMBER;
  if (!Number.isFinite(value)) return NO_NUMBER;
  const whole = wholeNumberIn(locale, value);
  if (whole !== undefined) return whole;
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { signDisplay: 'negative' });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

function pluralCategory(locale: string, value: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(value);
}

/** Index of the `}` that closes the `{` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** `one {# record} other {# records}` → { one: '# record', other: '# records' }. */
function pluralOptions(text: string): Map<string, string> {
  const options = new Map<string, string>();
  let rest = text;
  for (;;) {
    const match = /^\s*(=?\w+)\s*\{/.exec(rest);
    if (!match) return options;
    const open = match[0].length - 1;
    const end = closing(rest, open);
    if (end < 0) return options;
    options.set(match[1] ?? '', rest.slice(open + 1, end));
    rest = rest.slice(end + 1);
  }
}

function argument(body: string, params: MessageParams, locale: string): string | undefined {
  const match = /^\s*(\w+)\s*(?:,\s*(number|plural)\s*(?:,([\s\S]*))?)?$/.exec(body);
  if (!match) return undefined;
  const [, name = '', kind, options = ''] = match;
  const value = params[name];
  if (value === undefined) return undefined;
  if (kind === undefined) return String(value);
  if (kind === 'number') return numberIn(locale, value);
  const count = typeof value === 'number' ? value : Number(value);
  const branches = pluralOptions(options);
  const branch =
    branches.get(`=${count}`) ??
    branches.get(pluralCategory(locale, count)) ??
    branches.get('other');
  if (branch === undefined) return undefined;
  return formatMessage(branch.replace(/#/g, numberIn(locale, value)), params, locale);
}

/** Fills `template`'s arguments from `params`; an unknown or malformed one stays as written. */
export function formatMessage(template: string, params: MessageParams, locale: string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const end = closing(template, open);
    if (end < 0) break;
    out += template.slice(i, open);
    const whole = template.slice(open, end + 1);
    out += argument(template.slice(open + 1, end), params, locale) ?? whole;
    i = end + 1;
  }
  return out + template.slice(i);
}
