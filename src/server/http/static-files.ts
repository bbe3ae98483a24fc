import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

// Vite puts content-hashed files under /assets/: they never change, everything else may.
function cacheControl(path: string): string {
  return path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

async function readIfFile(path: string): Promise<Buffer | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? await readFile(path) : undefined;
  } catch {
    return undefined;
  }
}

function isNavigation(accept: string | undefined, path: string): boolean {
  return extname(path) === '' && (accept ?? '').includes('text/html');
}

/**
 * Serves the built app from `root`; a navigation to any other path (not /api) gets index.html
 * so that deep links work before the service worker takes over.
 */
export function staticFiles(root: string): MiddlewareHandler {
  const base = normalize(root + sep);
  return async (c, next) => {
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || c.req.path.startsWith('/api/')) return next();
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    let body = file.startsWith(base) ? await readIfFile(file) : undefined;
    let servedPath = path;
    if (!body && isNavigation(c.req.header('accept'), path)) {
      body = await readIfFile(join(base, 'index.html'));
      servedPath = '/index.html';
    }
    if (!body) return next();
    const type = CONTENT_TYPES[extname(servedPath)] ?? 'application/octet-stream';
    c.header('Content-Type', type);
    c.header('Cache-Control', cacheControl(servedPath));
    if (method === 'HEAD') return c.body(null, 200);
    return c.body(new Uint8Array(body), 200);
  };
}
