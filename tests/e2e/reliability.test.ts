import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise } from '../../src/shared/schemas';
import { generateEnterprises, generateSignups, generateVisits } from '../fixtures/generate';
import { ADMIN_ENV, createOrganizer, type Organizer, signIn } from '../helpers/accounts';
import { backupFile, importBackup, pullAll } from '../helpers/backup';
import { launchChromium } from '../helpers/chromium';
import { waitForController } from '../helpers/pwa';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

let browser: Browser;
let server: ServerProcess;
let organizer: Organizer;
let context: BrowserContext;
let page: Page;
let seed = 100;

const strip = ({
  version: _v,
  updatedAt: _u,
  updatedBy: _b,
  authorId: _a,
  ...rest
}: Record<string, unknown>) => rest;

async function pendingCount(target: Page): Promise<number> {
  const text = await target.getByTestId('sync-pending').innerText();
  return Number(text.replace(/\D/g, ''));
}

/** One enterprise of the organizer's unit with `visits` visits, captured offline and imported. */
async function captureOffline(visits: number, signups = 0) {
  seed += 1;
  const [enterprise] = generateEnterprises(1, organizer.unitId, seed) as [Enterprise];
  const made = {
    enterprises: [enterprise],
    visits: generateVisits([enterprise], visits, seed),
    signups: generateSignups([enterprise], signups, seed),
  };
  await context.setOffline(true);
  await importBackup(page, server.url, await backupFile(made));
  await page.goto(`${server.url}/sync`);
  expect(await pendingCount(page)).toBe(1 + visits + signups);
  return made;
}

async function serverCopy(enterpriseId: string) {
  const changes = await pullAll(server.url, organizer.token);
  const of = (entity: string) =>
    changes.filter(
      (c) =>
        c.entity === entity &&
        (c.data['enterpriseId'] === enterpriseId || c.entityId === enterpriseId),
    );
  return { visits: of('visit'), signups: of('signup'), enterprises: of('enterprise') };
}

async function waitUntilSynced(target: Page, timeout = 90_000): Promise<void> {
  await target.goto(`${server.url}/sync`);
  await expect.poll(() => pendingCount(target), { timeout, interval: 500 }).toBe(0);
}

beforeAll(async () => {
  server = await startServerProcess({ env: ADMIN_ENV });
  organizer = await createOrganizer(server.url, 'Reliable');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await context.newPage();
  await page.goto(server.url);
  await waitForController(page);
  await signIn(page, organizer.username, organizer.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

describe('exactly-once delivery in the real browser against the real server', () => {
  it('delivers 200 visits and 50 applications made offline, field for field', async () => {
    const made = await captureOffline(200, 50);
    await context.setOffline(false);
    await waitUntilSynced(page);
    const stored = await serverCopy(made.enterprises[0]?.id ?? '');
    const byId = (a: { entityId: string }, b: { entityId: string }) =>
      a.entityId.localeCompare(b.entityId);
    expect(stored.visits.sort(byId).map((c) => strip(c.data))).toEqual(
      [...made.visits]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((v) => strip(v as Record<string, unknown>)),
    );
    expect(stored.signups).toHaveLength(50);
    expect(stored.signups.every((c) => c.version === 1)).toBe(true);
  });

  it('loses and doubles nothing when the server is killed mid-drain and restarted', async () => {
    const made = await captureOffline(1500);
    await context.setOffline(false);
    await expect
      .poll(() => pendingCount(page), { timeout: 60_000, interval: 100 })
      .toBeLessThan(1501);
    await server.kill();
    server = await startServerProcess({
      env: { ...ADMIN_ENV, PORT: String(server.port) },
      dataDir: server.dataDir,
    });
    await expect
      .poll(
        async () => {
          const button = page.getByRole('button', { name: 'Đồng bộ ngay' });
          if (await button.isEnabled()) await button.click();
          return pendingCount(page);
        },
        { timeout: 120_000, interval: 2_000 },
      )
      .toBe(0);
    const stored = await serverCopy(made.enterprises[0]?.id ?? '');
    expect(stored.visits).toHaveLength(1500);
    expect(new Set(stored.visits.map((c) => c.entityId)).size).toBe(1500);
    expect(stored.visits.every((c) => c.version === 1)).toBe(true);
  });

  it('has no duplicates when two tabs and the worker drain at once', async () => {
    const made = await captureOffline(300);
    const second = await context.newPage();
    await second.goto(`${server.url}/sync`);
    let pushes = 0;
    context.on('request', (request) => {
      if (request.url().endsWith('/api/sync/push')) pushes += 1;
    });
    await context.setOffline(false);
    await Promise.all(
      [page, second].map((tab) =>
        tab.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready;
          registration.active?.postMessage({ type: 'SOTAY_DRAIN' });
        }),
      ),
    );
    await waitUntilSynced(page);
    const stored = await serverCopy(made.enterprises[0]?.id ?? '');
    expect(stored.visits).toHaveLength(300);
    expect(stored.visits.every((c) => c.version === 1)).toBe(true);
    // 301 rows in batches of 100: 4 pushes if one drain did the work; a few more at most if a
    // drain raced a batch it had already read, never one per tab and row.
    expect(pushes).toBeLessThanOrEqual(8);
    await second.close();
  });

  it('backs off while the server answers 500, without a retry storm, then delivers', async () => {
    const made = await captureOffline(50);
    let failing = true;
    let pushes = 0;
    await context.route('**/api/sync/push', async (route) => {
      pushes += 1;
      if (!failing) return route.continue();
      return route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: '{"error":{"code":"internal","message":"down"}}',
      });
    });
    await context.setOffline(false);
    await expect.poll(() => pushes, { timeout: 30_000 }).toBeGreaterThan(0);
    // Ten seconds of a broken server: the page and the worker share one backoff window.
    await page.waitForTimeout(10_000);
    expect(pushes).toBeLessThanOrEqual(6);
    failing = false;
    await expect
      .poll(
        async () => {
          const button = page.getByRole('button', { name: 'Đồng bộ ngay' });
          if (await button.isEnabled()) await button.click();
          return pendingCount(page);
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(0);
    await context.unroute('**/api/sync/push');
    expect((await serverCopy(made.enterprises[0]?.id ?? '')).visits).toHaveLength(50);
  });

  it('lets the service worker finish a drain when the page is closed in the middle', async () => {
    const made = await captureOffline(1000);
    await context.setOffline(false);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      registration.active?.postMessage({ type: 'SOTAY_DRAIN' });
    });
    await page.close();
    await expect
      .poll(async () => (await serverCopy(made.enterprises[0]?.id ?? '')).visits.length, {
        timeout: 90_000,
        interval: 1_000,
      })
      .toBe(1000);
    page = await context.newPage();
    await waitUntilSynced(page);
  });
});
