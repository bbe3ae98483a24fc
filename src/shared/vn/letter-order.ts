/*
 * The order of two names by their letters alone, as Intl.Collator('vi') orders them when their
 * letters differ, without making a collator: making the first one loads the collation data of
 * ICU, 30–40 ms of a slow phone (npm run bench, coldStart), which the list's first screen of a
 * dozen names should not wait for.
 *
 * A collator compares the letters of two strings first (the primary level) and looks at tone
 * marks and case only when every letter is the same. Vietnamese (CLDR) has its own letters ă, â,
 * đ, ê, ô, ơ and ư, each right after the letter it is built on; tone marks (huyền, hỏi, ngã,
 * sắc, nặng) and case are not letter differences. Spaces come before digits, digits before
 * letters. Anything else (punctuation, other scripts, other marks) has an order this module
 * does not know: it then answers undefined, and the caller asks a collator, as it does when the
 * letters are the same. The unit test compares its answers with a collator's.
 */

const LETTERS = ' 0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const RANK = new Map([...LETTERS].map((letter, rank) => [letter, rank]));
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

/** The ranks of the letters of `text`, or undefined when it holds a character not in LETTERS. */
function letterRanks(text: string): number[] | undefined {
  const decomposed = text.normalize('NFD').toLowerCase().replace(TONE_MARKS, '');
  const ranks: number[] = [];
  for (let i = 0; i < decomposed.length; i += 1) {
    let letter = decomposed.charAt(i);
    const mark = decomposed.charAt(i + 1);
    if (LETTER_MARKS.has(mark)) {
      const built = BUILT_LETTERS.get(letter + mark);
      if (built === undefined) return undefined;
      letter = built;
      i += 1;
    }
    const rank = RANK.get(letter);
    if (rank === undefined) return undefined;
    ranks.push(rank);
  }
  return ranks;
}

/**
 * Negative when `a` comes first in Vietnamese order, positive when `b` does, undefined when their
 * letters alone cannot say (the same letters, or a character this module does not order).
 */
export function compareByLetters(a: string, b: string): number | undefined {
  const left = letterRanks(a);
  const right = letterRanks(b);
  if (left === undefined || right === undefined) return undefined;
  const shorter = Math.min(left.length, right.length);
  for (let i = 0; i < shorter; i += 1) {
    const difference = (left[i] as number) - (right[i] as number);
    if (difference !== 0) return difference;
  }
  return left.length === right.length ? undefined : left.length - right.length;
}
