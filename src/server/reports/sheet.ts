import type { TableCell } from '../../shared/domain';

/**
 * A report as a sheet, whatever file it becomes (xlsx.ts, csv.ts): lines of heading above a
 * table, an optional row of group names over the column headings, and the rows. Cells are
 * numbers, text or empty; the column's kind says how a number is shown.
 */

/** `year`: a number shown without grouping (2015, not 2.015). */
export type ColumnKind = 'text' | 'count' | 'percent' | 'date' | 'year';

export type SheetColumn = { header: string; kind: ColumnKind; width: number };

export type SheetGroup = { label: string; firstColumn: number; span: number };

export type SheetRow = { cells: TableCell[]; secondary?: boolean };

export type Sheet = {
  name: string;
  /** The first line is the unit's name, the second the title, then notes. */
  heading: string[];
  /** Names over groups of columns (0-based first column); absent for a flat table. */
  groups?: SheetGroup[];
  /** Columns kept in view when scrolling sideways. */
  frozenColumns: number;
  columns: SheetColumn[];
  rows: SheetRow[];
  /** Unique within the file name; ASCII, no personal data. */
  fileName: string;
};
