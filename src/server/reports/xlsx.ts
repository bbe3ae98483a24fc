import ExcelJS from 'exceljs';
import type { TableCell } from '../../shared/domain';
import type { ColumnKind, Sheet, SheetRow } from './sheet';

/**
 * A sheet as an XLSX workbook (exceljs), laid out for an office: the unit's name and the title
 * above the table, bold headings with borders, the heading rows and the first columns frozen,
 * column widths set, A4 landscape fitted to one page wide with the headings repeated on every
 * printed page. Numbers stay numbers.
 *
 * Number formats: `#,##0` for counts and `0.00` for percentages. A number format cannot force
 * the decimal separator, and forcing only the thousands separator (a literal "." in a
 * conditional format) would print `10.291` beside `106.07` on a machine set to English, and
 * spreadsheet programs disagree on the minus sign of conditional sections. These two formats
 * follow the machine's regional settings: `10.291` and `106,07` on one set to Vietnamese, and
 * the same convention throughout on any other. Dates are dates shown `dd/mm/yyyy`.
 */

export const COUNT_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.00';
export const DATE_FORMAT = 'dd/mm/yyyy';

const A4 = 9; // exceljs's PaperSize.A4 (a const enum, not importable as a value)
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  count: COUNT_FORMAT,
  percent: PERCENT_FORMAT,
  date: DATE_FORMAT,
  year: '0',
};

/** An ISO date as the UTC midnight Excel stores it as; anything else as given. */
function cellValue(cell: TableCell, kind: ColumnKind): ExcelJS.CellValue {
  if (kind === 'date' && typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) {
    return new Date(`${cell}T00:00:00Z`);
  }
  return cell;
}

function addHeading(ws: ExcelJS.Worksheet, sheet: Sheet, width: number): void {
  sheet.heading.forEach((text, index) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, width);
    const cell = row.getCell(1);
    cell.font = index === 1 ? { bold: true, size: 14 } : { bold: index === 0, italic: index > 1 };
    cell.alignment = { horizontal: index === 0 ? 'left' : 'center', vertical: 'middle' };
  });
  ws.addRow([]);
}

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
}

/** The group row and the column headings; returns the number of the last heading row. */
function addHeaders(ws: ExcelJS.Worksheet, sheet: Sheet): number {
  const headers = sheet.columns.map((column) => column.header);
  if (!sheet.groups) {
    const row = ws.addRow(headers);
    styleHeader(row);
    return row.number;
  }
  const top = ws.addRow(headers.map(() => ''));
  const bottom = ws.addRow(headers);
  for (const group of sheet.groups) {
    top.getCell(group.firstColumn + 1).value = group.label;
    ws.mergeCells(top.number, group.firstColumn + 1, top.number, group.firstColumn + group.span);
  }
  // Columns outside every group (STT, Chỉ tiêu) span both heading rows.
  const grouped = new Set(
    sheet.groups.flatMap((g) => Array.from({ length: g.span }, (_, i) => g.firstColumn + i)),
  );
  sheet.columns.forEach((column, index) => {
    if (grouped.has(index)) return;
    top.getCell(index + 1).value = column.header;
    ws.mergeCells(top.number, index + 1, bottom.number, index + 1);
  });
  styleHeader(top);
  styleHeader(bottom);
  return bottom.number;
}

function addBody(ws: ExcelJS.Worksheet, sheet: Sheet, rows: readonly SheetRow[]): void {
  for (const row of rows) {
    const added = ws.addRow(
      row.cells.map((cell, i) => cellValue(cell, sheet.columns[i]?.kind ?? 'text')),
    );
    sheet.columns.forEach((column, index) => {
      const cell = added.getCell(index + 1);
      cell.border = BORDER;
      const format = FORMATS[column.kind];
      if (format !== undefined) cell.numFmt = format;
      if (column.kind !== 'text') cell.alignment = { horizontal: 'right' };
      if (row.secondary) cell.font = { italic: true };
    });
    if (row.secondary) added.getCell(2).alignment = { indent: 2 };
  }
}

/** The workbook's bytes. */
export async function xlsxBytes(sheet: Sheet): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sổ tay Vận động Công đoàn';
  const ws = workbook.addWorksheet(sheet.name, {
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = sheet.columns.map((column) => ({ width: column.width }));
  addHeading(ws, sheet, sheet.columns.length);
  const firstHeader = ws.rowCount + 1;
  const lastHeader = addHeaders(ws, sheet);
  addBody(ws, sheet, sheet.rows);
  ws.views = [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: lastHeader }];
  ws.pageSetup.printTitlesRow = `${firstHeader}:${lastHeader}`;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
