import type { TableCell } from '../../shared/domain';
import { formatDate } from '../../shared/vn/format';
import type { ColumnKind, Sheet } from './sheet';

/**
 * A sheet as CSV (RFC 4180: commas, CRLF, quotes doubled), in UTF-8 with a byte order mark so
 * that Excel reads the Vietnamese diacritics. The same rows as the workbook: heading lines, the
 * group row, the column headings, the rows. Numbers are written plainly (`10291`, `106.07`) so
 * that any program reads them back as numbers; dates as `dd/mm/yyyy`.
 */

const BOM = '\uFEFF';

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellText(cell: TableCell, kind: ColumnKind): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return kind === 'date' ? formatDate(cell) : cell;
}

function line(cells: readonly string[]): string {
  return cells.map(field).join(',');
}

export function csvText(sheet: Sheet): string {
  const width = sheet.columns.length;
  const lines = sheet.heading.map((text) => line([text, ...Array<string>(width - 1).fill('')]));
  if (sheet.groups) {
    const groups = Array<string>(width).fill('');
    for (const group of sheet.groups) groups[group.firstColumn] = group.label;
    lines.push(line(groups));
  }
  lines.push(line(sheet.columns.map((column) => column.header)));
  for (const row of sheet.rows) {
    lines.push(line(row.cells.map((cell, i) => cellText(cell, sheet.columns[i]?.kind ?? 'text'))));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
