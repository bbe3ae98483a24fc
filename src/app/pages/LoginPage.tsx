import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { login } from '../auth';
import { TextField } from '../forms/fields';
import { afterWrite } from '../sync-scheduler';

/** First sign-in (online), or a new password after the server said the session expired. */
export function LoginPage({ expiredFor }: { expiredFor?: string | undefined }) {
  const [username, setUsername] = useState(expiredFor ?? '');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

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
