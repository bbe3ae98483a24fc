import { Hono } from 'hono';
import { type ClientAddressOf, clientAddressResolver } from './auth/client-address';
import type { AppEnv } from './http/context';
import { ApiError, renderError } from './http/errors';
import { securityHeaders } from './http/security-headers';
import { staticFiles } from './http/static-files';
import { databaseSealKeyStore } from './keys/database-key-store';
import type { SealKeyStore } from './keys/key-store';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { reportRoutes } from './routes/reports';
import { syncRoutes } from './routes/sync-api';
import { unitRoutes } from './routes/units';
import type { Store } from './store/types';

export type { AppEnv } from './http/context';

export type AppDeps = {
  store: Store;
  /** The built app (dist/app); absent in API-only tests. */
  staticDir?: string;
  /** The address login throttling counts against; default: the TCP peer (see client-address.ts). */
  clientAddress?: ClientAddressOf;
  /** Where the sealing keys live (SEAL_KEY_FILE, keys/settings.ts); default: the database. */
  sealKeys?: SealKeyStore;
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
  const sealKeys = deps.sealKeys ?? databaseSealKeyStore(deps.store);
  const clientAddress = deps.clientAddress ?? clientAddressResolver();
  app.route('/api/auth', authRoutes(deps.store, clientAddress, sealKeys));
  app.route('/api/admin', adminRoutes(deps.store));
  app.route('/api/sync', syncRoutes(deps.store, sealKeys));
  app.route('/api/reports', reportRoutes(deps.store));
  app.route('/api/units', unitRoutes(deps.store));

  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'No such API endpoint.');
  });
  if (deps.staticDir) app.use('*', staticFiles(deps.staticDir));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'Not found.' } }, 404));
  app.onError((error, c) => renderError(c, error));
  return app;
}
