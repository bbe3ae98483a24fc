import type { MiddlewareHandler } from 'hono';
import { type AppEnv, currentUser } from '../http/context';
import { apiError } from '../http/errors';
import type { Store } from '../store/types';
import { resolveSession } from './sessions';

// A real token is 43 characters: anything much longer is not worth a database lookup.
const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,200})$/i;

/** 401 unless the request carries `Authorization: Bearer <token>` of a live session. */
export function requireUser(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    const user = token === undefined ? undefined : await resolveSession(store, token);
    if (!user || token === undefined) {
      throw apiError(401, 'unauthorized', { headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    c.set('user', user);
    c.set('token', token);
    await next();
  };
}

/** 403 for anyone but an admin; after requireUser. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (currentUser(c).role !== 'admin') throw apiError(403, 'forbidden');
  await next();
};
