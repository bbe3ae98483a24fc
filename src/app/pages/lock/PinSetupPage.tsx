import { useState } from 'preact/hooks';
import { setUpVault } from '../../../db';
import { checkPin } from '../../../shared/crypto/pin-policy';
import { t } from '../../../shared/i18n';
import type { Issue } from '../../../shared/vn/issue';
import { appDb } from '../../db';
import { issuesFor, TextField } from '../../forms/fields';
import { addLockMessages } from './messages';

addLockMessages();

/**
 * The PIN, asked right after the first sign-in (and after a wipe): nothing personal is stored
 * on the device before it exists. Setting it encrypts whatever an older version left in clear.
 */
export function PinSetupPage({ wiped }: { wiped: boolean }) {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = checkPin(pin, again);
    setIssues(found);
    if (found.length > 0) {
      document.getElementById(found[0]?.field === 'pin' ? 'pin-new' : 'pin-again')?.focus();
      return;
    }
    setBusy(true);
    try {
      await setUpVault(appDb(), pin);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="page login" onSubmit={submit} noValidate>
      <h1>{t('lock.setupTitle')}</h1>
      <p role={wiped ? 'alert' : undefined}>
        {wiped ? t('lock.setupWiped') : t('lock.setupIntro')}
      </p>
      <TextField
        id="pin-new"
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        label={t('lock.pin')}
        value={pin}
        onValue={setPin}
        issues={issuesFor(issues, 'pin')}
        required
      />
      <TextField
        id="pin-again"
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        label={t('lock.pinAgain')}
        value={again}
        onValue={setAgain}
        issues={issuesFor(issues, 'pinConfirmation')}
        required
      />
      <button type="submit" class="button primary" disabled={busy}>
        {busy ? t('lock.working') : t('lock.setupButton')}
      </button>
    </form>
  );
}
