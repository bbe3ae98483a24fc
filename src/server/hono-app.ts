import { Hono } from 'hono';
import { type ClientAddressOf, clientAddressResolver } from './auth/client-address';
import type { AppEnv } from './http/context';
import { ApiError, renderError } from './http/errors';
import { securityHeaders } from './http/security-headers';
import { staticFiles } from './http/static-files';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { peopleRoutes } from './routes/people';
import { reportRoutes } from './routes/reports';
import { syncRoutes } from './routes/sync-api';
import type { Store } from './store/types';

export type { AppEnv } from './http/context';

export type AppDeps = {
  store: Store;
  /** The built app (dist/app); absent in API-only tests. */
  staticDir?: string;
  /** The address login throttling counts against; default: the TCP peer (see client-address.ts). */
  clientAddress?: ClientAddressOf;
};

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders);
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/api/health', (c) => c.json({ ok: true, db: deps.store.kind }));
  // Authentication is required route by route (not for /api/*), so that an unknown path is a
  // plain 404 for everyone and only health and login are open.
  app.route('/api/auth', authRoutes(deps.store, deps.clientAddress ?? clientAddressResolver()));
  app.route('/api/admin', adminRoutes(deps.store));
  app.route('/api/sync', syncRoutes(deps.store));
  app.route('/api/reports', reportRoutes(deps.store));
  app.route('/api/people', peopleRoutes(deps.store));

  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'No such API endpoint.');
  });
  if (deps.staticDir) app.use('*', staticFiles(deps.staticDir));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'Not found.' } }, 404));
  app.onError((error, c) => renderError(c, error));
  return app;
}
