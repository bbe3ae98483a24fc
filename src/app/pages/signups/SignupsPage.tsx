import { listDrafts, listSignups } from '../../../db';
import { t } from '../../../shared/i18n';
import { formatDate } from '../../../shared/vn/core';
import { appDb } from '../../db';
import { useLive } from '../../hooks/useLive';
import { enumLabel } from '../../labels';
import { onLinkClick } from '../../router';
import { completeness } from './draft-fields';

export function SignupsPage() {
  const drafts = useLive(() => listDrafts(appDb()), []);
  const sent = useLive(() => listSignups(appDb(), {}), []);
  const submitted = (sent.value ?? []).filter((s) => s.status !== 'draft');
  return (
    <section class="page">
      <h1>{t('page.signups')}</h1>
      <section class="card" aria-labelledby="drafts-title">
        <h2 id="drafts-title">{t('signup.drafts', { count: drafts.value?.length ?? 0 })}</h2>
        {drafts.value?.length === 0 && <p class="muted">{t('signup.noDrafts')}</p>}
        <ul class="plain-list" data-testid="draft-list">
          {(drafts.value ?? []).map((draft) => (
            <li key={draft.id}>
              <a class="list-row" href={`/signups/${draft.id}`} onClick={onLinkClick}>
                <span class="row-title">{draft.fullName || t('signup.unnamed')}</span>
                <span class="row-meta">
                  {t('signup.complete', { percent: completeness(draft) })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="submitted-title">
        <h2 id="submitted-title">{t('signup.submitted', { count: submitted.length })}</h2>
        <ul class="plain-list" data-testid="submitted-list">
          {submitted.map((signup) => (
            <li key={signup.id} class="list-row">
              <span class="row-title">{signup.fullName}</span>
              <span class="row-meta">
                {enumLabel('signup_status', signup.status)} ·{' '}
                {signup.signedAt ? formatDate(signup.signedAt) : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
