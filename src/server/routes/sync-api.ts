import { Hono } from 'hono';
import { requireUser } from '../auth/require-user';
import { handlePull } from '../changes/pull';
import { handlePush } from '../changes/push';
import { type AppEnv, currentUser } from '../http/context';
import type { Store } from '../store/types';

export function syncRoutes(store: Store): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/push', requireUser(store), async (c) =>
    c.json(await handlePush(c, store, currentUser(c))),
  );

  routes.get('/pull', requireUser(store), async (c) =>
    c.json(
      await handlePull(store, currentUser(c), {
        cursor: c.req.query('cursor'),
        limit: c.req.query('limit'),
      }),
    ),
  );

  return routes;
}
