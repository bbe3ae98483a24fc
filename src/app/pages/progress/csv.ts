/**
 * CSV as the server's exports write it (RFC 4180: commas, CRLF, quotes doubled), in UTF-8 with a
 * byte order mark so that Excel reads the Vietnamese diacritics; numbers plainly (`1200`) so that
 * a spreadsheet reads them as numbers.
 */
export type CsvCell = string | number | undefined;

const BOM = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula: an enterprise
 * named "=HYPERLINK(…)" must stay text, so such text gets a leading apostrophe.
 */
function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(cell: CsvCell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = safeText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return `${BOM}${rows.map((cells) => cells.map(field).join(',')).join('\r\n')}\r\n`;
}
