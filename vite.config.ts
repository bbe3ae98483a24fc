import preact from '@preact/preset-vite';
import { defineConfig, type UserConfig } from 'vite';
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
  ],
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
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
