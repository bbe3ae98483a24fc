import { useState } from 'preact/hooks';
import { clearUserData, listDrafts, outboxCount } from '../../db';
import { t } from '../../shared/i18n';
import { appDb } from '../db';
import { useLoad } from '../hooks/useLoad';
import { isEmptyDraft } from '../pages/signups/draft-fields';
import { useSession } from '../session';
import { downloadBackup } from './BackupPanel';

async function unsentCount(): Promise<number> {
  const db = appDb();
  const [outbox, drafts] = await Promise.all([outboxCount(db), listDrafts(db)]);
  // An empty draft (nothing typed) holds nothing to lose.
  return outbox.total + drafts.filter((draft) => !isEmptyDraft(draft)).length;
}

/**
 * Logout leaves no personal data of the user on the device, so it refuses while records are
 * unsent unless the organizer exports them first or confirms twice.
 */
export function AccountPanel() {
  const session = useSession();
  const { load } = useLoad(['outbox', 'signups'], unsentCount, []);
  const [confirmations, setConfirmations] = useState(0);
  // Until the count is read, signing out asks as if something were unsent.
  const count = load.status === 'ready' ? load.value : 1;

  const logout = async () => {
    if (count > 0 && confirmations < 2) {
      setConfirmations(confirmations + 1);
      if (confirmations + 1 < 2) return;
    }
    await fetch('/api/auth/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
    }).catch(() => undefined);
    await clearUserData(appDb());
  };

  return (
    <section class="card" aria-labelledby="account-title">
      <h2 id="account-title">{t('login.signedInAs', { name: session.user.displayName })}</h2>
      {count > 0 && (
        <p role="status" data-testid="logout-unsent">
          {t('logout.unsent', { count })}
        </p>
      )}
      <div class="form-actions">
        {count > 0 && (
          <button type="button" class="button" onClick={() => void downloadBackup()}>
            {t('backup.export')}
          </button>
        )}
        <button type="button" class="button danger" onClick={() => void logout()}>
          {count === 0
            ? t('logout.button')
            : confirmations === 0
              ? t('logout.confirm', { count })
              : t('logout.confirmAgain')}
        </button>
      </div>
    </section>
  );
}
