import { useEffect, useState } from 'preact/hooks';
import { addPasskey, type VaultStatus, vaultStatus } from '../../db';
import { t } from '../../shared/i18n';
import { appDb } from '../db';
import { SelectField, TextField } from '../forms/fields';
import { lockNow, useUnlocked } from '../lock';
import { LOCK_MINUTE_CHOICES, lockMinutes, setLockMinutes } from '../lock-timer';
import { addLockMessages } from '../pages/lock/messages';
import { createPasskey, passkeysAvailable } from '../passkey';
import { useSession } from '../session';

addLockMessages();

/** Cài đặt › Bảo mật: when the app locks by itself, lock now, and unlock by fingerprint. */
export function SecurityPanel() {
  const session = useSession();
  const unlocked = useUnlocked();
  const [minutes, setMinutes] = useState(() => String(lockMinutes()));
  const [status, setStatus] = useState<VaultStatus | undefined>();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void vaultStatus(appDb()).then(setStatus);
  }, [message]);

  const choose = (value: string) => {
    setMinutes(value);
    if (value !== '') setLockMinutes(Number(value));
  };

  const enrol = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const passkey = await createPasskey(session.user.username, session.user.displayName);
      if (passkey === undefined) {
        setMessage(t('lock.passkeyUnsupported'));
        return;
      }
      const added = await addPasskey(appDb(), pin, passkey);
      setPin('');
      setMessage(added ? t('lock.passkeyAdded') : t('crypto.wrong_pin'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="security-title">
      <h2 id="security-title">{t('lock.securityTitle')}</h2>
      <SelectField
        id="lock-minutes"
        label={t('lock.autoLock')}
        value={minutes}
        options={LOCK_MINUTE_CHOICES.map((count) => ({
          value: String(count),
          label: t('lock.minutes', { count }),
        }))}
        onValue={choose}
      />
      {unlocked && (
        <div class="form-actions">
          <button type="button" class="button" onClick={lockNow}>
            {t('lock.lockNow')}
          </button>
        </div>
      )}
      {status?.passkey ? (
        <p class="muted">{t('lock.passkeyReady')}</p>
      ) : (
        passkeysAvailable() && (
          <form onSubmit={enrol} noValidate>
            <TextField
              id="passkey-pin"
              type="password"
              inputMode="numeric"
              autoComplete="current-password"
              label={t('lock.addPasskeyPin')}
              value={pin}
              onValue={setPin}
              required
            />
            <div class="form-actions">
              <button type="submit" class="button" disabled={busy}>
                {t('lock.addPasskey')}
              </button>
            </div>
          </form>
        )
      )}
      {message && (
        <p role="status" data-testid="security-message">
          {message}
        </p>
      )}
    </section>
  );
}
