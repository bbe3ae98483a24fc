import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { toEnterpriseRow } from '../../src/db/rows';
import { generateEnterprises, generateVisits } from '../fixtures/generate';
import { ADMIN_ENV, createOrganizer, signIn } from '../helpers/accounts';
import { fillAppDatabase } from '../helpers/app-db';
import { gzipSize, precachedFiles } from '../helpers/budget';
import { launchChromium } from '../helpers/chromium';
import { waitForController } from '../helpers/pwa';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';
import { QUIET_MS, type Readiness, timeToInteractive, watchReadiness } from './interactive';
import { ENTERPRISES, report, storageSettled, VISITS } from './report';
import {
  MEASURE_TIMEOUT_MS,
  RESULTS_DIR,
  ratios,
  recordAll,
  repeat,
  scaled,
  settings,
} from './results';

/**
 * What a user feels first, in the built app at 4× CPU slowdown, 360 px wide:
 * - coldStart: the installed app opened offline, its service worker stopped first (as after the
 *   phone put it to sleep), until the enterprise list of a long-used phone is interactive; the
 *   baseline (staticMs) is the same page opened the same way with its scripts disabled, until its
 *   one line of text (the noscript notice) is painted: the same worker, HTML, stylesheet and
 *   fonts, so the ratio is what the scripts add. staticImageMs, a precached image opened the same
 *   way, is shown beside it: it pays no HTML, stylesheet or text, and was the baseline until
 *   a trace showed what that leaves out (a page's text asks the system for its fonts: 35 ms of
 *   the list's first layout of 48, at 4× on Linux).
 * - firstLoad: the first visit with an empty cache over Chromium's emulation of a slow 4G link,
 *   until the login form is interactive.
 * "Interactive": the screen's elements are there and the main thread then runs no long task for
 * QUIET_MS (interactive.ts).
 */
const CPU_SLOWDOWN = 4;
/** Slow 4G as Lighthouse's mobile preset describes it: 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};
/** Served by the worker from its precache; no script, so it is ready when loaded. */
const STATIC_IMAGE = 'icons/favicon-32.png';

const LIST: Readiness = {
  path: '/enterprises',
  present: ['a.list-row', '[data-testid="enterprise-count"]'],
  absent: ['[aria-busy="true"]'],
};
const IMAGE: Readiness = { path: `/${STATIC_IMAGE}`, present: ['img'], loaded: true };
const LOGIN: Readiness = {
  path: '/',
  present: ['#login-username', '#login-password', 'form.login button[type="submit"]'],
};

let browser: Browser;
let server: ServerProcess;

beforeAll(async () => {
  if (!precachedFiles().includes(STATIC_IMAGE)) {
    throw new Error(`${STATIC_IMAGE} is no longer precached: pick another file without scripts`);
  }
  server = await startServerProcess({ env: ADMIN_ENV });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

/** The Performance panel's own categories, with the JavaScript samples that show which function ran. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-v8.cpu_profiler',
  'v8.execute',
  'blink.user_timing',
  'loading',
];

/**
 * BENCH_TRACE=1: one more load after the runs, recorded as a Chromium performance trace (open it
 * in DevTools' Performance panel) to see what the time went to.
 */
async function traced(page: Page, name: string, load: () => Promise<number>): Promise<void> {
  if (!settings.trace) return;
  const path = join(RESULTS_DIR, `${name}.trace.json`);
  await browser.startTracing(page, { path, screenshots: true, categories: TRACE_CATEGORIES });
  const ms = await load();
  await browser.stopTracing();
  console.log(`${name}: a load of ${Math.round(ms)} ms traced in ${path}`);
}

/** The built scripts the page had started to load `ms` after its navigation began. */
function scriptsBefore(page: Page, ms: number): Promise<string[]> {
  return page.evaluate(
    (until) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= until && new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => new URL(entry.name).pathname.slice(1)),
    ms,
  );
}

/**
 * Milliseconds from the start of the navigation to `url` with the page's scripts disabled
 * (the bench's readiness watch, a script, too) until its text is painted and it has loaded: a
 * page without scripts is interactive then. Read from the page's own timeline once loaded.
 */
async function paintedWithoutScripts(page: Page, cdp: CDPSession, url: string): Promise<number> {
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  try {
    await page.goto(url, { waitUntil: 'load' });
  } finally {
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
  }
  const handle = await page.waitForFunction(() => {
    const [paint] = performance.getEntriesByName('first-contentful-paint');
    const [navigation] = performance.getEntriesByType('navigation');
    if (paint === undefined || !(navigation instanceof PerformanceNavigationTiming)) return false;
    // Only a document whose scripts did not run renders its noscript notice.
    if (!document.body.innerText.trim()) throw new Error('the page ran its scripts');
    return Math.max(paint.startTime, navigation.loadEventEnd);
  });
  return (await handle.jsonValue()) as number;
}

async function slowCpu(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

/** A signed-in phone holding the data set, offline, its worker installed. */
async function installedOffline(): Promise<{ context: BrowserContext; page: Page }> {
  const organizer = await createOrganizer(server.url, 'Cold');
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await watchReadiness(context, [LIST, IMAGE]);
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForController(page);
  await signIn(page, organizer.username, organizer.password);
  await context.setOffline(true);
  const enterprises = generateEnterprises(scaled(ENTERPRISES), organizer.unitId);
  await fillAppDatabase(page, {
    enterprises: enterprises.map((enterprise) => toEnterpriseRow(enterprise)),
    visits: generateVisits(enterprises, scaled(VISITS)),
  });
  await page.reload();
  await page.locator('a.list-row').first().waitFor({ timeout: 120_000 });
  await storageSettled();
  return { context, page };
}

describe('what a user feels first', () => {
  it(
    'cold start offline: the enterprise list vs a static file of the same worker',
    async () => {
      const { context, page } = await installedOffline();
      const cdp = await slowCpu(page);
      await cdp.send('ServiceWorker.enable');
      // From a blank page, as from the home screen: the screen left behind would otherwise run
      // its own work (its unload, its events) inside the time of the next one.
      const fromHome = async () => {
        await page.goto('about:blank');
        await cdp.send('ServiceWorker.stopAllWorkers');
      };
      const open = async (path: string) => {
        await fromHome();
        return timeToInteractive(page, () =>
          page.goto(`${server.url}${path}`, { waitUntil: 'commit' }),
        );
      };
      const openWithoutScripts = async (path: string) => {
        await fromHome();
        return paintedWithoutScripts(page, cdp, `${server.url}${path}`);
      };
      const runs = await repeat(async () => ({
        staticMs: await openWithoutScripts(LIST.path),
        staticImageMs: await open(IMAGE.path),
        offlineMs: await open(LIST.path),
      }));
      await traced(page, 'cold-start', () => open(LIST.path));
      const offlineMs = runs.map((r) => r.offlineMs);
      const staticMs = runs.map((r) => r.staticMs);
      const staticImageMs = runs.map((r) => r.staticImageMs);
      recordAll('coldStart', {
        offlineMs,
        staticMs,
        ratio: ratios(offlineMs, staticMs),
        staticImageMs,
        imageRatio: ratios(offlineMs, staticImageMs),
      });
      report(`cold start offline (CPU ×${CPU_SLOWDOWN}, quiet window ${QUIET_MS} ms)`, [
        ['enterprise list interactive per run (ms)', offlineMs.map(Math.round).join(' ')],
        ['the same page without scripts painted (ms)', staticMs.map(Math.round).join(' ')],
        [`${STATIC_IMAGE} shown per run (ms)`, staticImageMs.map(Math.round).join(' ')],
      ]);
      await context.close();
    },
    MEASURE_TIMEOUT_MS,
  );

  it(
    'first load over slow 4G: the login form',
    async () => {
      /** A first visit in a new context: empty cache, no worker. */
      const firstVisit = async <T>(
        measure: (page: Page, load: () => Promise<number>) => Promise<T>,
      ): Promise<T> => {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
        await watchReadiness(context, [LOGIN]);
        const page = await context.newPage();
        const cdp = await slowCpu(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
        const load = () =>
          timeToInteractive(page, () => page.goto(server.url, { waitUntil: 'commit' }));
        try {
          return await measure(page, load);
        } finally {
          await context.close();
        }
      };
      const runs = await repeat(() =>
        firstVisit(async (page, load) => {
          const ms = await load();
          return { ms, scripts: await scriptsBefore(page, ms) };
        }),
      );
      if (settings.trace) await firstVisit((page, load) => traced(page, 'first-load', load));
      const scripts = runs[0]?.scripts ?? [];
      recordAll('firstLoad', {
        slow4gMs: runs.map((r) => r.ms),
        // What the first screen really loads before it answers, beside the static figure of
        // bundle.firstScreenJsGzipBytes (the entry and its modulepreloads only).
        scriptsGzipBytes: runs.map((r) => r.scripts.reduce((sum, file) => sum + gzipSize(file), 0)),
      });
      report(`first load, slow 4G, CPU ×${CPU_SLOWDOWN}`, [
        ['login form interactive per run (ms)', runs.map((r) => Math.round(r.ms)).join(' ')],
        ['scripts loaded before it', scripts.join(', ')],
      ]);
    },
    MEASURE_TIMEOUT_MS,
  );
});
