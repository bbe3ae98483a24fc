import { Hono } from 'hono';
import { createUnitRequestSchema, createUserRequestSchema } from '../../shared/protocol';
import { createUnit, createUser } from '../accounts/manage';
import { requireAdmin, requireUser } from '../auth/require-user';
import { readBody } from '../http/body';
import { type AppEnv, currentUser } from '../http/context';
import type { Store } from '../store/types';

export function adminRoutes(store: Store): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const guard = [requireUser(store), requireAdmin] as const;

  routes.post('/units', ...guard, async (c) => {
    const input = await readBody(c, createUnitRequestSchema, 'unit');
    return c.json(await createUnit(store, input, currentUser(c)), 201);
  });

  routes.post('/users', ...guard, async (c) => {
    const input = await readBody(c, createUserRequestSchema, 'user');
    return c.json(await createUser(store, input, currentUser(c)), 201);
  });

  return routes;
}
