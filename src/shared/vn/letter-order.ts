/*
 * The order of two names by their letters alone, as Intl.Collator('vi') orders them when their
 * letters differ, without making a collator: making the first one loads the collation data of
 * ICU, 30–60 ms of a slow phone (npm run bench, coldStart), which the enterprise list should not
 * pay at all for names it can order by their letters.
 *
 * A collator compares the letters of two strings first (the primary level) and looks at tone
 * marks and case only when every letter is the same. Vietnamese (CLDR) has its own letters ă, â,
 * đ, ê, ô, ơ and ư, each right after the letter it is built on; tone marks (huyền, hỏi, ngã,
 * sắc, nặng) and case are not letter differences. Spaces and the ASCII punctuation and symbols
 * come first, in the collator's own order (CLDR's root order, punctuation not ignored), then
 * digits, then letters. Anything else (other scripts, other marks, other spaces) has an order
 * this module does not know: a name's key then holds its letters up to that character only, and
 * where that is not enough the caller asks a collator, as it does when the letters are the same.
 * The unit test compares its answers with a collator's.
 */

const LETTERS = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
/** Each letter's rank as one character: a key's characters then compare as its letters do. */
const RANK = new Map(
  [...LETTERS].map((letter, rank) => [letter, String.fromCharCode(0x100 + rank)]),
);
/** Ends the key of a name with a character this module does not order; no rank is this. */
const CUT = '\uffff';
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** A base letter and the mark (breve, circumflex, horn) that makes it a letter of its own. */
const BUILT_LETTERS = new Map([
  ['a\u0306', 'ă'],
  ['a\u0302', 'â'],
  ['e\u0302', 'ê'],
  ['o\u0302', 'ô'],
  ['o\u031b', 'ơ'],
  ['u\u031b', 'ư'],
]);
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031b']);

/**
 * The letters of `text` as a string that orders as the collator orders letters (`<`): one
 * character per letter, tone marks and case left out. When `text` holds a character this module
 * does not order, the key holds the letters before it and ends with CUT.
 */
export function letterKey(text: string): string {
  const decomposed = text.normalize('NFD').toLowerCase().replace(TONE_MARKS, '');
  let key = '';
  for (let i = 0; i < decomposed.length; i += 1) {
    let letter = decomposed.charAt(i);
    const mark = decomposed.charAt(i + 1);
    if (LETTER_MARKS.has(mark)) {
      const built = BUILT_LETTERS.get(letter + mark);
      if (built === undefined) return key + CUT;
      letter = built;
      i += 1;
    }
    const rank = RANK.get(letter);
    if (rank === undefined) return key + CUT;
    key += rank;
  }
  return key;
}

/** The part of a key that says something: its letters before a CUT. */
function knownLetters(key: string): string | undefined {
  return key.endsWith(CUT) ? key.slice(0, -1) : undefined;
}

/**
 * Negative when the name of key `a` comes first in Vietnamese order, positive when that of `b`
 * does, undefined when their letters alone cannot say: the same letters, or one key cut where
 * the other still has the same letters (the character that cut it decides, unknown here).
 */
export function compareLetterKeys(a: string, b: string): number | undefined {
  if (a === b) return undefined;
  const knownA = knownLetters(a);
  if (knownA !== undefined && b.startsWith(knownA)) return undefined;
  const knownB = knownLetters(b);
  if (knownB !== undefined && a.startsWith(knownB)) return undefined;
  return a < b ? -1 : 1;
}
