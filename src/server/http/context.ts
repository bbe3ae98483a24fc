import type { Context } from 'hono';
import type { User } from '../../shared/schemas';
import type { Store } from '../store/types';
import { apiError } from './errors';

export type AppEnv = {
  Variables: {
    store: Store;
    /** Set by requireUser on authenticated routes. */
    user?: User;
    token?: string;
  };
};

/** The authenticated user of a route behind requireUser. */
export function currentUser(c: Context<AppEnv>): User {
  const user = c.get('user');
  if (!user) throw apiError(401, 'unauthorized');
  return user;
}
