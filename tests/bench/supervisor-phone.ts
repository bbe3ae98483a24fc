import type { Browser, CDPSession, Page } from 'playwright-core';
import { ADMIN, loginApi, setDevicePin, unlockWithPin } from '../helpers/accounts';
import { fillAppDatabase } from '../helpers/app-db';
import { waitForController } from '../helpers/pwa';
import { installPaintedProbe } from './painted';
import { storageSettled } from './report';

/**
 * The set-up the supervisor's benches share (Duyệt đơn, Tiến độ): a unit "CĐ Bench" under the
 * admin's, its people, and a supervisor's phone (360 px, offline, its database filled as a long
 * year leaves it, CPU ×4) ready to be timed.
 */

type Json = Record<string, unknown>;

export async function benchPost(base: string, path: string, token: string, body: object) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === '' ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} → ${response.status}`);
  return (await response.json()) as Json;
}

export type BenchUser = {
  username: string;
  role: 'supervisor' | 'organizer';
  displayName?: string;
};

export const BENCH_PASSWORD = 'bench-password-12';

/** The units a phone of "CĐ Bench" pulls: its own, and the admin's above it. */
export type BenchUnits = { unitId: string; units: object[] };

/** "CĐ Bench" under the admin's unit, with `users` in it (password BENCH_PASSWORD). */
export async function benchUnit(base: string, users: readonly BenchUser[]): Promise<BenchUnits> {
  const adminToken = await loginApi(base, ADMIN.username, ADMIN.password);
  const admin = await benchPost(base, '/api/auth/login', '', ADMIN);
  const parentId = (admin['user'] as { unitId: string }).unitId;
  const federation = { id: parentId, name: 'LĐLĐ', kind: 'federation' };
  const unit = await benchPost(base, '/api/admin/units', adminToken, {
    name: 'CĐ Bench',
    kind: 'upper',
    parentId,
  });
  const unitId = String(unit['id']);
  for (const { username, role, displayName } of users) {
    await benchPost(base, '/api/admin/users', adminToken, {
      username,
      password: BENCH_PASSWORD,
      displayName: displayName ?? username,
      role,
      unitId,
    });
  }
  return { unitId, units: [federation, { id: unitId, name: 'CĐ Bench', kind: 'upper', parentId }] };
}

export type Phone = { page: Page; cdp: CDPSession };

/**
 * `username`'s phone: signed in online (the first sign-in needs the network), `tables` written
 * straight into its database before the PIN is set, so that setting it encrypts their personal
 * fields as on a phone that pulled them (protectClearRows): what is timed reveals them. Then
 * offline, reloaded until `ready` holds, unlocked (a page load starts locked), storage settled,
 * and CPU ×4 for what is timed.
 */
export async function supervisorPhone(
  browser: Browser,
  base: string,
  username: string,
  tables: Record<string, object[]>,
  ready: (page: Page) => Promise<unknown>,
): Promise<Phone> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await installPaintedProbe(context);
  const page = await context.newPage();
  await page.goto(base);
  await waitForController(page);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(BENCH_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Đặt mã PIN', level: 1 }).waitFor({ timeout: 30_000 });
  await fillAppDatabase(page, tables);
  await setDevicePin(page);
  await page.getByRole('heading', { name: 'Doanh nghiệp', level: 1 }).waitFor({ timeout: 300_000 });
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await unlockWithPin(page);
  await storageSettled();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { page, cdp };
}

/** Unlocks the phone when it locked itself (idle, or a page load): the admissions need it. */
export async function keepUnlocked(page: Page): Promise<void> {
  const locked = page.getByRole('button', { name: 'Mở khoá ứng dụng' });
  const form = page.locator('form.unlock').first();
  if ((await locked.isVisible()) || (await form.isVisible())) await unlockWithPin(page);
}
