import { listFollowUps } from '../../db';
import { t } from '../../shared/i18n';
import type { Enterprise } from '../../shared/schemas';
import { LoadState } from '../components/LoadState';
import { appDb } from '../db';
import { formatDay } from '../format';
import { useLoad } from '../hooks/useLoad';
import { today } from '../ids';
import { enumLabel } from '../labels';
import { onLinkClick } from '../router';
import { useSession } from '../session';

function Bucket({ id, title, items }: { id: string; title: string; items: readonly Enterprise[] }) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>
        {title} ({items.length})
      </h2>
      {items.length === 0 && <p class="muted">{t('followUps.none')}</p>}
      <ul class="plain-list" data-testid={id}>
        {items.map((e) => (
          <li key={e.id} class="follow-up">
            <a class="follow-up-link" href={`/enterprises/${e.id}`} onClick={onLinkClick}>
              <span class="row-title">{e.name}</span>
              <span class="row-meta">
                {e.nextFollowUp && formatDay(e.nextFollowUp)} · {enumLabel('stage', e.stage)}
              </span>
            </a>
            <a class="button primary" href={`/enterprises/${e.id}/visit`} onClick={onLinkClick}>
              {t('visit.log')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FollowUpsPage() {
  const day = today();
  const userId = useSession().user.id;
  const data = useLoad(['enterprises'], () => listFollowUps(appDb(), day, userId), [day, userId]);
  return (
    <section class="page">
      <h1>{t('page.followUps')}</h1>
      <LoadState data={data}>
        {(buckets) => (
          <>
            <Bucket id="overdue" title={t('followUps.overdue')} items={buckets.overdue} />
            <Bucket id="due-today" title={t('followUps.today')} items={buckets.today} />
            <Bucket id="this-week" title={t('followUps.thisWeek')} items={buckets.thisWeek} />
          </>
        )}
      </LoadState>
    </section>
  );
}
