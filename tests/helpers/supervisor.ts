import type { Browser, BrowserContext, Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { ADMIN, loginApi, signIn } from './accounts';
import { waitForController } from './pwa';
import type { ServerProcess } from './server-process';

/**
 * A supervisor's device for the end-to-end tests of the supervisor's screens: the account (made
 * through the real admin API), a browser context signed in as them, and the steps every such
 * test takes (sync now, wait for the outbox to empty).
 */

type Json = Record<string, unknown>;

/** POST as the admin; throws with the answer when refused. */
export async function adminPost(base: string, path: string, body: Json): Promise<Json> {
  const token = await loginApi(base, ADMIN.username, ADMIN.password);
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Json;
  if (!response.ok) throw new Error(`${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Polls `check` until it holds, failing after `timeout` ms. */
export async function waitUntil(check: () => Promise<boolean>, what: string, timeout = 60_000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** "Đồng bộ ngay" on the sync screen, until the sync it started has ended. */
export async function syncNow(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/sync`);
  const button = page.getByRole('button', { name: 'Đồng bộ ngay' });
  await button.waitFor();
  await waitUntil(() => button.isEnabled(), 'the sync button');
  await button.click();
  await waitUntil(() => button.isEnabled(), 'the sync to end');
}

/** The outbox rows still waiting on the page's device. */
export function outboxCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('sotay');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('outbox').objectStore('outbox').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

export type Login = { username: string; password: string };

/** A supervisor of `unitId`, named `displayName`. */
export async function createSupervisor(
  base: string,
  unitId: string,
  displayName = 'Cán bộ theo dõi',
): Promise<Login> {
  const password = 'supervisor-password-1';
  const username = `giamsat.${Math.random().toString(36).slice(2, 8)}`;
  await adminPost(base, '/api/admin/users', {
    username,
    password,
    displayName,
    role: 'supervisor',
    unitId,
  });
  return { username, password };
}

/**
 * The supervisor's device at `width` px (a phone at 360, a desk at 1024 and more), signed in
 * online; the context closes when the test ends.
 */
export async function openSupervisor(
  browser: Browser,
  server: ServerProcess,
  login: Login,
  width: number,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForController(page);
  await signIn(page, login.username, login.password);
  return { context, page };
}
