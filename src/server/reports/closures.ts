import type { MonthFigures, MonthlyReport } from '../../shared/domain';
import type { MonthClosure } from '../../shared/protocol';
import type { Sql } from '../store/types';

/**
 * Closed months (chốt số liệu, docs/design.md §5) in `report_closures` (migration 005): the
 * report as sent and the figures of each month it covers. One closure of a unit and month is in
 * force at a time (a unique index); reopening keeps the row with who reopened it and when.
 */

export type StoredClosure = MonthClosure & { report: MonthlyReport; figures: MonthFigures[] };

type ClosureRow = {
  unit_id: string;
  year: number;
  month: number;
  closed_at: Date | string;
  closed_by: string;
  report: MonthlyReport;
  figures: MonthFigures[];
};

const COLUMNS = 'unit_id, year, month, closed_at, closed_by, report, figures';

function toClosure(row: ClosureRow): StoredClosure {
  return {
    unitId: row.unit_id,
    year: Number(row.year),
    month: Number(row.month),
    closedAt: new Date(row.closed_at).toISOString(),
    closedBy: row.closed_by,
    report: row.report,
    figures: row.figures,
  };
}

/** The closure in force of a unit's month, if any. */
export async function closureOf(
  sql: Sql,
  unitId: string,
  year: number,
  month: number,
): Promise<StoredClosure | undefined> {
  const result = await sql.query<ClosureRow>(
    `SELECT ${COLUMNS} FROM report_closures
     WHERE unit_id = $1 AND year = $2 AND month = $3 AND reopened_at IS NULL`,
    [unitId, year, month],
  );
  const row = result.rows[0];
  return row ? toClosure(row) : undefined;
}

/** The unit's latest closure in force of a month before (year, month), if any. */
export async function latestClosureBefore(
  sql: Sql,
  unitId: string,
  year: number,
  month: number,
): Promise<StoredClosure | undefined> {
  const result = await sql.query<ClosureRow>(
    `SELECT ${COLUMNS} FROM report_closures
     WHERE unit_id = $1 AND reopened_at IS NULL AND year * 12 + month < $2
     ORDER BY year * 12 + month DESC LIMIT 1`,
    [unitId, year * 12 + month],
  );
  const row = result.rows[0];
  return row ? toClosure(row) : undefined;
}

/** The closures in force of a unit in a year, by month (no report or figures). */
export async function closuresOfYear(
  sql: Sql,
  unitId: string,
  year: number,
): Promise<MonthClosure[]> {
  const result = await sql.query<ClosureRow>(
    `SELECT unit_id, year, month, closed_at, closed_by, NULL AS report, NULL AS figures
     FROM report_closures WHERE unit_id = $1 AND year = $2 AND reopened_at IS NULL
     ORDER BY month`,
    [unitId, year],
  );
  return result.rows.map((row) => {
    const { report: _report, figures: _figures, ...closure } = toClosure(row);
    return closure;
  });
}

/** Keeps a closure; undefined when the month is already closed (by a racing request too). */
export async function insertClosure(
  sql: Sql,
  closure: Omit<StoredClosure, 'closedAt'>,
): Promise<StoredClosure | undefined> {
  const result = await sql.query<ClosureRow>(
    `INSERT INTO report_closures (unit_id, year, month, report, figures, closed_by)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)
     ON CONFLICT (unit_id, year, month) WHERE reopened_at IS NULL DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      closure.unitId,
      closure.year,
      closure.month,
      JSON.stringify(closure.report),
      JSON.stringify(closure.figures),
      closure.closedBy,
    ],
  );
  const row = result.rows[0];
  return row ? toClosure(row) : undefined;
}

/** Reopens a closed month; false when it was not closed. */
export async function reopenClosure(
  sql: Sql,
  unitId: string,
  year: number,
  month: number,
  userId: string,
): Promise<boolean> {
  const result = await sql.query(
    `UPDATE report_closures SET reopened_at = now(), reopened_by = $4
     WHERE unit_id = $1 AND year = $2 AND month = $3 AND reopened_at IS NULL`,
    [unitId, year, month, userId],
  );
  return result.rowCount > 0;
}
