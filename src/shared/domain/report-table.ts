import { t } from '../i18n';
import { formatDate } from '../vn/format';
import type { MonthlyReport, ReportCorrection, ReportRow } from './report';

/**
 * The monthly report laid out as an office expects it, one definition for every form it takes
 * (the XLSX and CSV of the server, the app's print view): the unit's name and the title, then
 * STT, Chỉ tiêu, and four columns (Kế hoạch năm, Thực hiện tháng, Lũy kế năm, Tỷ lệ %) for the
 * unit's subtree and again for each direct sub-unit. Under an indicator, one line per closed
 * month whose figures changed since they were sent ("điều chỉnh số liệu tháng 3"), with the
 * change in the Thực hiện tháng column of each unit it concerns.
 */

/** Shown for a percentage that does not exist (no target above 0). */
export const NO_PERCENT = '—';

export type TableCell = number | string | null;

export type ReportTableRow = {
  kind: 'indicator' | 'correction';
  cells: TableCell[];
};

export type ReportTable = {
  unitName: string;
  title: string;
  /** "Số liệu đã chốt ngày …" for a closed month; absent otherwise. */
  note?: string;
  /** The name over each group of four columns: the unit's, then each sub-unit's. */
  groups: string[];
  /** Every column's heading (2 + 4 per group). */
  columns: string[];
  rows: ReportTableRow[];
};

export const GROUP_COLUMNS = 4;

function groupColumns(): string[] {
  return [
    t('report.column.target'),
    t('report.column.month'),
    t('report.column.year_to_date'),
    t('report.column.percent'),
  ];
}

function figureCells(row: ReportRow): TableCell[] {
  return [row.target, row.month, row.yearToDate, row.percent ?? NO_PERCENT];
}

function correctionLabel(correction: Pick<ReportCorrection, 'year' | 'month'>, year: number) {
  return correction.year === year
    ? t('report.correction', { month: correction.month })
    : t('report.correction_of_year', { month: correction.month, year: correction.year });
}

const monthOrder = (c: Pick<ReportCorrection, 'year' | 'month'>) => c.year * 100 + c.month;

/** The closed months corrected on any of these rows, oldest first. */
function correctedMonths(rows: readonly ReportRow[]): { year: number; month: number }[] {
  const months = new Map<number, { year: number; month: number }>();
  for (const row of rows) {
    for (const c of row.corrections ?? [])
      months.set(monthOrder(c), { year: c.year, month: c.month });
  }
  return [...months.entries()].sort(([a], [b]) => a - b).map(([, month]) => month);
}

function correctionCells(row: ReportRow, month: { year: number; month: number }): TableCell[] {
  const delta = row.corrections?.find((c) => monthOrder(c) === monthOrder(month))?.delta;
  return [null, delta ?? null, null, null];
}

/** A sub-unit's row of the same indicator (every report has all of them; zeros otherwise). */
function rowOf(rows: readonly ReportRow[], like: ReportRow): ReportRow {
  const found = rows.find((row) => row.indicator === like.indicator);
  return (
    found ?? { indicator: like.indicator, month: 0, yearToDate: 0, target: null, percent: null }
  );
}

export function reportTable(report: MonthlyReport, unitName: string): ReportTable {
  const groups = [unitName, ...report.units.map((unit) => unit.name)];
  const columns = [
    t('report.column.number'),
    t('report.column.indicator'),
    ...groups.flatMap(groupColumns),
  ];
  const rows: ReportTableRow[] = [];
  report.rows.forEach((row, index) => {
    const all = [row, ...report.units.map((unit) => rowOf(unit.rows, row))];
    rows.push({
      kind: 'indicator',
      cells: [index + 1, t(`indicator.${row.indicator}`), ...all.flatMap(figureCells)],
    });
    for (const month of correctedMonths(all)) {
      rows.push({
        kind: 'correction',
        cells: [
          null,
          correctionLabel(month, report.year),
          ...all.flatMap((r) => correctionCells(r, month)),
        ],
      });
    }
  });
  return {
    unitName,
    title: t('report.title', { month: report.month, year: report.year }),
    ...(report.closure
      ? { note: t('report.closed_on', { date: formatDate(report.closure.closedAt) }) }
      : {}),
    groups,
    columns,
    rows,
  };
}
