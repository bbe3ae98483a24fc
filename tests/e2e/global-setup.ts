import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../helpers/chromium';
import { APP_DIR, SERVER_ENTRY } from '../helpers/server-process';

/** The end-to-end tests run against the production build and a real Chromium: both must exist. */
export default function setup(): void {
  for (const file of [SERVER_ENTRY, join(APP_DIR, 'sw.js'), join(APP_DIR, 'index.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  findChromium();
}
