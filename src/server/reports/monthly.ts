import { createHash } from 'node:crypto';
import {
  closedMonths,
  correctedMonths,
  endOfMonth,
  type MonthFigures,
  type MonthlyReport,
  monthFigures,
  monthKey,
  type ReportUnit,
  reportFromSums,
  todayInVietnam,
  withCorrections,
} from '../../shared/domain';
import { t } from '../../shared/i18n';
import type { CloseMonthRequest } from '../../shared/protocol';
import type { Target, User } from '../../shared/schemas';
import { ApiError } from '../http/errors';
import type { Sql, Store } from '../store/types';
import { closureOf, insertClosure, latestClosureBefore } from './closures';
import { factSums } from './fact-sums';
import { unitsFor } from './units';

/**
 * `GET /api/reports/monthly` and the closing of a month (docs/design.md §5). The figures are
 * summed in SQL (fact-sums.ts) and assembled by the shared functions (reportFromSums,
 * withCorrections); a closed month answers with the report kept as sent.
 */

async function targetsOf(sql: Sql, year: number): Promise<Target[]> {
  const result = await sql.query<{ data: Target }>(
    `SELECT data FROM records
     WHERE entity = 'target' AND NOT deleted AND data->>'year' = $1`,
    [String(year)],
  );
  return result.rows.map((row) => row.data);
}

type Computed = { report: MonthlyReport; figures: MonthFigures[] };

/**
 * The report as the records stand, with the corrections of the unit's latest closure before
 * this month; with `keepFigures`, also the figures a closure of this month keeps.
 */
async function compute(
  sql: Sql,
  units: readonly ReportUnit[],
  at: { unitId: string; year: number; month: number },
  keepFigures: boolean,
): Promise<Computed> {
  const { unitId, year, month } = at;
  const previous = await latestClosureBefore(sql, unitId, year, month);
  const fromYear = previous !== undefined || keepFigures ? year - 1 : year;
  const sums = await factSums(sql, unitId, `${fromYear}-01-01`, endOfMonth(year, month));
  const frame = { units, targets: await targetsOf(sql, year), unitId, year, month };
  let report = reportFromSums(frame, sums);
  if (previous !== undefined) {
    const months = new Set(correctedMonths(at, previous));
    const sent = previous.figures.filter((figures) => months.has(figures.month));
    const now = monthFigures(
      frame,
      sums,
      sent.map((figures) => figures.month),
    );
    report = withCorrections(report, now, sent);
  }
  return { report, figures: keepFigures ? monthFigures(frame, sums, closedMonths(at)) : [] };
}

/** What the report's figures are, so that a close can name the report it was based on. */
export function fingerprintOf(report: MonthlyReport): string {
  const { closure: _closure, ...figures } = report;
  return createHash('sha256').update(JSON.stringify(figures)).digest('hex');
}

/** The report of a month: the one kept when the month is closed, else computed now. */
export async function monthlyReportOf(
  sql: Sql,
  units: readonly ReportUnit[],
  at: { unitId: string; year: number; month: number },
): Promise<MonthlyReport> {
  const closure = await closureOf(sql, at.unitId, at.year, at.month);
  if (closure !== undefined) {
    return {
      ...closure.report,
      closure: { closedAt: closure.closedAt, closedBy: closure.closedBy },
    };
  }
  return (await compute(sql, units, at, false)).report;
}

function conflict(message: string): ApiError {
  return new ApiError(409, 'conflict', message);
}

/**
 * Closes a month of a unit (supervisors and admins of its subtree): keeps the report as it is
 * now and the figures of the months it covers. Refused for a month not yet begun (400), one
 * already closed (409), and — when the request names the report it was based on — when the
 * figures changed since (409).
 */
export async function closeMonth(
  store: Store,
  user: User,
  request: CloseMonthRequest,
): Promise<MonthlyReport> {
  const { unitId, year, month } = request;
  if (monthKey(year, month) > todayInVietnam().slice(0, 7)) {
    const message = t('report.month_not_started');
    throw new ApiError(400, 'validation_failed', message, [
      { field: 'month', code: 'report.month_not_started', message },
    ]);
  }
  const closed = await store.transaction(async (tx) => {
    const units = await unitsFor(tx, user, 'close_month', unitId);
    if (await closureOf(tx, unitId, year, month)) throw conflict(t('report.month_closed'));
    const { report, figures } = await compute(tx, units, request, true);
    if (request.basedOn !== undefined && fingerprintOf(report) !== request.basedOn) {
      throw conflict(t('report.figures_changed'));
    }
    const stored = await insertClosure(tx, {
      unitId,
      year,
      month,
      report,
      figures,
      closedBy: user.id,
    });
    if (stored === undefined) throw conflict(t('report.month_closed'));
    return { ...report, closure: { closedAt: stored.closedAt, closedBy: stored.closedBy } };
  });
  await store.flush();
  return closed;
}
