import './progress.css';
import { useState } from 'preact/hooks';
import { listUnits } from '../../../db';
import {
  GROUP_COLUMNS,
  reportTable,
  type ReportTable as Table,
  type TableCell,
} from '../../../shared/domain';
import { addScreenMessages, formatCount, localeOf, t } from '../../../shared/i18n';
import { reportVi } from '../../../shared/i18n/catalog/report';
import { LoadState } from '../../components/LoadState';
import { appDb } from '../../db';
import { useLoad } from '../../hooks/useLoad';
import { onLinkClick } from '../../router';
import { useSession } from '../../session';
import { addProgressMessages } from './messages';
import { fetchMonthlyReport } from './report-client';

addProgressMessages();
// The report's layout speaks its own part of the catalogue (titles, correction lines).
addScreenMessages(reportVi);

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

/** A figure cell: `106,07` as a percentage in its column, "—" kept, blank for nothing. */
function cellText(cell: TableCell, percent: boolean): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (percent) {
    return `${new Intl.NumberFormat(localeOf(), { maximumFractionDigits: 2 }).format(cell)}%`;
  }
  return formatCount(cell);
}

/** A correction's change with its sign: `+1`, `−2`. */
const signed = (cell: TableCell) =>
  typeof cell === 'number' && cell > 0 ? `+${formatCount(cell)}` : cellText(cell, false);

/**
 * The monthly report of the server (GET /api/reports/monthly, docs/design.md §5) laid out for an
 * A4 page: the browser's print (its stylesheet hides the app around it). Online only. The rows
 * are the shared layout of the XLSX and CSV (reportTable), one table per unit: the unit's
 * subtree, then each sub-unit, each with the correction lines of closed months that concern it.
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
  const name = unitName.load.status === 'ready' ? unitName.load.value : '';
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
        {(value) => {
          const table = reportTable(value, name);
          return (
            <article class="print-report" data-testid="print-report">
              <h1>{table.title}</h1>
              {table.note && <p data-testid="report-closed">{table.note}</p>}
              {table.groups.map((group, g) => (
                <ReportGroup
                  key={g}
                  title={g === 0 ? t('progress.report.whole', { unit: name }) : group}
                  table={table}
                  group={g}
                />
              ))}
            </article>
          );
        }}
      </LoadState>
    </section>
  );
}

/** One unit's four columns of the shared layout, with the lines that concern it. */
function ReportGroup({ title, table, group }: { title: string; table: Table; group: number }) {
  const Heading = group === 0 ? 'h2' : 'h3';
  const first = 2 + group * GROUP_COLUMNS;
  const rows = table.rows.filter(
    (row) => row.kind === 'indicator' || row.cells[first + 1] !== null,
  );
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
          {rows.map((row, i) => {
            const [number, label] = row.cells;
            const figures = row.cells.slice(first, first + GROUP_COLUMNS);
            const correction = row.kind === 'correction';
            return (
              <tr key={i} class={correction ? 'correction' : undefined} data-kind={row.kind}>
                <td>{cellText(number ?? null, false)}</td>
                <th scope="row">{cellText(label ?? null, false)}</th>
                {figures.map((cell, c) => (
                  <td key={c}>
                    {correction && c === 1 ? signed(cell ?? null) : cellText(cell ?? null, c === 3)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
