import { Hono } from 'hono';
import { ApiError, renderError } from './http/errors';
import { securityHeaders } from './http/security-headers';
import { staticFiles } from './http/static-files';
import type { Store } from './store/types';

export type AppDeps = {
  store: Store;
  /** The built app (dist/app); absent in API-only tests. */
  staticDir?: string;
};

export type AppEnv = { Variables: { store: Store } };

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders);
  app.use('/api/*', async (c, next) => {
    c.set('store', deps.store);
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.get('/api/health', (c) => c.json({ ok: true, db: deps.store.kind }));

  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'No such API endpoint.');
  });
  if (deps.staticDir) app.use('*', staticFiles(deps.staticDir));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'Not found.' } }, 404));
  app.onError((error, c) => renderError(c, error));
  return app;
}
