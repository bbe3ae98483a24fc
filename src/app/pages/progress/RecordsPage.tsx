import './progress.css';
import { useState } from 'preact/hooks';
import { type Period, periodLabel, todayInVietnam } from '../../../shared/domain';
import { formatCount, t } from '../../../shared/i18n';
import { INDICATORS, type Indicator } from '../../../shared/schemas';
import { LoadState } from '../../components/LoadState';
import { PAGE_SIZE, ShowMore, usePaging } from '../../components/ShowMore';
import { formatDay } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { enumLabel } from '../../labels';
import { onLinkClick } from '../../router';
import { useSession } from '../../session';
import { ActivityList } from './ActivityList';
import { type BreakdownRow, breakdownRows, breakdownTotal } from './breakdown';
import { subtreeFacts } from './figures';
import { ACTIVITY_KINDS, type ActivityKind, progressHref } from './links';
import { addProgressMessages } from './messages';
import { useOrganizerNames } from './names';
import { decodeChoice, THIS_MONTH, toPeriod } from './period-choice';
import { FACT_TABLES, keptModel, type ProgressModel, readProgressModel } from './progress-data';

addProgressMessages();

type Query = {
  unitId: string;
  period: Period;
  back: string;
  indicator?: Indicator;
  activity?: { kind: ActivityKind; authorId: string };
};

function readQuery(fallbackUnit: string, today: string): Query {
  const query = new URLSearchParams(location.search);
  const choice = decodeChoice(query.get('p')) ?? THIS_MONTH;
  const indicatorText = query.get('i');
  const indicator = (INDICATORS as readonly (string | null)[]).includes(indicatorText)
    ? (indicatorText as Indicator)
    : undefined;
  const kind = query.get('k');
  const activity = (ACTIVITY_KINDS as readonly (string | null)[]).includes(kind)
    ? { kind: kind as ActivityKind, authorId: query.get('a') ?? '' }
    : undefined;
  return {
    unitId: query.get('u') ?? fallbackUnit,
    period: toPeriod(choice, today),
    back: progressHref(choice, indicator ?? 'new_members'),
    ...(indicator ? { indicator } : {}),
    ...(activity ? { activity } : {}),
  };
}

/**
 * The records behind one figure of Tiến độ: an indicator's admissions, foundings and entries, or
 * an organizer's visits, applications and admissions. A figure nobody can trace is not trusted.
 */
export function RecordsPage() {
  const session = useSession();
  const [query] = useState(() => readQuery(session.user.unitId, todayInVietnam()));
  const data = useLoad(FACT_TABLES, readProgressModel, [], keptModel);
  const nameOf = useOrganizerNames(session);
  const title = query.indicator
    ? t(`indicator.${query.indicator}`)
    : query.activity
      ? t(`progress.records.${query.activity.kind}`)
      : t('progress.records.title');
  return (
    <section class="page progress-page">
      <a class="button back-link" href={query.back} onClick={onLinkClick}>
        {t('progress.records.back')}
      </a>
      <h1>{title}</h1>
      <LoadState data={data}>
        {(model) => (
          <>
            <p class="muted" data-testid="records-scope">
              {model.index.units.find((u) => u.id === query.unitId)?.name ?? ''} ·{' '}
              {periodLabel(query.period)}
              {query.activity && ` · ${nameOf(query.activity.authorId)}`}
            </p>
            {query.indicator ? (
              <IndicatorRecords model={model} query={query} indicator={query.indicator} />
            ) : query.activity ? (
              <ActivityList
                model={model}
                query={query}
                activity={query.activity}
                session={session}
              />
            ) : null}
          </>
        )}
      </LoadState>
    </section>
  );
}

function IndicatorRecords(props: { model: ProgressModel; query: Query; indicator: Indicator }) {
  const session = useSession();
  const nameOf = useOrganizerNames(session);
  const paging = usePaging();
  const { model, query } = props;
  const { unitIds, facts } = subtreeFacts(model.index, query.unitId);
  const rows = breakdownRows(
    props.indicator,
    { facts, unitIds, period: query.period },
    model.lookups,
  );
  return (
    <>
      <p data-testid="records-total">
        {t('progress.records.total', {
          count: rows.length,
          total: formatCount(breakdownTotal(rows)),
        })}
      </p>
      {rows.length === 0 && <p class="muted">{t('progress.records.none')}</p>}
      <ul class="plain-list record-list" data-testid="records">
        {rows.slice(0, paging.shown).map((row) => (
          <li key={`${row.source}:${row.id}`} class="record">
            <Record row={row} organizer={nameOf} />
          </li>
        ))}
      </ul>
      <ShowMore
        paging={paging}
        total={rows.length}
        label={(hidden) => t('progress.records.more', { count: Math.min(PAGE_SIZE, hidden) })}
      />
    </>
  );
}

function Amount({ row }: { row: BreakdownRow }) {
  const text = formatCount(row.amount);
  return (
    <span class={row.sign < 0 ? 'record-amount minus' : 'record-amount'}>
      {row.sign < 0 ? t('progress.records.minus', { amount: text }) : `+${text}`}
    </span>
  );
}

function Record({
  row,
  organizer,
}: {
  row: BreakdownRow;
  organizer: (id: string | undefined) => string;
}) {
  const date = formatDay(row.date);
  switch (row.kind) {
    case 'admission':
      return (
        <>
          <p class="record-head">
            <span>
              {t('progress.records.admission', { number: row.decisionNumber ?? '–', date })}
            </span>
            <Amount row={row} />
          </p>
          <p class="row-meta">{row.enterpriseName ?? ''}</p>
          <p class="row-meta">
            {t('progress.records.collectedBy', { name: organizer(row.authorId) })}
          </p>
        </>
      );
    case 'founding':
      return (
        <>
          <p class="record-head">
            <span>
              {t('progress.records.founding', { number: row.decisionNumber ?? '–', date })}
            </span>
            <Amount row={row} />
          </p>
          <p class="row-meta">{row.enterpriseName ?? ''}</p>
          {row.workersAtFounding !== undefined && (
            <p class="row-meta">
              {t('progress.records.workersAtFounding', {
                count: formatCount(row.workersAtFounding),
              })}
            </p>
          )}
        </>
      );
    case 'entry':
      return (
        <>
          <p class="record-head">
            <span>
              {enumLabel('entry_kind', row.entryKind)} · {date}
            </span>
            <Amount row={row} />
          </p>
          {row.decisionNumber !== undefined && (
            <p class="row-meta">
              {t('progress.records.decision', {
                number: row.decisionNumber,
                date: row.decisionDate ? formatDay(row.decisionDate) : '–',
              })}
            </p>
          )}
          {row.note !== '' && <p class="record-note">{row.note}</p>}
        </>
      );
  }
}
