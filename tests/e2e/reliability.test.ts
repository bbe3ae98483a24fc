import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise, Signup, Visit } from '../../src/shared/schemas';
import { generateEnterprises, generateSignups, generateVisits } from '../fixtures/generate';
import { ADMIN_ENV, type Organizer } from '../helpers/accounts';
import { pullAll } from '../helpers/backup';
import { launchChromium } from '../helpers/chromium';
import { deviceSyncState, type FieldDevice, openFieldDevice } from '../helpers/field-device';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

let browser: Browser;
let server: ServerProcess;

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

type Made = { enterprises: Enterprise[]; visits: Visit[]; signups: Signup[] };

/**
 * A phone of its own, offline, holding one enterprise of its organizer's unit with `visits`
 * visits and `signups` applications, none sent yet: a day of capture without signal.
 */
async function captureOffline(
  name: string,
  seed: number,
  visits: number,
  signups = 0,
): Promise<FieldDevice & { made: Made }> {
  let made: Made = { enterprises: [], visits: [], signups: [] };
  const device = await openFieldDevice(browser, server, {
    name,
    offline: true,
    records: (organizer: Organizer) => {
      const [enterprise] = generateEnterprises(1, organizer.unitId, seed) as [Enterprise];
      made = {
        enterprises: [enterprise],
        visits: generateVisits([enterprise], visits, seed),
        signups: generateSignups([enterprise], signups, seed),
      };
      return made;
    },
  });
  await device.page.goto(`${server.url}/sync`);
  expect(await pendingCount(device.page)).toBe(1 + visits + signups);
  return { ...device, made };
}

async function serverCopy(organizer: Organizer, enterpriseId: string) {
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

/** Presses "Đồng bộ ngay" whenever it is enabled until nothing waits. */
async function syncByHand(page: Page, timeout: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const button = page.getByRole('button', { name: 'Đồng bộ ngay' });
        if (await button.isEnabled()) await button.click();
        return pendingCount(page);
      },
      { timeout, interval: 2_000 },
    )
    .toBe(0);
}

function askWorkerToDrain(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    registration.active?.postMessage({ type: 'SOTAY_DRAIN' });
  });
}

beforeAll(async () => {
  server = await startServerProcess({ env: ADMIN_ENV });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

describe('exactly-once delivery in the real browser against the real server', () => {
  it('delivers 200 visits and 50 applications made offline, field for field', async () => {
    const { context, page, organizer, made } = await captureOffline('Fields', 101, 200, 50);
    await context.setOffline(false);
    await waitUntilSynced(page);
    const stored = await serverCopy(organizer, made.enterprises[0]?.id ?? '');
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
    const { context, page, organizer, made } = await captureOffline('Killed', 102, 1500);
    await context.setOffline(false);
    await expect
      .poll(() => pendingCount(page), { timeout: 60_000, interval: 100 })
      .toBeLessThan(1501);
    await server.kill();
    server = await startServerProcess({
      env: { ...ADMIN_ENV, PORT: String(server.port) },
      dataDir: server.dataDir,
    });
    await syncByHand(page, 120_000);
    const stored = await serverCopy(organizer, made.enterprises[0]?.id ?? '');
    expect(stored.visits).toHaveLength(1500);
    expect(new Set(stored.visits.map((c) => c.entityId)).size).toBe(1500);
    expect(stored.visits.every((c) => c.version === 1)).toBe(true);
  });

  it('has no duplicates when two tabs and the worker drain at once', async () => {
    const { context, page, organizer, made } = await captureOffline('Tabs', 103, 300);
    const second = await context.newPage();
    await second.goto(`${server.url}/sync`);
    let pushes = 0;
    context.on('request', (request) => {
      if (request.url().endsWith('/api/sync/push')) pushes += 1;
    });
    await context.setOffline(false);
    await Promise.all([page, second].map(askWorkerToDrain));
    await waitUntilSynced(page);
    const stored = await serverCopy(organizer, made.enterprises[0]?.id ?? '');
    expect(stored.visits).toHaveLength(300);
    expect(stored.visits.every((c) => c.version === 1)).toBe(true);
    // 301 rows in batches of 100: 4 pushes if one drain did the work; a few more at most if a
    // drain raced a batch it had already read, never one per tab and row.
    expect(pushes).toBeLessThanOrEqual(8);
  });

  it('backs off while the server answers 500, without a retry storm, then delivers', async () => {
    const { context, page, organizer, made } = await captureOffline('Backoff', 104, 50);
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
    // A storm of requests: the worker is asked to drain every 200 ms while the server fails.
    // The page and the worker share one backoff window, so each failed drain is one push and
    // every other request waits: three failures (about 2 + 4 s of windows) take three pushes.
    let failures = 0;
    await expect
      .poll(
        async () => {
          await askWorkerToDrain(page);
          failures = Number((await deviceSyncState(page))['failures'] ?? 0);
          return failures;
        },
        { timeout: 60_000, interval: 200 },
      )
      .toBeGreaterThanOrEqual(3);
    // Read after the failures: at most the one drain that runs now has pushed since.
    expect(pushes).toBeGreaterThanOrEqual(failures);
    expect(pushes).toBeLessThanOrEqual(failures + 1);
    failing = false;
    await syncByHand(page, 60_000);
    await context.unroute('**/api/sync/push');
    expect((await serverCopy(organizer, made.enterprises[0]?.id ?? '')).visits).toHaveLength(50);
  });

  it('lets the service worker finish a drain when the page is closed in the middle', async () => {
    const { context, page, organizer, made } = await captureOffline('Closed', 105, 1000);
    await context.setOffline(false);
    await askWorkerToDrain(page);
    await page.close();
    await expect
      .poll(
        async () => (await serverCopy(organizer, made.enterprises[0]?.id ?? '')).visits.length,
        {
          timeout: 90_000,
          interval: 1_000,
        },
      )
      .toBe(1000);
    const reopened = await context.newPage();
    await waitUntilSynced(reopened);
  });
});
