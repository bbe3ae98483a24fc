import { useState } from 'preact/hooks';
import { outboxCount } from '../../db';
import { t } from '../../shared/i18n';
import { login } from '../auth';
import { appDb } from '../db';
import { TextField } from '../forms/fields';
import { useLoad } from '../hooks/useLoad';
import { afterWrite } from '../sync-scheduler';
import { addLockMessages } from './lock/messages';

addLockMessages();

/** First sign-in (online), or a new password after the server said the session expired. */
export function LoginPage({ expiredFor }: { expiredFor?: string | undefined }) {
  const [username, setUsername] = useState(expiredFor ?? '');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  // Records sealed for the server that a sign-out kept: they leave after the next sign-in.
  const { load: kept } = useLoad(['outbox'], async () => (await outboxCount(appDb())).pending, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await login(username.trim(), password);
    setBusy(false);
    if (!outcome.ok) setMessage(outcome.message);
    // The first pull brings the unit's enterprises; an expired session's queue goes out too.
    else afterWrite();
  };

  return (
    <form class="page login" onSubmit={submit}>
      <h1>{t('login.title')}</h1>
      {expiredFor && <p role="status">{t('login.expired')}</p>}
      {kept.status === 'ready' && kept.value > 0 && (
        <p role="status" data-testid="kept-outbox">
          {t('logout.keptOutbox', { count: kept.value })}
        </p>
      )}
      <TextField
        id="login-username"
        label={t('login.username')}
        value={username}
        onValue={setUsername}
        autoComplete="username"
        required
      />
      <TextField
        id="login-password"
        type="password"
        label={t('login.password')}
        value={password}
        onValue={setPassword}
        autoComplete="current-password"
        required
      />
      {message && (
        <p class="form-error" role="alert">
          {message}
        </p>
      )}
      <button type="submit" class="button primary" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
