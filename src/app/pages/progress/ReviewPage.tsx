import './progress.css';
import { useMemo, useState } from 'preact/hooks';
import { lastVisits, type ProgressEnterprise, type Session } from '../../../db';
import { REVIEW_MIN_WORKERS, todayInVietnam } from '../../../shared/domain';
import { formatCount, t } from '../../../shared/i18n';
import { LoadState } from '../../components/LoadState';
import { PAGE_SIZE, ShowMore, usePaging } from '../../components/ShowMore';
import { appDb } from '../../db';
import { formatDay } from '../../format';
import { CheckField, SelectField } from '../../forms/fields';
import { useAdminUnits } from '../../hooks/useAdminUnits';
import { useLoad } from '../../hooks/useLoad';
import { enumLabel } from '../../labels';
import { onLinkClick } from '../../router';
import { useSession } from '../../session';
import { csvText } from './csv';
import { Downloads } from './Downloads';
import { subtreeFacts } from './figures';
import { addProgressMessages } from './messages';
import { useOrganizerNames } from './names';
import { ProgressTabs } from './ProgressTabs';
import { FACT_TABLES, keptModel, type ProgressModel, readProgressModel } from './progress-data';
import { downloadReport, reviewPath, saveFile } from './report-client';
import {
  csvDate,
  filterValues,
  type LastVisit,
  lastVisitOf,
  NO_REVIEW_CHOICE,
  type ReviewChoice,
  type ReviewColumn,
  reviewCsvRows,
  reviewRows,
  toFilter,
} from './review-rows';

addProgressMessages();

/**
 * Rà soát: the subtree's enterprises without a union, largest first, then the longest
 * operating; filtered by ward, industrial park, size and stage; exported as CSV on the device
 * (offline) and as XLSX from the server (online).
 */
export function ReviewPage() {
  const session = useSession();
  const data = useLoad(FACT_TABLES, readProgressModel, [], keptModel);
  return (
    <section class="page progress-page">
      <h1>{t('page.progress')}</h1>
      <ProgressTabs current="review" />
      <LoadState data={data}>{(model) => <Review model={model} session={session} />}</LoadState>
    </section>
  );
}

function Review({ model, session }: { model: ProgressModel; session: Session }) {
  const today = todayInVietnam();
  const nameOf = useOrganizerNames(session);
  const admin = useAdminUnits();
  const wardName = (code: string) => admin?.findWard(code)?.name ?? code;
  const [choice, setChoice] = useState<ReviewChoice>(NO_REVIEW_CHOICE);
  const paging = usePaging();
  const unitId = session.user.unitId;
  const unitIds = useMemo(() => subtreeFacts(model.index, unitId).unitIds, [model, unitId]);
  const values = useMemo(() => filterValues(model.records.enterprises, unitIds), [model, unitIds]);
  const rows = useMemo(
    () => reviewRows(model.records.enterprises, unitIds, choice),
    [model, unitIds, choice],
  );
  const page = rows.slice(0, paging.shown);
  const pageKey = page.map((e) => e.id).join();
  const visits = useLoad(
    ['visits'],
    () =>
      lastVisits(
        appDb(),
        page.map((e) => e.id),
      ),
    [pageKey],
  );
  const set = (patch: Partial<ReviewChoice>) => {
    setChoice({ ...choice, ...patch });
    paging.reset();
  };
  const columns = reviewColumns(wardName, nameOf);
  const exportCsv = async () => {
    const all = await lastVisits(
      appDb(),
      rows.map((e) => e.id),
    );
    const cells = reviewCsvRows(rows, all, today, columns, t('progress.review.csv.number'));
    saveFile(
      new Blob([csvText(cells)], { type: 'text/csv;charset=utf-8' }),
      `ra-soat-${today}.csv`,
    );
  };
  const filter = toFilter(choice);
  return (
    <>
      <section class="card" aria-labelledby="review-title">
        <h2 id="review-title">{t('progress.review.title')}</h2>
        <p class="muted">{t('progress.review.intro')}</p>
        <div class="review-filters">
          <SelectField
            id="review-ward"
            label={t('progress.review.ward')}
            value={choice.wardCode}
            emptyLabel={t('progress.review.all')}
            options={values.wards.map((code) => ({ value: code, label: wardName(code) }))}
            onValue={(wardCode) => set({ wardCode })}
          />
          <SelectField
            id="review-park"
            label={t('progress.review.park')}
            value={choice.industrialPark}
            emptyLabel={t('progress.review.all')}
            options={values.parks.map((park) => ({ value: park, label: park }))}
            onValue={(industrialPark) => set({ industrialPark })}
          />
          <SelectField
            id="review-stage"
            label={t('progress.review.stage')}
            value={choice.stage}
            emptyLabel={t('progress.review.all')}
            options={values.stages.map((stage) => ({
              value: stage,
              label: enumLabel('stage', stage),
            }))}
            onValue={(stage) => set({ stage })}
          />
          <CheckField
            id="review-large"
            label={t('progress.review.large', { min: REVIEW_MIN_WORKERS })}
            checked={choice.large}
            onChecked={(large) => set({ large })}
          />
        </div>
        <p data-testid="review-count" aria-live="polite">
          {t('progress.review.count', { count: rows.length })}
        </p>
        <div class="form-actions">
          <button
            type="button"
            class="button"
            onClick={() => void exportCsv()}
            data-testid="review-csv"
          >
            {t('progress.review.exportCsv')}
          </button>
        </div>
        <Downloads
          files={[
            {
              id: 'review-xlsx',
              label: t('progress.review.xlsx'),
              fetch: () =>
                downloadReport(
                  session.token,
                  reviewPath({ unitId, ...filter }, 'xlsx'),
                  `ra-soat-${today}.xlsx`,
                ),
            },
          ]}
        />
      </section>
      <ol class="plain-list review-list" data-testid="review-list">
        {page.map((enterprise) => (
          <ReviewItem
            key={enterprise.id}
            enterprise={enterprise}
            visit={
              visits.load.status === 'ready'
                ? lastVisitOf(visits.load.value.get(enterprise.id), today)
                : undefined
            }
            visitKnown={visits.load.status === 'ready'}
            organizer={enterprise.assignedTo ? nameOf(enterprise.assignedTo) : undefined}
          />
        ))}
      </ol>
      <ShowMore
        paging={paging}
        total={rows.length}
        label={(hidden) => t('progress.records.more', { count: Math.min(PAGE_SIZE, hidden) })}
      />
    </>
  );
}

function ReviewItem(props: {
  enterprise: ProgressEnterprise;
  visit: LastVisit | undefined;
  visitKnown: boolean;
  organizer: string | undefined;
}) {
  const { enterprise, visit } = props;
  return (
    <li class="card review-item" data-testid="review-item" data-id={enterprise.id}>
      <a class="row-title" href={`/enterprises/${enterprise.id}`} onClick={onLinkClick}>
        {enterprise.name}
      </a>
      <p class="row-meta">
        {t('progress.review.workers', {
          workers: enterprise.workerCount === undefined ? '–' : formatCount(enterprise.workerCount),
          female:
            enterprise.femaleWorkerCount === undefined
              ? '–'
              : formatCount(enterprise.femaleWorkerCount),
        })}
        {enterprise.operatingSince !== undefined &&
          ` · ${t('progress.review.since', { year: enterprise.operatingSince })}`}
      </p>
      <p class="row-meta">
        {enumLabel('stage', enterprise.stage)} ·{' '}
        {props.organizer
          ? t('progress.review.organizer', { name: props.organizer })
          : t('progress.review.unassigned')}
      </p>
      <p class="row-meta">
        {!props.visitKnown
          ? '…'
          : visit
            ? t('progress.review.lastVisit', {
                date: formatDay(visit.day),
                days: visit.daysSince ?? 0,
              })
            : t('progress.review.neverVisited')}
      </p>
    </li>
  );
}

function reviewColumns(
  wardName: (code: string) => string,
  organizer: (id: string) => string,
): ReviewColumn[] {
  return [
    { header: t('progress.review.csv.name'), cell: (e) => e.name },
    { header: t('progress.review.csv.ward'), cell: (e) => wardName(e.wardCode) },
    { header: t('progress.review.csv.park'), cell: (e) => e.industrialPark },
    { header: t('progress.review.csv.workers'), cell: (e) => e.workerCount },
    { header: t('progress.review.csv.female'), cell: (e) => e.femaleWorkerCount },
    { header: t('progress.review.csv.since'), cell: (e) => e.operatingSince },
    { header: t('progress.review.csv.stage'), cell: (e) => enumLabel('stage', e.stage) },
    {
      header: t('progress.review.csv.organizer'),
      cell: (e) => (e.assignedTo ? organizer(e.assignedTo) : undefined),
    },
    { header: t('progress.review.csv.lastVisit'), cell: (_e, visit) => csvDate(visit?.day) },
    { header: t('progress.review.csv.daysSince'), cell: (_e, visit) => visit?.daysSince },
  ];
}
