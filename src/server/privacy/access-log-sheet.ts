import { t } from '../../shared/i18n';
import type { AccessLogEntry } from '../../shared/protocol';
import type { Sheet } from '../reports/sheet';

/** Vietnam's wall clock (UTC+7, no daylight saving) as `dd/mm/yyyy HH:mm`. */
function vietnamTime(iso: string): string {
  const local = new Date(Date.parse(iso) + 7 * 60 * 60 * 1000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

/** The access log as a sheet for the CSV writer of src/server/reports (newest first). */
export function accessLogSheet(entries: readonly AccessLogEntry[], today: string): Sheet {
  return {
    name: t('access_log.title'),
    heading: [t('access_log.title'), t('access_log.note')],
    frozenColumns: 1,
    columns: [
      { header: t('access_log.at'), kind: 'text', width: 18 },
      { header: t('access_log.user'), kind: 'text', width: 20 },
      { header: t('access_log.unit'), kind: 'text', width: 30 },
      { header: t('access_log.purpose'), kind: 'text', width: 16 },
      { header: t('access_log.entity'), kind: 'text', width: 16 },
      { header: t('access_log.count'), kind: 'count', width: 10 },
    ],
    rows: entries.map((entry) => ({
      cells: [
        vietnamTime(entry.at),
        entry.username,
        entry.unitName,
        t(`access_log.purpose.${entry.purpose}`),
        t(`access_log.entity.${entry.entity}`),
        entry.count,
      ],
    })),
    fileName: `nhat-ky-truy-cap-${today}`,
  };
}
