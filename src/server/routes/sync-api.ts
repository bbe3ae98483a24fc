import { Hono } from 'hono';
import { MAX_PUSH_BYTES, noticeAckSchema } from '../../shared/protocol';
import { requireUser } from '../auth/require-user';
import { acknowledgeNotices } from '../changes/notices';
import { handlePull } from '../changes/pull';
import { handlePush } from '../changes/push';
import { createTurns } from '../changes/turns';
import { limitBody, readBody, readJson, SMALL_BODY_BYTES } from '../http/body';
import type { AppEnv } from '../http/context';
import type { SealKeyStore } from '../keys/key-store';
import type { Store } from '../store/types';

export function syncRoutes(store: Store, sealKeys: SealKeyStore): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const pushTurns = createTurns();

  routes.post('/push', requireUser(store), limitBody(MAX_PUSH_BYTES), async (c) => {
    // Malformed text and non-finite numbers are judged per mutation (rejected), not per request.
    const body = await readJson(c, { perMutation: true });
    const user = c.get('user');
    return c.json(await pushTurns(user.id, () => handlePush(store, user, body, sealKeys)));
  });

  routes.get('/pull', requireUser(store), async (c) =>
    c.json(
      await handlePull(store, c.get('user'), {
        cursor: c.req.query('cursor'),
        limit: c.req.query('limit'),
      }),
    ),
  );

  // The device stored these notices: they leave the server (docs/design.md §5).
  routes.post('/notices/ack', requireUser(store), limitBody(SMALL_BODY_BYTES), async (c) => {
    const { ids } = await readBody(c, noticeAckSchema, 'notices');
    const user = c.get('user');
    await store.transaction((tx) => acknowledgeNotices(tx, user.id, ids));
    await store.flush();
    return c.body(null, 204);
  });

  return routes;
}
