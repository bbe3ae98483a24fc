import { Hono } from 'hono';
import { mayDo } from '../../shared/domain/roles';
import type { PeopleResponse } from '../../shared/protocol';
import { USER_COLUMNS, type UserRow } from '../accounts/users';
import { requireUser } from '../auth/require-user';
import { scopeOf } from '../changes/scope';
import type { AppEnv } from '../http/context';
import { ApiError } from '../http/errors';
import type { Store } from '../store/types';

/**
 * `GET /api/people` (docs/design.md §5): whom the caller may assign enterprises to, the active
 * users of their subtree; 403 for a role that may not assign (the roles table's `assign`).
 */
export function peopleRoutes(store: Store): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', requireUser(store), async (c) => {
    const user = c.get('user');
    if (!mayDo(user.role, 'assign')) {
      throw new ApiError(
        403,
        'forbidden',
        'Only supervisors and administrators assign enterprises.',
      );
    }
    const scope = await scopeOf(store, user);
    const { rows: people } = await store.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users WHERE active AND unit_id = ANY($1::uuid[])
       ORDER BY display_name, id`,
      [scope.dataUnitIds],
    );
    const body: PeopleResponse = {
      people: people.map((row) => ({
        id: row.id,
        displayName: row.display_name,
        role: row.role,
        unitId: row.unit_id,
        active: row.active,
      })),
    };
    return c.json(body);
  });
  return routes;
}
