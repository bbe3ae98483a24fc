import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { generateEnterprises, prng, randomUuid } from '../fixtures/generate';
import { ADMIN_ENV, createOrganizer, type Organizer, signIn } from '../helpers/accounts';
import { findChromium } from '../helpers/chromium';
import { waitForController } from '../helpers/pwa';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';
import { report } from './report';
import { MEASURE_TIMEOUT_MS, RESULTS_DIR, recordAll, repeat } from './results';

/**
 * Lighthouse (its Node API, mobile preset: a mid-range phone on slow 4G, simulated) on the login
 * page of a first visit and on the enterprise list after login, in the system Chromium. The
 * figure of each category is the lower of the two pages: a user meets both.
 */
const ENTERPRISES = 200;
const CATEGORIES = {
  performance: 'performance',
  accessibility: 'accessibility',
  bestPractices: 'best-practices',
} as const;
type Category = keyof typeof CATEGORIES;
type Scores = Record<Category, number>;

let chrome: chromeLauncher.LaunchedChrome;
let browser: Browser;
let server: ServerProcess;
let organizer: Organizer;

/** Enterprises of the organizer's unit on the server, for the list to show after the first pull. */
async function seedEnterprises(): Promise<void> {
  const random = prng(16);
  const response = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${organizer.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: randomUuid(random),
      mutations: generateEnterprises(ENTERPRISES, organizer.unitId).map((enterprise) => ({
        mutationId: randomUuid(random),
        entity: 'enterprise',
        entityId: enterprise.id,
        op: 'put',
        data: enterprise,
      })),
    }),
  });
  if (!response.ok)
    throw new Error(`seeding enterprises: ${response.status} ${await response.text()}`);
}

beforeAll(async () => {
  server = await startServerProcess({ env: ADMIN_ENV });
  organizer = await createOrganizer(server.url, 'Lighthouse');
  await seedEnterprises();
  chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic'],
    logLevel: 'error',
  });
  // The same browser, driven for the sign-in that Lighthouse does not do.
  browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  chrome?.kill();
  await server?.stop();
  await server?.cleanup();
});

async function audit(url: string, flags: Flags): Promise<Result> {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: Object.values(CATEGORIES),
    ...flags,
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`);
  return result.lhr;
}

function scores(lhr: Result): Scores {
  const score = (category: Category) => {
    const value = lhr.categories[CATEGORIES[category]]?.score;
    if (typeof value !== 'number') throw new Error(`Lighthouse scored no ${category}`);
    return value;
  };
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('bestPractices'),
  };
}

/** The audits that cost points: the cause of a score under budget. */
function shortfalls(lhr: Result): string[] {
  const found: string[] = [];
  for (const category of Object.values(CATEGORIES)) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        found.push(
          `${category}/${ref.id} ${audit.score.toFixed(2)}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
        );
      }
    }
  }
  return found;
}

/** Signs in through the app in the browser Lighthouse uses; the list then holds the pulled rows. */
async function signInForLighthouse(): Promise<void> {
  const context = browser.contexts()[0];
  if (!context) throw new Error('the browser has no default context');
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForController(page);
  // The login form, or the list when the storage Lighthouse left still holds the session.
  const login = page.locator('#login-username');
  const row = page.locator('a.list-row').first();
  await login.or(row).waitFor({ timeout: 60_000 });
  if (await login.isVisible()) await signIn(page, organizer.username, organizer.password);
  await row.waitFor({ timeout: 60_000 });
  await page.close();
}

describe('Lighthouse, mobile preset', () => {
  it(
    'scores the login page and the enterprise list',
    async () => {
      const last: Record<string, Result> = {};
      const runs = await repeat(async () => {
        // A first visit: Lighthouse clears the origin's storage, worker and cache first.
        last['login'] = await audit(`${server.url}/`, {});
        await signInForLighthouse();
        // Signed in: the storage (session, pulled enterprises) stays.
        last['list'] = await audit(`${server.url}/enterprises`, { disableStorageReset: true });
        return { login: scores(last['login']), list: scores(last['list']) };
      });
      const lower = (category: Category) =>
        runs.map((r) => Math.min(r.login[category], r.list[category]));
      const of = (page: 'login' | 'list', category: Category) => runs.map((r) => r[page][category]);
      recordAll('lighthouse', {
        performance: lower('performance'),
        accessibility: lower('accessibility'),
        bestPractices: lower('bestPractices'),
      });
      for (const page of ['login', 'list'] as const) {
        recordAll(`lighthouse.${page}`, {
          performance: of(page, 'performance'),
          accessibility: of(page, 'accessibility'),
          bestPractices: of(page, 'bestPractices'),
        });
      }
      // The whole reports of the last run, to open in the Lighthouse viewer.
      for (const [page, lhr] of Object.entries(last)) {
        writeFileSync(join(RESULTS_DIR, `lighthouse-${page}.json`), JSON.stringify(lhr));
      }
      report('Lighthouse: audits that cost points in the last run', [
        ['login page', (last['login'] ? shortfalls(last['login']) : []).join('; ') || 'none'],
        ['enterprise list', (last['list'] ? shortfalls(last['list']) : []).join('; ') || 'none'],
      ]);
    },
    MEASURE_TIMEOUT_MS,
  );
});
