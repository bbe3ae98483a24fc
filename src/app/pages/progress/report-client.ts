import { markSessionExpired } from '../../../db';
import type { MonthlyReport } from '../../../shared/domain';
import { type MessageKey, t } from '../../../shared/i18n';
import type { MonthClosure } from '../../../shared/protocol';
import { INDICATORS } from '../../../shared/schemas';
import { appDb } from '../../db';
import { SaidError } from '../../forms/submit';

/**
 * The server's reports (docs/design.md §5), online only: the monthly report as JSON (shown as a
 * print view), both reports as XLSX or CSV files, fetched with the session's token (a plain
 * link cannot carry it) and saved through a download link, and the closed months (chốt số liệu):
 * listed, closed by a supervisor, reopened by an admin.
 */

/** A refusal or failure of the server's, in the user's words. */
export class ReportError extends SaidError {}

/** What the user reads for each refused status of a request (the rest: `failed`). */
type Refusals = Partial<Record<number, MessageKey>> & { network: MessageKey };

const READ_REFUSALS: Refusals = {
  403: 'progress.report.forbidden',
  404: 'progress.report.missing',
  network: 'progress.report.network',
};

/** The error in words for the status the server answered. */
function refusal(status: number, refusals: Refusals): ReportError {
  const key = refusals[status];
  return new ReportError(key ? t(key) : t('progress.report.failed', { status }));
}

async function send(
  token: string,
  path: string,
  init: RequestInit = {},
  refusals: Refusals = READ_REFUSALS,
): Promise<Response> {
  let response: Response;
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ReportError(t(refusals.network));
  }
  if (response.status === 401) {
    // As the sync does: keep everything, ask for the password again.
    await markSessionExpired(appDb());
    throw new ReportError(t('progress.report.expired'));
  }
  if (!response.ok) throw refusal(response.status, refusals);
  return response;
}

const get = (token: string, path: string) => send(token, path);

export function monthlyReportPath(
  unitId: string,
  year: number,
  month: number,
  format?: 'xlsx' | 'csv',
): string {
  const query = new URLSearchParams({ unitId, year: String(year), month: String(month) });
  if (format) query.set('format', format);
  return `/api/reports/monthly?${query}`;
}

export type ReviewQuery = {
  unitId: string;
  wardCode?: string | undefined;
  industrialPark?: string | undefined;
  minWorkers?: number | undefined;
  stage?: string | undefined;
};

export function reviewPath(query: ReviewQuery, format: 'xlsx' | 'csv'): string {
  const params = new URLSearchParams({ unitId: query.unitId });
  if (query.wardCode) params.set('wardCode', query.wardCode);
  if (query.industrialPark) params.set('industrialPark', query.industrialPark);
  if (query.minWorkers !== undefined) params.set('minWorkers', String(query.minWorkers));
  if (query.stage) params.set('stage', query.stage);
  params.set('format', format);
  return `/api/reports/review?${params}`;
}

function isReportRow(value: unknown): boolean {
  const row = value as Record<string, unknown> | null;
  return (
    typeof row === 'object' &&
    row !== null &&
    (INDICATORS as readonly unknown[]).includes(row['indicator']) &&
    typeof row['month'] === 'number' &&
    typeof row['yearToDate'] === 'number'
  );
}

/** A shape check of the answer: what the print view reads must be there. */
function isMonthlyReport(value: unknown): value is MonthlyReport {
  const report = value as Partial<MonthlyReport> | null;
  return (
    typeof report === 'object' &&
    report !== null &&
    Array.isArray(report.rows) &&
    report.rows.every(isReportRow) &&
    Array.isArray(report.units) &&
    report.units.every(
      (unit) =>
        typeof unit?.name === 'string' && Array.isArray(unit.rows) && unit.rows.every(isReportRow),
    )
  );
}

export async function fetchMonthlyReport(
  token: string,
  unitId: string,
  year: number,
  month: number,
): Promise<MonthlyReport> {
  const response = await get(token, monthlyReportPath(unitId, year, month));
  const body: unknown = await response.json().catch(() => undefined);
  if (!isMonthlyReport(body)) throw new ReportError(t('progress.report.unreadable'));
  return body;
}

/** Saves a file the page holds (a Blob) under `name`, through the browser's download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the data by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The name the server gave the file, else `fallback`. */
function fileName(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  if (!match?.[1]) return fallback;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return fallback;
  }
}

/** Fetches a report file from the server and saves it. */
export async function downloadReport(token: string, path: string, fallback: string): Promise<void> {
  const response = await get(token, path);
  saveFile(await response.blob(), fileName(response, fallback));
}

function isClosure(value: unknown): value is MonthClosure {
  const closure = value as Partial<MonthClosure> | null;
  return (
    typeof closure === 'object' &&
    closure !== null &&
    typeof closure.year === 'number' &&
    typeof closure.month === 'number' &&
    typeof closure.closedAt === 'string' &&
    typeof closure.closedBy === 'string'
  );
}

/** The closed months of a unit's year (GET /api/reports/closures), oldest first. */
export async function fetchClosures(
  token: string,
  unitId: string,
  year: number,
): Promise<MonthClosure[]> {
  const query = new URLSearchParams({ unitId, year: String(year) });
  const response = await get(token, `/api/reports/closures?${query}`);
  const body = (await response.json().catch(() => undefined)) as { closures?: unknown } | undefined;
  if (!Array.isArray(body?.closures) || !body.closures.every(isClosure)) {
    throw new ReportError(t('progress.report.unreadable'));
  }
  return [...body.closures].sort((a, b) => a.month - b.month);
}

export type MonthRef = { unitId: string; year: number; month: number };

/** Closes a month (POST /api/reports/closures): its figures are kept as sent. */
export async function closeMonth(token: string, at: MonthRef): Promise<void> {
  await send(
    token,
    '/api/reports/closures',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(at),
    },
    {
      400: 'progress.close.notStarted',
      403: 'progress.close.forbidden',
      409: 'progress.close.already',
      network: 'progress.close.network',
    },
  );
}

/** Reopens a closed month (DELETE /api/reports/closures, admins). */
export async function reopenMonth(token: string, at: MonthRef): Promise<void> {
  const query = new URLSearchParams({
    unitId: at.unitId,
    year: String(at.year),
    month: String(at.month),
  });
  await send(
    token,
    `/api/reports/closures?${query}`,
    { method: 'DELETE' },
    {
      403: 'progress.reopen.forbidden',
      404: 'progress.reopen.notClosed',
      network: 'progress.close.network',
    },
  );
}
