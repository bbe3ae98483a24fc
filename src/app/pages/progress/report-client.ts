import { markSessionExpired } from '../../../db';
import type { MonthlyReport } from '../../../shared/domain';
import { t } from '../../../shared/i18n';
import { INDICATORS } from '../../../shared/schemas';
import { appDb } from '../../db';

/**
 * The server's reports (docs/design.md §5), online only: the monthly report as JSON (shown as a
 * print view) and both reports as XLSX or CSV files, fetched with the session's token (a plain
 * link cannot carry it) and saved through a download link.
 */

export class ReportError extends Error {}

/** The error in words for the status the server answered. */
function refusal(status: number): ReportError {
  if (status === 403) return new ReportError(t('progress.report.forbidden'));
  if (status === 404) return new ReportError(t('progress.report.missing'));
  return new ReportError(t('progress.report.failed', { status }));
}

async function get(token: string, path: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new ReportError(t('progress.report.network'));
  }
  if (response.status === 401) {
    // As the sync does: keep everything, ask for the password again.
    await markSessionExpired(appDb());
    throw new ReportError(t('progress.report.expired'));
  }
  if (!response.ok) throw refusal(response.status);
  return response;
}

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
