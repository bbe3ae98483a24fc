import './progress.css';
import { useState } from 'preact/hooks';
import { listUnits } from '../../../db';
import type { ReportRow } from '../../../shared/domain';
import { formatCount, localeOf, t } from '../../../shared/i18n';
import { LoadState } from '../../components/LoadState';
import { appDb } from '../../db';
import { useLoad } from '../../hooks/useLoad';
import { enumLabel } from '../../labels';
import { onLinkClick } from '../../router';
import { useSession } from '../../session';
import { addProgressMessages } from './messages';
import { fetchMonthlyReport } from './report-client';

addProgressMessages();

type Query = { unitId: string; year: number; month: number };

function readQuery(fallbackUnit: string): Query {
  const query = new URLSearchParams(location.search);
  const now = new Date();
  const year = Number(query.get('y'));
  const month = Number(query.get('m'));
  return {
    unitId: query.get('u') ?? fallbackUnit,
    year: Number.isInteger(year) && year > 0 ? year : now.getFullYear(),
    month: Number.isInteger(month) && month >= 1 && month <= 12 ? month : now.getMonth() + 1,
  };
}

/** `106,07%` in Vietnamese, `106.07%` in English; "—" without a target. */
const percent = (value: number | null) =>
  value === null
    ? '—'
    : `${new Intl.NumberFormat(localeOf(), { maximumFractionDigits: 2 }).format(value)}%`;

/**
 * The monthly report of the server (GET /api/reports/monthly, docs/design.md §5) laid out for an
 * A4 page: the browser's print (its stylesheet hides the app around it). Online only.
 */
export function ReportPage() {
  const session = useSession();
  const [query] = useState(() => readQuery(session.user.unitId));
  const report = useLoad(
    [],
    () => fetchMonthlyReport(session.token, query.unitId, query.year, query.month),
    [query.unitId, query.year, query.month],
  );
  const unitName = useLoad(
    ['units'],
    async () => (await listUnits(appDb())).find((unit) => unit.id === query.unitId)?.name ?? '',
    [query.unitId],
  );
  return (
    <section class="page report-page">
      <div class="form-actions no-print">
        <a class="button" href="/progress" onClick={onLinkClick}>
          {t('progress.records.back')}
        </a>
        <button type="button" class="button primary" onClick={() => window.print()}>
          {t('progress.report.printNow')}
        </button>
      </div>
      <LoadState data={report}>
        {(value) => (
          <article class="print-report" data-testid="print-report">
            <h1>{t('progress.report.heading', { month: value.month, year: value.year })}</h1>
            <ReportTable
              title={t('progress.report.whole', {
                unit: unitName.load.status === 'ready' ? unitName.load.value : '',
              })}
              rows={value.rows}
            />
            {value.units.map((unit) => (
              <ReportTable key={unit.unitId} title={unit.name} rows={unit.rows} sub />
            ))}
          </article>
        )}
      </LoadState>
    </section>
  );
}

function ReportTable({
  title,
  rows,
  sub,
}: {
  title: string;
  rows: readonly ReportRow[];
  sub?: boolean;
}) {
  const Heading = sub ? 'h3' : 'h2';
  return (
    <section class="report-unit">
      <Heading>{title}</Heading>
      <table class="report-table">
        <thead>
          <tr>
            <th scope="col">{t('progress.report.col.number')}</th>
            <th scope="col">{t('progress.report.col.indicator')}</th>
            <th scope="col">{t('progress.report.col.target')}</th>
            <th scope="col">{t('progress.report.col.month')}</th>
            <th scope="col">{t('progress.report.col.ytd')}</th>
            <th scope="col">{t('progress.report.col.percent')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.indicator} data-indicator={row.indicator}>
              <td>{formatCount(i + 1)}</td>
              <th scope="row">{enumLabel('indicator', row.indicator)}</th>
              <td>{row.target === null ? '—' : formatCount(row.target)}</td>
              <td>{formatCount(row.month)}</td>
              <td>{formatCount(row.yearToDate)}</td>
              <td>{percent(row.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
