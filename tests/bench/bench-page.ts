import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { createServer } from 'vite';
import { APP_RESOLVE } from '../../vite.config';
import { launchChromium } from '../helpers/chromium';

// biome-ignore lint/suspicious/noExplicitAny: a page's functions take any arguments; `run` types each call from B.
type Functions = Record<string, (...args: any[]) => unknown>;

export type BenchPage<B extends Functions> = {
  page: Page;
  cdp: CDPSession;
  /** Calls `window.sotayBench[name](...args)` in the page. */
  run<K extends keyof B & string>(name: K, ...args: Parameters<B[K]>): ReturnType<B[K]>;
  close(): Promise<void>;
};

/**
 * A page of tests/bench/page (`file`, e.g. `db.html`) served by Vite with the app's own module
 * resolution (the Dexie that ships), open in headless Chromium at 4× CPU slowdown once it says
 * "ready". The page exposes its measures as `window.sotayBench`.
 */
export async function openBenchPage<B extends Functions>(file: string): Promise<BenchPage<B>> {
  const vite = await createServer({
    root: resolve(import.meta.dirname, 'page'),
    configFile: false,
    resolve: APP_RESOLVE,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', fs: { allow: [resolve(import.meta.dirname, '../..')] } },
  });
  await vite.listen();
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`${vite.resolvedUrls?.local[0] ?? ''}${file}`);
  await page.getByText('ready').waitFor({ timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return {
    page,
    cdp,
    run: (name, ...args) =>
      page.evaluate(
        ([n, a]) =>
          (
            window as unknown as { sotayBench: Record<string, (...x: unknown[]) => unknown> }
          ).sotayBench[n as string]?.(...(a as unknown[])),
        [name, args] as const,
      ) as never,
    close: async () => {
      await browser.close();
      await vite.close();
    },
  };
}
