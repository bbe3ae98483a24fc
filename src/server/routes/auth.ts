import { Hono } from 'hono';
import { loginRequestSchema } from '../../shared/protocol';
import { findUserForLogin } from '../accounts/users';
import type { ClientAddressOf } from '../auth/client-address';
import { verifyPassword } from '../auth/password';
import { beginLoginAttempt, recordLoginFailure, recordLoginSuccess } from '../auth/rate-limit';
import { requireUser } from '../auth/require-user';
import { createSession, deleteSession } from '../auth/sessions';
import { readBody } from '../http/body';
import { type AppEnv, currentUser } from '../http/context';
import { apiError } from '../http/errors';
import type { Store } from '../store/types';

export function authRoutes(store: Store, clientAddress: ClientAddressOf): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/login', async (c) => {
    const { username, password } = await readBody(c, loginRequestSchema, 'login');
    const outcome = await beginLoginAttempt(store, username, clientAddress(c));
    if (!outcome.allowed) {
      throw apiError(429, 'rate_limited', {
        headers: { 'Retry-After': String(outcome.retryAfterSeconds) },
      });
    }
    const found = await findUserForLogin(store, username);
    const valid = await verifyPassword(password, found?.passwordHash);
    // One answer for an unknown user, a wrong password and a disabled account: no enumeration.
    if (!found || !valid || !found.user.active) {
      await recordLoginFailure(store);
      throw apiError(401, 'invalid_credentials');
    }
    await recordLoginSuccess(store, outcome.attempt);
    const token = await createSession(store, found.user.id);
    await store.flush();
    return c.json({ token, user: found.user });
  });

  routes.post('/logout', requireUser(store), async (c) => {
    const token = c.get('token');
    if (token !== undefined) await deleteSession(store, token);
    await store.flush();
    return c.body(null, 204);
  });

  routes.get('/me', requireUser(store), (c) => c.json(currentUser(c)));

  return routes;
}
