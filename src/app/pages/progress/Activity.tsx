import type { Session } from '../../../db';
import { formatCount, type MessageKey, t } from '../../../shared/i18n';
import { onLinkClick } from '../../router';
import {
  type ActivityCounts,
  type ActivityRecords,
  countActivity,
  organizerRows,
} from './activity';
import { type ActivityKind, activityRecordsHref } from './links';
import { useOrganizerNames } from './names';
import type { PeriodChoice } from './period-choice';

type Figure = { key: keyof ActivityCounts; kind: ActivityKind; label: MessageKey };

/** What an organizer's month shows (docs: issue 13), each opening its records. */
const MINE: readonly Figure[] = [
  { key: 'visits', kind: 'visits', label: 'progress.activity.visits' },
  { key: 'workersReached', kind: 'visits', label: 'progress.activity.workersReached' },
  { key: 'applications', kind: 'applications', label: 'progress.activity.applications' },
  { key: 'admissions', kind: 'admissions', label: 'progress.activity.admissionsMine' },
];

/** What a supervisor sees of each organizer. */
const PER_ORGANIZER: readonly Figure[] = [
  { key: 'visits', kind: 'visits', label: 'progress.activity.visits' },
  { key: 'applications', kind: 'applications', label: 'progress.activity.applications' },
  { key: 'admissions', kind: 'admissions', label: 'progress.activity.admissions' },
  { key: 'movedForward', kind: 'movedForward', label: 'progress.activity.movedForward' },
];

type Common = { unitId: string; choice: PeriodChoice };

function Figures(
  props: Common & { figures: readonly Figure[]; counts: ActivityCounts; authorId: string },
) {
  return (
    <ul class="activity-grid">
      {props.figures.map((figure) => (
        <li key={figure.key}>
          <a
            class="activity-figure"
            href={activityRecordsHref(props.unitId, props.choice, figure.kind, props.authorId)}
            onClick={onLinkClick}
            data-figure={figure.key}
          >
            <span class="activity-value">{formatCount(props.counts[figure.key])}</span>
            <span class="activity-label">{t(figure.label)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The organizer's own figures of the period. */
export function MyActivity(
  props: Common & { records: ActivityRecords | undefined; session: Session },
) {
  return (
    <section class="card" aria-labelledby="mine-title" data-testid="my-activity">
      <h2 id="mine-title">{t('progress.activity.mineTitle')}</h2>
      <Figures
        {...props}
        figures={MINE}
        counts={countActivity(props.records)}
        authorId={props.session.user.id}
      />
    </section>
  );
}

/** Each organizer's figures of the period in the subtree, the most admissions first. */
export function OrganizerActivity(
  props: Common & { byAuthor: ReadonlyMap<string, ActivityRecords>; session: Session },
) {
  const rows = organizerRows(props.byAuthor);
  const nameOf = useOrganizerNames(props.session);
  return (
    <section class="card" aria-labelledby="organizers-title" data-testid="organizers">
      <h2 id="organizers-title">{t('progress.activity.organizersTitle')}</h2>
      {rows.length === 0 && <p class="muted">{t('progress.activity.none')}</p>}
      <ul class="plain-list">
        {rows.map((row) => (
          <li key={row.authorId} class="organizer" data-author={row.authorId}>
            <h3>{nameOf(row.authorId)}</h3>
            <Figures {...props} figures={PER_ORGANIZER} counts={row} authorId={row.authorId} />
          </li>
        ))}
      </ul>
    </section>
  );
}
