import { getEnterprise, listSignups, type SignupRow } from '../../../db';
import { t } from '../../../shared/i18n';
import { LoadState } from '../../components/LoadState';
import { RecordState, type Unsent, useUnsent } from '../../components/RecordState';
import { appDb } from '../../db';
import { formatDay } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { enumLabel } from '../../labels';
import { useUnlocked } from '../../lock';
import { onLinkClick } from '../../router';
import { UnlockPanel } from '../../screens';
import { addLockMessages } from '../lock/messages';
import { completeness, isEmptyDraft } from './draft-fields';

addLockMessages();

/** Every application on the device with its enterprise's name; empty drafts are not shown. */
async function loadSignups() {
  const db = appDb();
  const rows = await listSignups(db, {});
  const ids = [...new Set(rows.map((row) => row.enterpriseId))];
  const enterprises = await Promise.all(ids.map((id) => getEnterprise(db, id)));
  const names = new Map(ids.map((id, i) => [id, enterprises[i]?.name ?? '']));
  return {
    drafts: rows.filter((row) => row.status === 'draft' && !isEmptyDraft(row)),
    submitted: rows.filter((row) => row.status !== 'draft'),
    names,
  };
}

export function SignupsPage() {
  const unlocked = useUnlocked();
  // Locked, the lists show counts and enterprise names only; they read again on unlock.
  const data = useLoad(['signups', 'enterprises'], loadSignups, [unlocked]);
  const unsent = useUnsent();
  return (
    <section class="page">
      <h1>{t('page.signups')}</h1>
      {!unlocked && <UnlockPanel />}
      <LoadState data={data}>
        {({ drafts, submitted, names }) => (
          <>
            <section class="card" aria-labelledby="drafts-title">
              <h2 id="drafts-title">{t('signup.drafts', { count: drafts.length })}</h2>
              {drafts.length === 0 && <p class="muted">{t('signup.noDrafts')}</p>}
              <SignupList
                testId="draft-list"
                rows={drafts}
                names={names}
                unsent={unsent}
                unlocked={unlocked}
              />
            </section>
            <section class="card" aria-labelledby="submitted-title">
              <h2 id="submitted-title">{t('signup.submitted', { count: submitted.length })}</h2>
              <SignupList
                testId="submitted-list"
                rows={submitted}
                names={names}
                unsent={unsent}
                unlocked={unlocked}
              />
            </section>
          </>
        )}
      </LoadState>
    </section>
  );
}

type ListProps = {
  testId: string;
  rows: readonly SignupRow[];
  names: ReadonlyMap<string, string>;
  unsent: Unsent;
  unlocked: boolean;
};

/** Each application opens: a draft to go on with, a submitted one to read. */
function SignupList({ testId, rows, names, unsent, unlocked }: ListProps) {
  return (
    <ul class="plain-list" data-testid={testId}>
      {rows.map((signup) => (
        <li key={signup.id}>
          <a class="list-row" href={`/signups/${signup.id}`} onClick={onLinkClick}>
            <span class="row-title">
              {signup.fullName || t(unlocked ? 'signup.unnamed' : 'lock.lockedName')}
            </span>
            <span class="row-meta">{names.get(signup.enterpriseId)}</span>
            <span class="row-meta">
              {signup.status === 'draft'
                ? t('signup.complete', { percent: completeness(signup) })
                : signup.signedAt && formatDay(signup.signedAt)}
              {' · '}
              <RecordState unsent={unsent} entity="signup" id={signup.id} status={signup.status} />
              {(signup.status === 'accepted' || signup.status === 'rejected') && (
                <>
                  {' · '}
                  <span data-testid="signup-status" data-status={signup.status}>
                    {enumLabel('signup_status', signup.status)}
                  </span>
                </>
              )}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
