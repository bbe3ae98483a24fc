import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { firstScreenScripts } from '../helpers/budget';
import { APP_DIR } from '../helpers/server-process';

/**
 * The entry script of the production build asks V8 to compile all its functions as it streams in
 * (vite.config.ts, eagerCompileHint): a hint V8 reads only on the file's first line, which the
 * bundler's own first line (its map of preloaded chunks) would take if the hook ran too early.
 */
const HINT = '//# allFunctionsCalledOnLoad\n';
const entry = firstScreenScripts()[0] ?? '';
const bytes = (file: string) => readFileSync(join(APP_DIR, file));

describe('the entry script of the production build', () => {
  it('starts with the eager compile hint', () => {
    expect(entry).toMatch(/^assets\/index-.+\.js$/);
    expect(bytes(entry).toString('utf8').startsWith(HINT)).toBe(true);
  });

  it('is served compressed with the hint too (compressed after it was added)', () => {
    expect(gunzipSync(bytes(`${entry}.gz`)).equals(bytes(entry))).toBe(true);
    expect(brotliDecompressSync(bytes(`${entry}.br`)).equals(bytes(entry))).toBe(true);
  });

  it('is the only script with it: the chunks loaded later stay compiled on first call', () => {
    const scripts = [
      'sw.js',
      ...readdirSync(join(APP_DIR, 'assets'))
        .filter((name) => name.endsWith('.js'))
        .map((name) => `assets/${name}`),
    ];
    const hinted = scripts.filter((file) => bytes(file).toString('utf8').includes(HINT.trim()));
    expect(hinted).toEqual([entry]);
  });
});
