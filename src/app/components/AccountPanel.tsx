import { useState } from 'preact/hooks';
import { listDrafts, outboxCount, signOutDevice } from '../../db';
import { sessionTokenHash } from '../../shared/crypto/token-hash';
import { t } from '../../shared/i18n';
import { appDb } from '../db';
import { useLoad } from '../hooks/useLoad';
import { isEmptyDraft } from '../pages/signups/draft-fields';
import { useSession } from '../session';
import { syncNow } from '../sync-scheduler';
import { BACKUP_PASSPHRASE_ID } from './BackupPanel';

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
    // The token goes at once; the server ends the session by its hash, now or when online.
    const tokenHash = await sessionTokenHash(session.token);
    await signOutDevice(appDb(), tokenHash);
    void syncNow();
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
          <button
            type="button"
            class="button"
            onClick={() => document.getElementById(BACKUP_PASSPHRASE_ID)?.focus()}
          >
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
