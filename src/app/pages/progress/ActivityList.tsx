import type { ProgressSignup, ProgressVisit, Session } from '../../../db';
import { type Period, periodRange } from '../../../shared/domain';
import { formatCount, t } from '../../../shared/i18n';
import { LoadState } from '../../components/LoadState';
import { PAGE_SIZE, ShowMore, usePaging } from '../../components/ShowMore';
import { formatDay } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { enumLabel } from '../../labels';
import { onLinkClick } from '../../router';
import { activityByAuthor, movesForward, visitDay } from './activity';
import { subtreeFacts } from './figures';
import type { ActivityKind } from './links';
import type { ProgressModel } from './progress-data';
import { readVisitsAround } from './progress-data';

type Props = {
  model: ProgressModel;
  query: { unitId: string; period: Period };
  activity: { kind: ActivityKind; authorId: string };
  session: Session;
};

/** An organizer's visits, applications, admissions or enterprises moved forward in the period. */
export function ActivityList({ model, query, activity, session }: Props) {
  const { from, to } = periodRange(query.period);
  const visits = useLoad(['visits'], () => readVisitsAround(from, to), [from, to]);
  const paging = usePaging();
  const name = (enterpriseId: string) => model.lookups.enterprises.get(enterpriseId)?.name ?? '';
  return (
    <LoadState data={visits}>
      {(list) => {
        const records = activityByAuthor({
          visits: list,
          signups: model.records.signups,
          enterpriseUnit: model.enterpriseUnit,
          unitIds: subtreeFacts(model.index, query.unitId).unitIds,
          period: query.period,
          selfId: session.user.id,
        }).get(activity.authorId);
        const items = itemsOf(activity.kind, records, name);
        return (
          <>
            <p data-testid="records-total">
              {t('progress.records.count', { count: items.length })}
            </p>
            {items.length === 0 && <p class="muted">{t('progress.records.none')}</p>}
            <ul class="plain-list record-list" data-testid="records">
              {items.slice(0, paging.shown).map((item) => (
                <li key={item.key} class="record">
                  <a
                    href={`/enterprises/${item.enterpriseId}`}
                    onClick={onLinkClick}
                    class="record-link"
                  >
                    <span class="record-head">{item.title}</span>
                    <span class="row-meta">{item.meta}</span>
                  </a>
                </li>
              ))}
            </ul>
            <ShowMore
              paging={paging}
              total={items.length}
              label={(hidden) => t('progress.records.more', { count: Math.min(PAGE_SIZE, hidden) })}
            />
          </>
        );
      }}
    </LoadState>
  );
}

type Item = { key: string; enterpriseId: string; title: string; meta: string };

function visitItem(visit: ProgressVisit, name: (id: string) => string): Item {
  const day = visitDay(visit.visitedAt);
  const stages =
    visit.stageBefore && visit.stageAfter && visit.stageBefore !== visit.stageAfter
      ? ` · ${enumLabel('stage', visit.stageBefore)} → ${enumLabel('stage', visit.stageAfter)}`
      : '';
  return {
    key: visit.id,
    enterpriseId: visit.enterpriseId,
    title: name(visit.enterpriseId),
    meta: `${day ? formatDay(day) : visit.visitedAt} · ${t('progress.records.workersReached', {
      count: formatCount(visit.workersReached ?? 0),
    })}${stages}`,
  };
}

function signupItem(signup: ProgressSignup, name: (id: string) => string, admitted: boolean): Item {
  const meta = admitted
    ? t('progress.records.admission', {
        number: signup.decision?.number ?? '–',
        date: signup.decision ? formatDay(signup.decision.date) : '–',
      })
    : `${t('progress.records.signedAt', { date: signup.signedAt ? formatDay(signup.signedAt) : '–' })} · ${enumLabel('signup_status', signup.status)}`;
  return {
    key: signup.id,
    enterpriseId: signup.enterpriseId,
    title: name(signup.enterpriseId),
    meta,
  };
}

function itemsOf(
  kind: ActivityKind,
  records: ReturnType<ReturnType<typeof activityByAuthor>['get']>,
  name: (id: string) => string,
): Item[] {
  if (!records) return [];
  switch (kind) {
    case 'visits':
      return records.visits.map((visit) => visitItem(visit, name));
    case 'applications':
      return records.applications.map((signup) => signupItem(signup, name, false));
    case 'admissions':
      return records.admissions.map((signup) => signupItem(signup, name, true));
    case 'movedForward':
      return records.visits
        .filter((visit) => movesForward(visit.stageBefore, visit.stageAfter))
        .map((visit) => visitItem(visit, name));
  }
}
