import { cleanText } from './text';

const COMBINING_MARKS = /\p{M}/gu;
// Đ/đ are letters of their own, not D plus a mark, so NFD leaves them; Ð/ð (Icelandic eth)
// come out of old TCVN3/VNI converters in place of Đ/đ and look identical.
const D_WITH_STROKE = /[\u0110\u0111\u00D0\u00F0]/g;

/**
 * Accent-insensitive key for searching and matching: "Hoà" = "Hòa" = "HOA" = "hoa", whatever
 * the keyboard sent (NFC, Unikey's NFD, old or new tone placement).
 */
export function searchKey(text: string): string {
  if (typeof text !== 'string') return '';
  // Cleaned last: removing a mark can leave a space at an end ("a \u0300").
  return cleanText(
    text.normalize('NFD').replace(COMBINING_MARKS, '').replace(D_WITH_STROKE, 'd').toLowerCase(),
  );
}

// A name part starts at the beginning, or after a hyphen or apostrophe (Ê Đê and Gia Rai names
// such as "H'Hen Niê", "Y-Moan"), each of which gets a capital letter.
const PART_START = /(^|[-'\u2019])(\p{L})/gu;

/**
 * A person's name as stored: NFC, single spaces, each word capitalised ("ĐẶNG THỊ" → "Đặng Thị").
 * Tone placement is kept as typed ("Hoà" stays "Hoà", "Hòa" stays "Hòa"): both spellings are
 * correct, and the name must match the one on the person's CCCD. searchKey makes them equal.
 */
export function normalizeName(text: string): string {
  if (typeof text !== 'string') return '';
  // NFC again at the end: case mapping can produce sequences NFC would compose.
  const words = cleanText(text.normalize('NFC')).split(' ');
  return words.map(capitaliseWord).join(' ').normalize('NFC');
}

function capitaliseWord(word: string): string {
  return word.toLowerCase().replace(PART_START, (_, before: string, letter: string) => {
    // Ligatures such as "ﬀ" upper-case to two letters; leave them alone so a second pass
    // does not change the result.
    const upper = letter.toUpperCase();
    return before + (upper.length === letter.length ? upper : letter);
  });
}
