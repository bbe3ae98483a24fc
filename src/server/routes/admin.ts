import { Hono } from 'hono';
import { createUnitRequestSchema, createUserRequestSchema } from '../../shared/protocol';
import { uuidSchema } from '../../shared/schemas';
import { createUnit, createUser, signOutEverywhere } from '../accounts/manage';
import { requireAdmin, requireUser } from '../auth/require-user';
import { limitBody, parseWith, readBody, SMALL_BODY_BYTES } from '../http/body';
import type { AppEnv } from '../http/context';
import type { Store } from '../store/types';

export function adminRoutes(store: Store): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const guard = [requireUser(store), requireAdmin] as const;
  const small = limitBody(SMALL_BODY_BYTES);

  routes.post('/units', ...guard, small, async (c) => {
    const input = await readBody(c, createUnitRequestSchema, 'unit');
    return c.json(await createUnit(store, input, c.get('user')), 201);
  });

  routes.post('/users', ...guard, small, async (c) => {
    const input = await readBody(c, createUserRequestSchema, 'user');
    return c.json(await createUser(store, input, c.get('user')), 201);
  });

  /** Sign a user of the admin's subtree out on every device → 204. */
  routes.post('/users/:id/sign-out', ...guard, async (c) => {
    const id = parseWith(uuidSchema, c.req.param('id'), 'user');
    await signOutEverywhere(store, id, c.get('user'));
    return c.body(null, 204);
  });

  return routes;
}
