import { type Context, Hono } from 'hono';
import { addScreenMessages, t } from '../../shared/i18n';
import { reportVi } from '../../shared/i18n/catalog/report';
import {
  closeMonthRequestSchema,
  closuresQuerySchema,
  monthlyReportQuerySchema,
  type ReportFormat,
  reopenQuerySchema,
  reviewQuerySchema,
} from '../../shared/protocol';
import { requireUser } from '../auth/require-user';
import { limitBody, parseWith, readBody, SMALL_BODY_BYTES } from '../http/body';
import type { AppEnv, AuthedEnv } from '../http/context';
import { ApiError } from '../http/errors';
import { closuresOfYear, reopenClosure } from '../reports/closures';
import { csvText } from '../reports/csv';
import { closeMonth, fingerprintOf, monthlyReportOf } from '../reports/monthly';
import { reportSheet } from '../reports/report-sheet';
import { reviewListOf } from '../reports/review';
import { reviewSheet } from '../reports/review-sheet';
import type { Sheet } from '../reports/sheet';
import { unitName, unitsFor } from '../reports/units';
import { xlsxBytes } from '../reports/xlsx';
import type { Store } from '../store/types';

/**
 * Reports (docs/design.md §5): the monthly report, the closing of months and the review list.
 * Every route checks the roles table (`read_report`, `close_month`, `reopen_month`) for the
 * unit asked about: outside the user's reach is 403.
 */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The sheet as a download in `format`; file names carry no one's name. */
async function download(
  c: Context<AuthedEnv>,
  sheet: Sheet,
  format: Exclude<ReportFormat, 'json'>,
) {
  const disposition = `attachment; filename="${sheet.fileName}.${format}"`;
  if (format === 'csv') {
    return c.body(csvText(sheet), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': disposition,
    });
  }
  const bytes = await xlsxBytes(sheet);
  return c.body(bytes.buffer as ArrayBuffer, 200, {
    'Content-Type': XLSX_TYPE,
    'Content-Disposition': disposition,
  });
}

function query<S extends Parameters<typeof parseWith>[0]>(c: Context<AuthedEnv>, schema: S) {
  return parseWith(schema, c.req.query(), 'query');
}

export function reportRoutes(store: Store): Hono<AppEnv> {
  // The report's words are a screen part of the catalogue (not in the app's first screen).
  addScreenMessages(reportVi);
  const routes = new Hono<AppEnv>();
  const authed = requireUser(store);

  routes.get('/monthly', authed, async (c) => {
    const { format, ...at } = query(c, monthlyReportQuerySchema);
    const units = await unitsFor(store, c.get('user'), 'read_report', at.unitId);
    // One transaction: the closure, the sums and the targets are read together.
    const report = await store.transaction((tx) => monthlyReportOf(tx, units, at));
    if (format === 'json') return c.json({ ...report, fingerprint: fingerprintOf(report) });
    return download(c, reportSheet(report, unitName(units, at.unitId)), format);
  });

  routes.post('/closures', authed, limitBody(SMALL_BODY_BYTES), async (c) => {
    const request = await readBody(c, closeMonthRequestSchema, 'closure');
    const report = await closeMonth(store, c.get('user'), request);
    return c.json({ ...report, fingerprint: fingerprintOf(report) }, 201);
  });

  routes.get('/closures', authed, async (c) => {
    const { unitId, year } = query(c, closuresQuerySchema);
    await unitsFor(store, c.get('user'), 'read_report', unitId);
    return c.json({ closures: await closuresOfYear(store, unitId, year) });
  });

  routes.delete('/closures', authed, async (c) => {
    const { unitId, year, month } = query(c, reopenQuerySchema);
    const user = c.get('user');
    await unitsFor(store, user, 'reopen_month', unitId);
    if (!(await reopenClosure(store, unitId, year, month, user.id))) {
      throw new ApiError(404, 'not_found', t('report.month_not_closed'));
    }
    await store.flush();
    return c.body(null, 204);
  });

  routes.get('/review', authed, async (c) => {
    const { format, unitId, ...filters } = query(c, reviewQuerySchema);
    const units = await unitsFor(store, c.get('user'), 'read_report', unitId);
    const list = await reviewListOf(store, unitId, filters);
    if (format === 'json') return c.json(list);
    return download(c, reviewSheet(list, unitName(units, unitId)), format);
  });

  return routes;
}
