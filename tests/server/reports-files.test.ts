import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import type { TableCell } from '../../src/shared/domain';
import { type App, call, testApp } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';
import { accepted, download, storeRecords } from './reports-fixtures';
import { type CanTho, canThoScenario } from './reports-scenario';

const FIGURES = ['Kế hoạch năm', 'Thực hiện tháng', 'Lũy kế năm', 'Tỷ lệ %'];
const CORRECTION = 'điều chỉnh số liệu tháng 3';
const _ = null;

/**
 * April 2026 of reports-scenario.ts after March was closed and one more admission of 25 March
 * (at eB1, unit B) was recorded: counted by hand, for F, then A, N, B (4 columns each: target,
 * month, year to date, percent). Under each indicator it changed, the correction of March.
 */
const APRIL_TABLE: TableCell[][] = [
  [1, 'Kết nạp đoàn viên mới', 100, 1, 19, 19, 40, 1, 15, 37.5, _, 0, 1, '—', 20, 0, 3, 15],
  [_, CORRECTION, _, 1, _, _, _, _, _, _, _, _, _, _, _, 1, _, _],
  [2, 'Tăng thêm đoàn viên', 80, 0, 16, 20, _, 1, 15, '—', _, 0, 1, '—', 10, -1, 0, 0],
  [_, CORRECTION, _, 1, _, _, _, _, _, _, _, _, _, _, _, 1, _, _],
  [
    3,
    'Kết nạp đoàn viên khu vực phi kết cấu',
    _,
    0,
    0,
    '—',
    _,
    0,
    0,
    '—',
    _,
    0,
    0,
    '—',
    _,
    0,
    0,
    '—',
  ],
  [4, 'Thành lập mới CĐCS', 4, 1, 2, 50, 2, 0, 1, 50, _, 0, 0, '—', 1, 1, 1, 100],
  [5, 'CĐCS mới tại DN từ 25 lao động', 2, 0, 1, 50, 1, 0, 1, 100, _, 0, 0, '—', _, 0, 0, '—'],
  [6, 'Thành lập mới nghiệp đoàn cơ sở', 1, 1, 1, 100, _, 0, 0, '—', _, 0, 0, '—', _, 0, 0, '—'],
  [7, 'Giới thiệu đoàn viên ưu tú cho Đảng', 5, 0, 2, 40, _, 0, 0, '—', _, 0, 2, '—', _, 0, 0, '—'],
  [
    8,
    'Đoàn viên ưu tú được kết nạp vào Đảng',
    _,
    0,
    0,
    '—',
    _,
    0,
    0,
    '—',
    _,
    0,
    0,
    '—',
    _,
    0,
    0,
    '—',
  ],
];

function cellValue(value: ExcelJS.CellValue): TableCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new Error(`unexpected cell ${JSON.stringify(value)}`);
}

describe.each(storeFactories)('the monthly report as files on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let s: CanTho;
  let path: string;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    s = await canThoScenario(store);
    const closed = await call(app, 'POST', '/api/reports/closures', {
      token: s.people.F.supervisor.token,
      body: { unitId: s.F.id, year: 2026, month: 3 },
    });
    expect(closed.status).toBe(201);
    await storeRecords(store, { signups: [accepted(s.eB1.id, '2026-03-25')] });
    path = `/api/reports/monthly?unitId=${s.F.id}&year=2026&month=4`;
  });
  afterAll(() => dispose());

  it('XLSX: the title, the headings, every figure and percentage, read back with exceljs', async () => {
    const file = await download(app, s.people.F.supervisor, `${path}&format=xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="bao-cao-thang-2026-04.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes.buffer as ArrayBuffer);
    const ws = workbook.worksheets[0];
    if (!ws) throw new Error('no worksheet');

    expect(ws.getCell('A1').value).toBe('LĐLĐ TP. Cần Thơ');
    expect(ws.getCell('A2').value).toBe(
      'Báo cáo kết quả phát triển đoàn viên, thành lập CĐCS — tháng 4/2026',
    );
    expect(ws.getCell('A2').isMerged).toBe(true);
    const groups = ['C4', 'G4', 'K4', 'O4'].map((ref) => ws.getCell(ref).value);
    expect(groups).toEqual([
      'LĐLĐ TP. Cần Thơ',
      'CĐ các KCN',
      'CĐ ngành Y tế',
      'CĐ phường Ninh Kiều',
    ]);
    expect([ws.getCell('A4').value, ws.getCell('B4').value]).toEqual(['STT', 'Chỉ tiêu']);
    const headings = Array.from({ length: 16 }, (_, i) => ws.getRow(5).getCell(i + 3).value);
    expect(headings).toEqual([...FIGURES, ...FIGURES, ...FIGURES, ...FIGURES]);

    const body = APRIL_TABLE.map((_, r) =>
      Array.from({ length: 18 }, (_, c) => cellValue(ws.getRow(6 + r).getCell(c + 1).value)),
    );
    expect(body).toEqual(APRIL_TABLE);
    expect(ws.rowCount).toBe(5 + APRIL_TABLE.length);

    // Numbers are numbers with display formats; the sheet is set up for an office printer.
    expect(ws.getCell('E6').numFmt).toBe('#,##0');
    expect(ws.getCell('F6').numFmt).toBe('0.00');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 5 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('4:5');
    expect(ws.getColumn(2).width).toBeGreaterThan(30);
  });

  it('CSV: the same rows in UTF-8 with a byte order mark', async () => {
    const file = await download(app, s.people.F.supervisor, `${path}&format=csv`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="bao-cao-thang-2026-04.csv"',
    );
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(file.bytes.slice(3)).split('\r\n');
    const blank = ','.repeat(17);
    expect(lines.slice(0, 4)).toEqual([
      `LĐLĐ TP. Cần Thơ${blank}`,
      // The title holds a comma: quoted, as RFC 4180 says.
      `"Báo cáo kết quả phát triển đoàn viên, thành lập CĐCS — tháng 4/2026"${blank}`,
      `,,LĐLĐ TP. Cần Thơ,,,,CĐ các KCN,,,,CĐ ngành Y tế,,,,CĐ phường Ninh Kiều,,,`,
      ['STT', 'Chỉ tiêu', ...FIGURES, ...FIGURES, ...FIGURES, ...FIGURES].join(','),
    ]);
    const rows = lines.slice(4, 4 + APRIL_TABLE.length);
    expect(rows).toEqual(
      APRIL_TABLE.map((row) => row.map((cell) => (cell === null ? '' : String(cell))).join(',')),
    );
    expect(lines.slice(4 + APRIL_TABLE.length)).toEqual(['']);
  });

  it('a closed month’s XLSX says when its figures were closed', async () => {
    const march = `/api/reports/monthly?unitId=${s.F.id}&year=2026&month=3&format=xlsx`;
    const file = await download(app, s.people.F.supervisor, march);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes.buffer as ArrayBuffer);
    const ws = workbook.worksheets[0];
    expect(String(ws?.getCell('A3').value)).toMatch(/^Số liệu đã chốt ngày \d{2}\/\d{2}\/\d{4}$/);
    // The figures as sent: 17 admitted to the end of March, without the late one.
    expect(ws?.getRow(7).getCell(5).value).toBe(17);
  });
});
