import { GROUP_COLUMNS, type MonthlyReport, reportTable } from '../../shared/domain';
import type { Sheet, SheetColumn } from './sheet';

/** The monthly report as a sheet (the layout is the shared `reportTable`). */
export function reportSheet(report: MonthlyReport, unitName: string): Sheet {
  const table = reportTable(report, unitName);
  const columns: SheetColumn[] = table.columns.map((header, index) => {
    if (index === 0) return { header, kind: 'count', width: 6 };
    if (index === 1) return { header, kind: 'text', width: 46 };
    const isPercent = (index - 2) % GROUP_COLUMNS === GROUP_COLUMNS - 1;
    return { header, kind: isPercent ? 'percent' : 'count', width: 13 };
  });
  const month = String(report.month).padStart(2, '0');
  return {
    name: `Tháng ${report.month}-${report.year}`,
    heading: [table.unitName, table.title, ...(table.note ? [table.note] : [])],
    groups: table.groups.map((label, index) => ({
      label,
      firstColumn: 2 + index * GROUP_COLUMNS,
      span: GROUP_COLUMNS,
    })),
    frozenColumns: 2,
    columns,
    rows: table.rows.map((row) => ({
      cells: row.cells,
      ...(row.kind === 'correction' ? { secondary: true } : {}),
    })),
    fileName: `bao-cao-thang-${report.year}-${month}`,
  };
}
