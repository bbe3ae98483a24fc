/** Longer input is refused before any parsing, so hostile input costs nothing. */
export const MAX_INPUT_LENGTH = 100;

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

export function foldFullWidth(text: string): string {
  return text.replace(FULL_WIDTH_ASCII, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET),
  );
}

// Zero-width characters and controls arrive with copy-paste from chat apps and PDFs; they are
// invisible to the user, so they must not make two equal-looking names differ.
const INVISIBLE = /[\p{Cc}\u200B-\u200D\u2060\uFEFF]/gu;

/** Whitespace runs become one space, invisible characters go, ends are trimmed. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}
