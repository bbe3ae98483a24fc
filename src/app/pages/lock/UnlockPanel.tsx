import { useEffect, useState } from 'preact/hooks';
import { unlockWithPasskey, unlockWithPin, type VaultStatus, vaultStatus } from '../../../db';
import { t } from '../../../shared/i18n';
import { appDb } from '../../db';
import { TextField } from '../../forms/fields';
import { passkeySecret, passkeysAvailable } from '../../passkey';
import { addLockMessages } from './messages';

addLockMessages();

/**
 * Unlocks the app where a screen needs personal data: the PIN, or the passkey when one was
 * added. Wrong PINs count down; the tenth wipes (the app then asks for a new PIN).
 */
export function UnlockPanel() {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<VaultStatus | undefined>();
  useEffect(() => {
    void vaultStatus(appDb()).then(setStatus);
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await unlockWithPin(appDb(), pin).finally(() => setBusy(false));
    setPin('');
    if (!outcome.ok && outcome.reason === 'wrong_pin') {
      setMessage(t('lock.wrongPin', { count: outcome.remaining }));
      document.getElementById('unlock-pin')?.focus();
    }
  };

  const withPasskey = async () => {
    const passkey = status?.passkey;
    if (passkey === undefined) return;
    setBusy(true);
    const secret = await passkeySecret(passkey.credentialId, passkey.prfInput);
    const ok = secret !== undefined && (await unlockWithPasskey(appDb(), secret));
    setBusy(false);
    if (!ok) setMessage(t('lock.passkeyFailed'));
  };

  return (
    <form class="card unlock" onSubmit={submit} aria-labelledby="unlock-title" noValidate>
      <h2 id="unlock-title">{t('lock.title')}</h2>
      <p>{t('lock.intro')}</p>
      <TextField
        id="unlock-pin"
        type="password"
        inputMode="numeric"
        autoComplete="current-password"
        label={t('lock.enterPin')}
        value={pin}
        onValue={setPin}
        required
      />
      {message && (
        <p class="form-error" role="alert">
          {message}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('lock.working') : t('lock.unlock')}
        </button>
        {status?.passkey && passkeysAvailable() && (
          <button type="button" class="button" disabled={busy} onClick={() => void withPasskey()}>
            {t('lock.unlockPasskey')}
          </button>
        )}
      </div>
    </form>
  );
}
