import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type { AuthedEnv } from '../http/context';
import { apiError, apiErrorMessage, errorBody } from '../http/errors';
import type { Store } from '../store/types';
import { resolveSession } from './sessions';

/**
 * Hono's bearer-auth: 401 unless the request carries `Authorization: Bearer <token>` of a live
 * session; then `user` and `token` are set for the route, typed as always present.
 */
export function requireUser(store: Store): MiddlewareHandler<AuthedEnv> {
  // One answer for no token, a malformed header and an unknown token: the device's only
  // question is whether to ask for the password again (Hono answers a malformed header 400).
  const unauthorized = {
    message: () =>
      Response.json(errorBody('unauthorized', apiErrorMessage('unauthorized')), { status: 401 }),
  };
  return bearerAuth({
    verifyToken: async (token, c) => {
      const user = await resolveSession(store, token);
      if (!user) return false;
      c.set('user', user);
      c.set('token', token);
      return true;
    },
    noAuthenticationHeader: unauthorized,
    invalidAuthenticationHeader: unauthorized,
    invalidToken: unauthorized,
  });
}

/** 403 for anyone but an admin; after requireUser. */
export const requireAdmin: MiddlewareHandler<AuthedEnv> = async (c, next) => {
  if (c.get('user').role !== 'admin') throw apiError(403, 'forbidden');
  await next();
};
