import { Hono } from 'hono';
import { unitUsersQuerySchema } from '../../shared/protocol';
import { subtreeIds } from '../accounts/units';
import { directoryOf } from '../accounts/users';
import { requireUser } from '../auth/require-user';
import { scopeOf } from '../changes/scope';
import { parseWith } from '../http/body';
import type { AppEnv } from '../http/context';
import { apiError } from '../http/errors';
import type { Store } from '../store/types';

/**
 * What the device knows of the units around its user beyond the pull: the names of the people
 * of the user's scope (docs/design.md §5), so that the progress screens name each organizer.
 */
export function unitRoutes(store: Store): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  /** The users of a unit's subtree within the user's scope (the pull's): 403 outside it. */
  routes.get('/users', requireUser(store), async (c) => {
    const { unitId } = parseWith(unitUsersQuerySchema, c.req.query(), 'query');
    const user = c.get('user');
    const root = unitId ?? user.unitId;
    const users = await store.transaction(async (tx) => {
      const scope = await scopeOf(tx, user);
      if (!scope.has(root)) throw apiError(403, 'forbidden');
      const units = (await subtreeIds(tx, root)).filter((id) => scope.has(id));
      return directoryOf(tx, units);
    });
    return c.json({ users });
  });

  return routes;
}
