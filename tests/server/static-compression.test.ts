import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/hono-app';
import { openPglite } from '../../src/server/store/pglite';
import type { Store } from '../../src/server/store/types';
import { precompress } from '../../vite.config';

/**
 * Issue 10 point 17 with the build's own compression step (vite.config.ts): each file is sent
 * compressed as the client accepts, with Vary, and decompresses to the very bytes of the file;
 * hashed assets are immutable for a year, the shell, the worker and the manifest revalidated.
 */
const FILES: Record<string, string> = {
  'index.html': `<!doctype html><title>Sổ tay</title>${'<p>Sổ tay Vận động Công đoàn</p>'.repeat(50)}`,
  'sw.js': `self.__WB_MANIFEST = ${JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ url: `/assets/x${i}.js` })))};`,
  'manifest.webmanifest': JSON.stringify({
    name: 'Sổ tay Vận động Công đoàn',
    icons: Array(20).fill({ src: '/icons/i.png' }),
  }),
  'assets/index-Bx7kP2q9.js': `export const words = ${JSON.stringify(Array(400).fill('đoàn viên'))};`,
  'assets/index-C4fQm1aZ.css': `${'.row { display: flex; gap: 8px; }\n'.repeat(100)}`,
};

let store: Store;
let dir: string;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sotay-precompressed-'));
  await mkdir(join(dir, 'assets'));
  for (const [name, text] of Object.entries(FILES)) await writeFile(join(dir, name), text);
  await precompress(dir);
  store = await openPglite();
  app = createApp({ store, staticDir: dir });
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const decode: Record<string, (bytes: Buffer) => Buffer> = {
  br: brotliDecompressSync,
  gzip: gunzipSync,
  identity: (bytes) => bytes,
};

describe('precompressed static files', () => {
  it.each(
    Object.keys(FILES).flatMap((name) =>
      (
        [
          ['gzip, deflate, br, zstd', 'br'],
          ['gzip', 'gzip'],
          ['', 'identity'],
        ] as const
      ).map(([accept, encoding]) => [name, accept, encoding] as const),
    ),
  )('serves /%s to "Accept-Encoding: %s" as %s', async (name, accept, encoding) => {
    const response = await app.request(`/${name}`, { headers: { 'accept-encoding': accept } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding') ?? 'identity').toBe(encoding);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('cache-control')).toBe(
      name.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    const body = Buffer.from(await response.arrayBuffer());
    const file = await readFile(join(dir, name));
    expect(decode[encoding]?.(body).equals(file)).toBe(true);
    if (encoding !== 'identity') expect(body.length).toBeLessThan(file.length);
  });

  it('sends the shell, compressed too, for a deep link', async () => {
    const response = await app.request('/enterprises/123', {
      headers: { accept: 'text/html', 'accept-encoding': 'br' },
    });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const body = brotliDecompressSync(Buffer.from(await response.arrayBuffer()));
    expect(body.equals(await readFile(join(dir, 'index.html')))).toBe(true);
  });

  it('never serves the compressed copies under their own names to a client that did not ask', async () => {
    const response = await app.request('/sw.js', { headers: { 'accept-encoding': 'identity' } });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe(FILES['sw.js']);
  });
});
