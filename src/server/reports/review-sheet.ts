import { stageLabel } from '../../shared/domain';
import { t } from '../../shared/i18n';
import type { ReviewList } from '../../shared/protocol';
import { findWard } from '../../shared/vn';
import { formatDate } from '../../shared/vn/format';
import type { Sheet, SheetColumn } from './sheet';

/** The review list as a sheet: one row per enterprise, in the list's order. */
export function reviewSheet(list: ReviewList, unitName: string): Sheet {
  const column = (key: string, kind: SheetColumn['kind'], width: number): SheetColumn => ({
    header: t(`review.column.${key}` as Parameters<typeof t>[0]),
    kind,
    width,
  });
  return {
    name: 'Rà soát',
    heading: [
      unitName,
      t('review.title', { unit: unitName }),
      t('review.as_of', { date: formatDate(list.today) }),
    ],
    frozenColumns: 2,
    columns: [
      column('number', 'count', 6),
      column('name', 'text', 40),
      column('ward', 'text', 22),
      column('industrial_park', 'text', 22),
      column('workers', 'count', 11),
      column('female_workers', 'count', 11),
      column('operating_since', 'year', 12),
      column('stage', 'text', 22),
      column('organizer', 'text', 22),
      column('last_visit', 'date', 13),
      column('days_since', 'count', 12),
    ],
    rows: list.rows.map((row, index) => ({
      cells: [
        index + 1,
        row.name,
        findWard(row.wardCode)?.name ?? row.wardCode,
        row.industrialPark ?? null,
        row.workerCount ?? null,
        row.femaleWorkerCount ?? null,
        row.operatingSince ?? null,
        stageLabel(row.stage),
        row.organizerName ?? null,
        row.lastVisit ?? null,
        row.daysSinceVisit ?? null,
      ],
    })),
    fileName: `ra-soat-doanh-nghiep-${list.today}`,
  };
}
