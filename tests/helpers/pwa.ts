import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { APP_DIR } from './server-process';

/** A private copy of the built app, so a test can publish a "new version" of it. */
export async function copyBuiltApp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sotay-app-'));
  await cp(APP_DIR, dir, { recursive: true });
  return dir;
}

/**
 * Resolves once a service worker controls the page and has finished activating: a worker that
 * claims its clients controls them while still `activating`, so the controller alone is too early.
 */
export async function waitForController(page: Page): Promise<string> {
  await page.waitForFunction(
    () => navigator.serviceWorker.controller?.state === 'activated',
    null,
    {
      timeout: 30_000,
    },
  );
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return `${registration.active?.state}:${navigator.serviceWorker.controller?.scriptURL}`;
  });
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = bytes.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
