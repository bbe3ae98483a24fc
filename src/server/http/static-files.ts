import { extname } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';

/**
 * The built app, through @hono/node-server's serveStatic: it refuses `..` and encoded paths,
 * answers HEAD and ranges, and with `precompressed` serves `x.br` or `x.gz` (made at build time,
 * see vite.config.ts) to a client that accepts them, with Content-Encoding and Vary. What it does
 * not do is added here:
 * - Cache-Control: content-hashed files under /assets/ never change; everything else (index.html,
 *   sw.js, the manifest, icons) is revalidated, so an update is seen on the next load.
 * - Vary: Accept-Encoding on the uncompressed answer too, so that a shared cache never hands
 *   the plain file to a client that would have had it compressed, nor the reverse.
 * - A navigation to any other path (not /api) gets index.html, so that deep links open before
 *   the service worker takes over.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function cacheControl(path: string): string {
  return path.startsWith('/assets/') ? IMMUTABLE : 'no-cache';
}

function isNavigation(c: Context): boolean {
  return extname(c.req.path) === '' && (c.req.header('accept') ?? '').includes('text/html');
}

const NOTHING = async () => undefined;

export function staticFiles(root: string): MiddlewareHandler {
  const files = serveStatic({ root, precompressed: true });
  const shell = serveStatic({ root, path: 'index.html', precompressed: true });
  return async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    let servedPath = c.req.path;
    let response = await files(c, NOTHING);
    if (!response && isNavigation(c)) {
      response = await shell(c, NOTHING);
      servedPath = '/index.html';
    }
    if (!response) return next();
    response.headers.set('Cache-Control', cacheControl(servedPath));
    if (!response.headers.has('Content-Encoding')) response.headers.set('Vary', 'Accept-Encoding');
    return response;
  };
}
