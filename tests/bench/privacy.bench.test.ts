import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium } from '../helpers/chromium';
import { percentile, report } from './report';
import { MEASURE_TIMEOUT_MS, ratios, recordAll, repeat, scaled } from './results';

/**
 * Issue 15's figures in headless Chromium with 4× CPU slowdown (page/privacy-bench.ts): an
 * application submitted with encryption (p95), the drafts list of 500 decrypted and painted, an
 * unlock by PIN. Baseline in the same run: the same work on a phone without a PIN, where nothing
 * is encrypted (the unlock has none: it is all key derivation).
 */
const SAVES_PER_RUN = 60;
const DRAFTS = 500;

let vite: ViteDevServer;
let browser: Browser;
let page: Page;

type Bench = {
  setUp(): Promise<void>;
  saveSignups(n: number, seed: number): Promise<{ encrypted: number[]; plain: number[] }>;
  seedDrafts(n: number): Promise<void>;
  listDrafts(): Promise<{ encryptedMs: number; plainMs: number; shown: number }>;
  unlock(): Promise<number>;
};

beforeAll(async () => {
  vite = await createServer({
    root: resolve(import.meta.dirname, 'page'),
    configFile: false,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', fs: { allow: [resolve(import.meta.dirname, '../..')] } },
  });
  await vite.listen();
  browser = await launchChromium();
  page = await browser.newPage();
  const url = vite.resolvedUrls?.local[0] ?? '';
  await page.goto(`${url}privacy.html`);
  await page.getByText('ready').waitFor({ timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await vite?.close();
});

const run = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
  page.evaluate(
    ([n, a]) =>
      (
        window as unknown as { sotayBench: Record<string, (...x: unknown[]) => unknown> }
      ).sotayBench[n as string]?.(...(a as unknown[])),
    [name, args] as const,
  ) as ReturnType<Bench[K]>;

describe('privacy on the phone, 4× CPU slowdown', () => {
  it(
    'measures',
    async () => {
      await run('setUp');
      const drafts = scaled(DRAFTS);
      await run('seedDrafts', drafts);
      const runs = await repeat(async (round) => ({
        saves: await run('saveSignups', SAVES_PER_RUN, 5000 + round),
        list: await run('listDrafts'),
        unlock: await run('unlock'),
      }));
      const saveP95 = runs.map((r) => percentile(r.saves.encrypted, 95));
      const plainP95 = runs.map((r) => percentile(r.saves.plain, 95));
      const listMs = runs.map((r) => r.list.encryptedMs);
      const plainListMs = runs.map((r) => r.list.plainMs);
      recordAll('privacy', {
        saveSignupP95Ms: saveP95,
        plainSaveSignupP95Ms: plainP95,
        saveSignupRatio: ratios(saveP95, plainP95),
        drafts500Ms: listMs,
        plainDrafts500Ms: plainListMs,
        drafts500Ratio: ratios(listMs, plainListMs),
        unlockMs: runs.map((r) => r.unlock),
      });
      const median = (values: number[]) => percentile(values, 50);
      report('privacy (Chromium, CPU ×4)', [
        ['submit application, encrypted + sealed p95 (ms, median of runs)', median(saveP95)],
        ['submit application, no PIN p95 (ms, median of runs)', median(plainP95)],
        [`drafts list of ${drafts}, decrypted and painted (ms)`, median(listMs)],
        [`drafts list of ${drafts}, no PIN (ms)`, median(plainListMs)],
        ['unlock by PIN, PBKDF2 600,000 (ms)', median(runs.map((r) => r.unlock))],
        ['drafts shown', runs[0]?.list.shown ?? 0],
      ]);
    },
    MEASURE_TIMEOUT_MS,
  );
});
