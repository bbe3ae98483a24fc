import { describe, expect, it } from 'vitest';
import {
  type MonthlyReport,
  NO_PERCENT,
  type ReportRow,
  reportTable,
} from '../../../../src/shared/domain';
import { addScreenMessages } from '../../../../src/shared/i18n';
import { reportVi } from '../../../../src/shared/i18n/catalog/report';
import { INDICATORS } from '../../../../src/shared/schemas';

addScreenMessages(reportVi);

function rows(overrides: Partial<Record<string, Partial<ReportRow>>> = {}): ReportRow[] {
  return INDICATORS.map((indicator) => ({
    indicator,
    month: 0,
    yearToDate: 0,
    target: null,
    percent: null,
    ...overrides[indicator],
  }));
}

const report: MonthlyReport = {
  unitId: 'u',
  year: 2026,
  month: 3,
  rows: rows({
    new_members: {
      month: 12,
      yearToDate: 30,
      target: 40,
      percent: 75,
      corrections: [
        { year: 2025, month: 12, delta: -1 },
        { year: 2026, month: 2, delta: 2 },
      ],
    },
  }),
  units: [
    {
      unitId: 'a',
      name: 'CĐ phường An Hòa',
      rows: rows({
        new_members: { month: 5, yearToDate: 9, corrections: [{ year: 2026, month: 2, delta: 2 }] },
      }),
    },
  ],
};

describe('reportTable', () => {
  const table = reportTable(report, 'LĐLĐ TP. Cần Thơ');

  it('has the unit, the title of the month and the columns of an office report', () => {
    expect(table.unitName).toBe('LĐLĐ TP. Cần Thơ');
    expect(table.title).toBe('Báo cáo kết quả phát triển đoàn viên, thành lập CĐCS — tháng 3/2026');
    expect(table.note).toBeUndefined();
    expect(table.groups).toEqual(['LĐLĐ TP. Cần Thơ', 'CĐ phường An Hòa']);
    const figures = ['Kế hoạch năm', 'Thực hiện tháng', 'Lũy kế năm', 'Tỷ lệ %'];
    expect(table.columns).toEqual(['STT', 'Chỉ tiêu', ...figures, ...figures]);
  });

  it('puts each indicator on a numbered row, "—" for a missing percentage', () => {
    expect(table.rows[0]).toEqual({
      kind: 'indicator',
      cells: [1, 'Kết nạp đoàn viên mới', 40, 12, 30, 75, null, 5, 9, NO_PERCENT],
    });
    expect(NO_PERCENT).toBe('—');
  });

  it('lists the corrections under their indicator, oldest month first', () => {
    expect(table.rows[1]).toEqual({
      kind: 'correction',
      cells: [
        null,
        'điều chỉnh số liệu tháng 12/2025',
        null,
        -1,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    });
    expect(table.rows[2]).toEqual({
      kind: 'correction',
      cells: [null, 'điều chỉnh số liệu tháng 2', null, 2, null, null, null, 2, null, null],
    });
    expect(table.rows[3]?.kind).toBe('indicator');
    expect(table.rows[3]?.cells.slice(0, 2)).toEqual([2, 'Tăng thêm đoàn viên']);
    expect(table.rows).toHaveLength(INDICATORS.length + 2);
  });

  it('notes the closing date of a closed month', () => {
    const closed = reportTable(
      { ...report, closure: { closedAt: '2026-04-02T03:00:00.000Z', closedBy: 'x' } },
      'LĐLĐ',
    );
    expect(closed.note).toBe('Số liệu đã chốt ngày 02/04/2026');
  });
});
