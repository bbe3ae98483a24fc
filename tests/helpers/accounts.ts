import type { Page } from 'playwright-core';

export const ADMIN = { username: 'admin', password: 'root-of-the-union-123' };
export const ADMIN_ENV = { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password };

type Json = Record<string, unknown>;

async function api(base: string, path: string, body: Json, token?: string): Promise<Json> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Json;
  if (!response.ok) throw new Error(`${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

export async function loginApi(base: string, username: string, password: string): Promise<string> {
  const body = await api(base, '/api/auth/login', { username, password });
  return String(body['token']);
}

export type Organizer = {
  username: string;
  password: string;
  unitId: string;
  userId: string;
  token: string;
};

/**
 * A unit under the admin's federation and an organizer in it, made through the real admin API;
 * with `unitId`, an organizer of that unit (two organizers of one unit see the same records).
 */
export async function createOrganizer(
  base: string,
  name: string,
  unitId?: string,
): Promise<Organizer> {
  const admin = await api(base, '/api/auth/login', ADMIN);
  const adminToken = String(admin['token']);
  const parentId = (admin['user'] as Json)['unitId'];
  const unit =
    unitId === undefined
      ? await api(
          base,
          '/api/admin/units',
          { name: `CĐ ${name}`, kind: 'upper', parentId },
          adminToken,
        )
      : { id: unitId };
  const username = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${Math.random().toString(36).slice(2, 8)}`;
  const password = 'organizer-password-1';
  const user = await api(
    base,
    '/api/admin/users',
    { username, password, displayName: `Cán bộ ${name}`, role: 'organizer', unitId: unit['id'] },
    adminToken,
  );
  const token = await loginApi(base, username, password);
  return { username, password, unitId: String(unit['id']), userId: String(user['id']), token };
}

/** The PIN every test phone is given at its first sign-in. */
export const DEVICE_PIN = '583920';

/**
 * Signs in through the app's own login screen, and sets the phone's PIN when the app asks for
 * it (the first sign-in of an installation, or after a wipe).
 */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const list = page.getByRole('heading', { name: 'Doanh nghiệp', level: 1 });
  const setup = page.getByRole('heading', { name: 'Đặt mã PIN', level: 1 });
  await list.or(setup).waitFor({ timeout: 30_000 });
  if (await setup.isVisible()) await setDevicePin(page);
  await list.waitFor({ timeout: 30_000 });
}

/** Answers the app's PIN setup screen with DEVICE_PIN. */
export async function setDevicePin(page: Page, pin = DEVICE_PIN): Promise<void> {
  await page.getByLabel('Mã PIN (ít nhất 6 chữ số)').fill(pin);
  await page.getByLabel('Nhập lại mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Đặt mã PIN' }).click();
}

/**
 * Opens `url` (or reloads the page when none is given), then unlocks the app with the PIN: every
 * page load starts locked (the keys that open personal data live in memory only), and the
 * screens that show a worker's identity need them. The one way tests load a page they read
 * personal data on.
 */
export async function openUnlocked(page: Page, url?: string): Promise<void> {
  if (url === undefined) await page.reload();
  else await page.goto(url);
  await unlockWithPin(page);
}

/**
 * Unlocks the app with the PIN: on the screen that asks for it, else through the top bar's
 * button. A page load starts locked (the keys live in memory only).
 */
export async function unlockWithPin(page: Page, pin = DEVICE_PIN): Promise<void> {
  const form = page.locator('form.unlock').first();
  const button = page.getByRole('button', { name: 'Mở khoá ứng dụng' });
  await form.or(button).first().waitFor({ timeout: 30_000 });
  if (!(await form.isVisible())) await button.click();
  await form.getByLabel('Mã PIN').fill(pin);
  await form.getByRole('button', { name: 'Mở khoá' }).click();
  await form.waitFor({ state: 'detached', timeout: 30_000 });
}
