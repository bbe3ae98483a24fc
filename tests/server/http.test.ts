import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/hono-app';
import { openPglite } from '../../src/server/store/pglite';
import type { Store } from '../../src/server/store/types';

let store: Store;
let staticDir: string;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await openPglite();
  staticDir = await mkdtemp(join(tmpdir(), 'sotay-static-'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>shell</title>');
  await writeFile(join(staticDir, 'sw.js'), 'self.x = 1;');
  app = createApp({ store, staticDir });
});

afterAll(async () => {
  await store.close();
  await rm(staticDir, { recursive: true, force: true });
});

const html = { headers: { accept: 'text/html' } };

describe('HTTP basics', () => {
  it('answers health with the database kind', async () => {
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: 'pglite' });
  });

  it.each(['/api/nope', '/api/sync/unknown', '/api/'])(
    'answers an unknown API route %s with 404 JSON, never the shell',
    async (path) => {
      const response = await app.request(path, html);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    },
  );

  it.each(['/api/health', '/', '/enterprises/123', '/sw.js', '/missing.png'])(
    'sets the security headers on %s',
    async (path) => {
      const response = await app.request(path, html);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );

  it('serves the shell for deep links so they open before the worker is installed', async () => {
    const response = await app.request('/enterprises/123', html);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>shell</title>');
  });

  it('serves the service worker uncached so updates are seen', async () => {
    const response = await app.request('/sw.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
  });

  it.each(['/missing.png', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%E0%A4%A'])(
    'answers 404 for %s',
    async (path) => {
      const response = await app.request(path);
      expect(response.status).toBe(404);
    },
  );
});
