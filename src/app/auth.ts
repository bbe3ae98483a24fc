import * as v from 'valibot';
import { pinServerSealKey, saveSession } from '../db';
import { t } from '../shared/i18n';
import { loginResponseSchema } from '../shared/protocol';
import { appDb } from './db';

export type LoginOutcome = { ok: true } | { ok: false; message: string };

function retryMinutes(response: Response): number {
  const seconds = Number(response.headers.get('retry-after') ?? '60');
  return Math.max(1, Math.ceil((Number.isFinite(seconds) ? seconds : 60) / 60));
}

/** Signs in against the union's server and keeps the session on the device. */
export async function login(username: string, password: string): Promise<LoginOutcome> {
  let response: Response;
  try {
    response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  } catch {
    return { ok: false, message: t('login.offline') };
  }
  if (response.status === 401 || response.status === 400)
    return { ok: false, message: t('login.bad') };
  if (response.status === 429) {
    return { ok: false, message: t('login.tooMany', { minutes: retryMinutes(response) }) };
  }
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = v.safeParse(loginResponseSchema, body);
  if (!response.ok || !parsed.success) {
    return { ok: false, message: t('login.failed', { status: response.status }) };
  }
  // The outbox seals for this key from now on (docs/design.md §5, "Sealing").
  if (parsed.output.sealKey) await pinServerSealKey(appDb(), parsed.output.sealKey);
  await saveSession(appDb(), {
    token: parsed.output.token,
    user: parsed.output.user,
    signedInAt: new Date().toISOString(),
  });
  return { ok: true };
}
