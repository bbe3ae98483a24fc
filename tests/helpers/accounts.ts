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

/** Signs in through the app's own login screen. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Doanh nghiệp', level: 1 }).waitFor();
}
