import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export const THEME_COLOR = '#0b5fa5';

const manifest = {
  id: '/',
  name: 'Sổ tay Vận động Công đoàn',
  short_name: 'Sổ tay CĐ',
  description:
    'Sổ tay cho cán bộ công đoàn: ghi nhật ký tiếp xúc doanh nghiệp và đơn gia nhập Công đoàn, kể cả khi không có mạng.',
  lang: 'vi',
  dir: 'ltr' as const,
  start_url: '/',
  scope: '/',
  display: 'standalone' as const,
  orientation: 'portrait' as const,
  theme_color: THEME_COLOR,
  background_color: '#ffffff',
  categories: ['productivity', 'business'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    {
      src: '/icons/icon-maskable-512.png',
      sizes: '512x512',
      type: 'image/png',
      purpose: 'maskable',
    },
  ],
};

// Text formats worth compressing; PNGs and fonts are compressed already.
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt)$/;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Writes `x.br` (brotli, best quality) and `x.gz` (gzip -9) beside every compressible file of
 * `dir`, when smaller than the file: the server sends them to clients that accept them (see
 * src/server/http/static-files.ts), so no request pays for compression. Returns the files done.
 */
export async function precompress(dir: string): Promise<string[]> {
  const done: string[] = [];
  for (const file of await filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const bytes = await readFile(file);
    const [br, gzipped] = await Promise.all([
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
      gz(bytes, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    if (br.length < bytes.length) await writeFile(`${file}.br`, br);
    if (gzipped.length < bytes.length) await writeFile(`${file}.gz`, gzipped);
    done.push(file);
  }
  return done;
}

/** Precompresses the app once everything is written, the service worker included (post, in order). */
function precompressed(): Plugin {
  let outDir = '';
  return {
    name: 'sotay-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        await precompress(outDir);
      },
    },
  };
}

/**
 * V8's file-level compile hint (v8.dev/blog/explicit-compile-hints): every function of the file
 * is compiled as it streams in, off the main thread, instead of on the main thread when first
 * called.
 */
const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Puts EAGER_COMPILE_HINT first in the entry chunk, whose code every start runs. Chromium reads
 * a module's code cache from the service worker's cache only now and then on a start in a new
 * renderer process (in no cold start of `npm run bench`), so each start compiled the first
 * screen's functions again on the main thread: 120–180 ms of a login screen's start at CPU ×4,
 * 40–95 ms with the hint (tests/bench/README.md, "What a cold start compiles"). V8 reads it only
 * on the file's first line, so it goes in after the bundler's own first line (the map of
 * preloaded chunks) is written: a post generateBundle hook. Other engines ignore the comment.
 */
function eagerCompileHint(): Plugin {
  return {
    name: 'sotay-eager-compile-hint',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
          chunk.code = EAGER_COMPILE_HINT + chunk.code;
          // One more line before the code: its source map (a build with --sourcemap, emitted
          // already as a file of its own) moves down by one line.
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            const json = JSON.parse(map.source) as { mappings: string };
            map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
          }
        }
      },
    },
  };
}

/**
 * Dexie's modern ES build (its README's own import): the package's default entry is its ES5
 * build behind a wrapper, 2 KB gzip larger on the first screen and slower to evaluate at every
 * start. Exported for the bench's page, which must measure the Dexie the app ships.
 */
export const APP_RESOLVE = {
  alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }],
} satisfies UserConfig['resolve'];

const appConfig: UserConfig = {
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      // The app registers the worker itself through workbox-window (src/app/sw-update.ts).
      injectRegister: false,
      manifest,
      injectManifest: {
        // A classic script: an ES-module worker bundling Dexie ends in `export default` and
        // never installs (docs/design.md §6).
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Sources of the PNGs (tests/helpers/render-icons.mjs), not used by the app.
        globIgnores: ['icons/apple-touch-icon.png', 'icons/favicon.svg', 'icons/icon*.svg'],
      },
    }),
    eagerCompileHint(),
    precompressed(),
  ],
  resolve: APP_RESOLVE,
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: {
      // What starts after the first screen (main.tsx) loads its chunks through its own imports:
      // the helper's preload links for their fifteen shared chunks, added in one task, made a
      // long task (40 ms of DOM work on a slow phone) just after the list showed.
      resolveDependencies: (filename, deps) =>
        /sync-scheduler|sw-register/.test(filename) ? [] : deps,
    },
    rolldownOptions: {
      output: {
        // Everything the first screen imports goes in one chunk beside the entry: left alone,
        // the bundler splits the modules it shares with chunks loaded later (the cryptography)
        // into several files, and each costs the first screen's gzip budget (docs/design.md §6).
        codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] },
      },
    },
  },
};

// The server is bundled by the same tool so that it can import src/shared as TypeScript;
// its npm dependencies stay external and load from node_modules.
const serverConfig: UserConfig = {
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: { main: 'src/server/main.ts', cli: 'src/server/cli.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

export default defineConfig(({ isSsrBuild }) => (isSsrBuild ? serverConfig : appConfig));
