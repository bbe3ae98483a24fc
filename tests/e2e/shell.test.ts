import { appendFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../vite.config';
import { generateEnterprises } from '../fixtures/generate';
import { ADMIN_ENV, createOrganizer, signIn } from '../helpers/accounts';
import { seriousA11yViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { copyBuiltApp, pngSize, waitForController } from '../helpers/pwa';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

let browser: Browser;
let server: ServerProcess;
let appDir: string;
let context: BrowserContext;
let page: Page;
const PHONE = { viewport: { width: 360, height: 740 } };

beforeAll(async () => {
  appDir = await copyBuiltApp();
  server = await startServerProcess({ env: { STATIC_DIR: appDir, ...ADMIN_ENV } });
  browser = await launchChromium();
  // The tests after the first share one signed-in phone; the first signs in on its own.
  context = await browser.newContext(PHONE);
  page = await context.newPage();
  await page.goto(server.url);
  await waitForController(page);
  const organizer = await createOrganizer(server.url, 'Shell');
  await signIn(page, organizer.username, organizer.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
  if (appDir) await rm(appDir, { recursive: true, force: true });
});

type Manifest = {
  name: string;
  short_name: string;
  lang: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
};

describe('the installable app shell', () => {
  it('loads in Vietnamese and its service worker activates and controls the page', async () => {
    const ownContext = await browser.newContext(PHONE);
    const page = await ownContext.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    // The sections are the signed-in organizer's: the login page has no navigation.
    expect(await page.getByRole('navigation').count()).toBe(0);
    const controller = await waitForController(page);
    expect(controller).toBe(`activated:${server.url}/sw.js`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Đăng nhập');
    const organizer = await createOrganizer(server.url, 'Shell');
    // Recorded from another device: the first pull after sign-in must bring it here.
    const [enterprise] = generateEnterprises(1, organizer.unitId, 5);
    const pushed = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${organizer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: '00000000-0000-4000-8000-000000000999',
        mutations: [
          {
            mutationId: '00000000-0000-4000-8000-000000000998',
            entity: 'enterprise',
            entityId: enterprise?.id,
            op: 'put',
            data: enterprise,
          },
        ],
      }),
    });
    expect(((await pushed.json()) as { results: { status: string }[] }).results[0]?.status).toBe(
      'applied',
    );
    await signIn(page, organizer.username, organizer.password);
    await expect.poll(() => page.url()).toBe(`${server.url}/enterprises`);
    await expect
      .poll(() => page.getByTestId('enterprise-count').innerText())
      .toBe('1 doanh nghiệp');
    expect(await page.getByTestId('network-status').innerText()).toContain('Có mạng');
    await ownContext.close();
  });

  it('publishes a valid manifest whose icons exist at their stated sizes', async () => {
    expect(await page.locator('link[rel="manifest"]').count()).toBe(1);
    const href = await page.getAttribute('link[rel="manifest"]', 'href');
    const manifestResponse = await page.request.get(new URL(href ?? '', server.url).href);
    const manifest = (await manifestResponse.json()) as Manifest;
    const themeMeta = await page.getAttribute('meta[name="theme-color"]', 'content');
    expect(manifest).toMatchObject({
      name: 'Sổ tay Vận động Công đoàn',
      short_name: 'Sổ tay CĐ',
      lang: 'vi',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: themeMeta,
    });
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const purposes = manifest.icons.map((icon) => `${icon.sizes}:${icon.purpose ?? 'any'}`);
    expect(purposes).toEqual(
      expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']),
    );
    for (const icon of manifest.icons) {
      const response = await page.request.get(new URL(icon.src, server.url).href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe(icon.type);
      const { width, height } = pngSize(await response.body());
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
  });

  it('has no serious or critical accessibility violation on the shell', async () => {
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('reloads and navigates with the network off, still signed in', async () => {
    await page.goto(`${server.url}/enterprises`);
    await page.getByRole('heading', { name: 'Doanh nghiệp', level: 1 }).waitFor();
    await context.setOffline(true);
    try {
      await reloadsAndNavigatesOffline();
    } finally {
      await context.setOffline(false);
    }
  });

  async function reloadsAndNavigatesOffline(): Promise<void> {
    await page.reload();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Doanh nghiệp');
    expect(await page.getByRole('navigation').innerText()).toContain('Đồng bộ');
    expect(await page.getByTestId('network-status').innerText()).toContain('Ngoại tuyến');
    await page.goto(`${server.url}/follow-ups`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Lịch hẹn');
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await page.getByRole('link', { name: 'Đồng bộ' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Đồng bộ');
  }

  it('switches to English and remembers the choice', async () => {
    await page.goto(`${server.url}/settings`);
    // English loads on demand: the screen changes once its catalogue has arrived.
    const navigation = () => page.getByRole('navigation').innerText();
    await page.getByLabel('English').check();
    await expect.poll(navigation).toContain('Enterprises');
    await page.reload();
    await expect.poll(navigation).toContain('Enterprises');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Tiếng Việt').check();
    await expect.poll(navigation).toContain('Doanh nghiệp');
  });

  it('shows whether storage is protected and how much is used', async () => {
    await page.goto(`${server.url}/settings`);
    const panel = page.getByTestId('storage-panel');
    await expect.poll(() => panel.innerText()).toMatch(/Dữ liệu (được|chưa được) bảo vệ/);
    expect(await page.getByTestId('storage-usage').innerText()).toMatch(
      /^Đã dùng .+ trên .+ cho phép\.$/,
    );
  });

  // The page that installed the first worker is the case workbox-window's `isUpdate` misses.
  it.each([
    { since: 'the page that installed the first worker', reloaded: false },
    { since: 'a reload', reloaded: true },
  ])(
    'offers the update when a new worker waits, and applies it on request, after $since',
    async ({ reloaded }) => {
      const ownContext = await browser.newContext(PHONE);
      const page = await ownContext.newPage();
      await page.goto(server.url);
      const before = await waitForController(page);
      if (reloaded) await page.reload();
      await appendFile(join(appDir, 'sw.js'), `\n// next release ${crypto.randomUUID()}\n`);
      // A release ships its compressed copies too (the build writes them; the server prefers them).
      await precompress(appDir);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      const prompt = page.getByRole('alertdialog');
      await prompt.waitFor({ timeout: 30_000 });
      expect(await prompt.innerText()).toContain('Đã có phiên bản mới');
      await Promise.all([
        page.waitForEvent('load', { timeout: 30_000 }),
        prompt.getByRole('button', { name: 'Cập nhật' }).click(),
      ]);
      await waitForController(page);
      const waiting = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return registration?.waiting ?? null;
      });
      expect(waiting).toBeNull();
      expect(before).toBe(`activated:${server.url}/sw.js`);
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      await ownContext.close();
    },
  );
});
