import { type Context, Hono } from 'hono';
import { t } from '../../shared/i18n';
import {
  changePasswordRequestSchema,
  loginRequestSchema,
  revokeRequestSchema,
} from '../../shared/protocol';
import { findUserForLogin, setPassword } from '../accounts/users';
import type { ClientAddressOf } from '../auth/client-address';
import { verifyPassword } from '../auth/password';
import { passwordIssues } from '../auth/password-policy';
import { beginLoginAttempt, recordLoginFailure, recordLoginSuccess } from '../auth/rate-limit';
import { requireUser } from '../auth/require-user';
import { revokeSession, throttleRevocation } from '../auth/revoke';
import { createSession, deleteSession, deleteUserSessions } from '../auth/sessions';
import { limitBody, readBody, SMALL_BODY_BYTES } from '../http/body';
import type { AppEnv } from '../http/context';
import { apiError } from '../http/errors';
import type { SealKeyStore } from '../keys/key-store';
import { currentSealKey } from '../keys/keyring';
import type { Store } from '../store/types';

/**
 * Checks `password` for `username` under the login throttle (rate-limit.ts): 429 while limited;
 * undefined for an unknown user, a wrong password or a disabled account alike, so that the
 * answer does not tell which usernames exist.
 */
async function checkPassword(
  store: Store,
  c: Context,
  clientAddress: ClientAddressOf,
  username: string,
  password: string,
) {
  const outcome = await beginLoginAttempt(store, username, clientAddress(c));
  if (!outcome.allowed) {
    throw apiError(429, 'rate_limited', {
      headers: { 'Retry-After': String(outcome.retryAfterSeconds) },
    });
  }
  const found = await findUserForLogin(store, username);
  const valid = await verifyPassword(password, found?.passwordHash);
  if (!found || !valid || !found.user.active) {
    await recordLoginFailure(store);
    return undefined;
  }
  await recordLoginSuccess(store, outcome.attempt);
  return found.user;
}

export function authRoutes(
  store: Store,
  clientAddress: ClientAddressOf,
  sealKeys: SealKeyStore,
): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const small = limitBody(SMALL_BODY_BYTES);

  routes.post('/login', small, async (c) => {
    const { username, password } = await readBody(c, loginRequestSchema, 'login');
    const user = await checkPassword(store, c, clientAddress, username, password);
    if (!user) throw apiError(401, 'invalid_credentials');
    const token = await createSession(store, user.id);
    await store.flush();
    // The key the installation pins and seals its outbox for (docs/design.md §5 "Sealing").
    return c.json({ token, user, sealKey: await currentSealKey(sealKeys) });
  });

  /**
   * The current sealing key, public: a device checks it against the key it pinned (a rotation
   * shows as a new kid) without signing in again. The key is public, so no session is asked.
   */
  routes.get('/seal-key', async (c) => c.json(await currentSealKey(sealKeys)));

  routes.post('/logout', requireUser(store), async (c) => {
    await deleteSession(store, c.get('token'));
    await store.flush();
    return c.body(null, 204);
  });

  /**
   * Sign-out queued by a device that was offline (docs/design.md §5): the session named by the
   * hash of its token ends. No session is asked: the device wiped its token when the user
   * signed out. 204 whether or not it still lived, so a replay is harmless and tells nothing.
   */
  routes.post('/revoke', small, async (c) => {
    const { tokenHash } = await readBody(c, revokeRequestSchema, 'revoke');
    const wait = await throttleRevocation(store, clientAddress(c));
    if (wait !== undefined) {
      throw apiError(429, 'rate_limited', { headers: { 'Retry-After': String(wait) } });
    }
    await revokeSession(store, tokenHash);
    await store.flush();
    return c.body(null, 204);
  });

  /** Sign out everywhere: every session of the user ends, this one included. */
  routes.post('/logout-all', requireUser(store), async (c) => {
    await deleteUserSessions(store, c.get('user').id);
    await store.flush();
    return c.body(null, 204);
  });

  routes.post('/password', requireUser(store), small, async (c) => {
    const input = await readBody(c, changePasswordRequestSchema, 'password');
    const user = c.get('user');
    const fields = passwordIssues(input.newPassword, user.username, 'newPassword');
    if (fields.length > 0) throw apiError(400, 'validation_failed', { fields });
    // Not a 401: that would tell the device its session ended.
    if (!(await checkPassword(store, c, clientAddress, user.username, input.currentPassword))) {
      throw apiError(400, 'validation_failed', {
        fields: [
          {
            field: 'currentPassword',
            code: 'password.current_wrong',
            message: t('password.current_wrong'),
          },
        ],
      });
    }
    await setPassword(store, user.id, input.newPassword);
    await deleteUserSessions(store, user.id, c.get('token'));
    await store.flush();
    return c.body(null, 204);
  });

  routes.get('/me', requireUser(store), (c) => c.json(c.get('user')));

  return routes;
}
