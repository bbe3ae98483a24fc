import { access, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DIR, type ServerProcess, startServerProcess } from '../helpers/server-process';

/**
 * Issue 10 point 17 on the production build served by the real server: every text file of
 * dist/app goes out brotli- or gzip-compressed as the client accepts, with Vary, decompressing to
 * the file's bytes; hashed assets are immutable, index.html, sw.js and the manifest revalidated.
 */
let server: ServerProcess;
let files: string[];

beforeAll(async () => {
  server = await startServerProcess();
  const entries = await readdir(APP_DIR, { withFileTypes: true, recursive: true });
  files = entries
    .filter((entry) => entry.isFile() && /\.(?:js|css|html|webmanifest|svg)$/.test(entry.name))
    .map((entry) => relative(APP_DIR, join(entry.parentPath, entry.name)));
});

afterAll(async () => {
  await server?.stop();
  await server?.cleanup();
});

const DECODE = { br: brotliDecompressSync, gzip: gunzipSync } as const;

/** Files too small for compression to shrink them (a 54-byte chunk) have no compressed copy. */
const TINY = 256;
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('the built app, precompressed', () => {
  it.each(['br', 'gzip'] as const)(
    'sends every text file as %s, byte for byte',
    async (encoding) => {
      expect(files).toEqual(
        expect.arrayContaining(['index.html', 'sw.js', 'manifest.webmanifest']),
      );
      let sent = 0;
      let original = 0;
      for (const file of files) {
        const response = await fetch(`${server.url}/${file}`, {
          headers: { 'accept-encoding': encoding },
        });
        expect(response.status, file).toBe(200);
        const bytes = await readFile(join(APP_DIR, file));
        const copy = join(APP_DIR, `${file}.${encoding === 'br' ? 'br' : 'gz'}`);
        if (!(await exists(copy))) {
          // Only a file compression cannot shrink goes out as it is.
          expect(bytes.length, file).toBeLessThan(TINY);
          expect(response.headers.get('content-encoding'), file).toBeNull();
          expect(Buffer.from(await response.arrayBuffer()).equals(bytes), file).toBe(true);
          continue;
        }
        expect(response.headers.get('content-encoding'), file).toBe(encoding);
        expect(response.headers.get('vary'), file).toBe('Accept-Encoding');
        expect(response.headers.get('cache-control'), file).toBe(
          file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
        // fetch decodes what it asked for; the raw bytes are compared through the file on disk.
        const body = Buffer.from(await response.arrayBuffer());
        expect(body.equals(bytes), file).toBe(true);
        const compressed = await readFile(copy);
        expect(DECODE[encoding](compressed).equals(bytes), file).toBe(true);
        sent += compressed.length;
        original += bytes.length;
      }
      expect(sent).toBeLessThan(original / 2);
    },
  );
});
