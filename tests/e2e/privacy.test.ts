import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise, Signup } from '../../src/shared/schemas';
import { generateEnterprises, generateSignups } from '../fixtures/generate';
import { ADMIN_ENV, DEVICE_PIN, type Organizer } from '../helpers/accounts';
import { pullAll } from '../helpers/backup';
import { launchChromium } from '../helpers/chromium';
import {
  type FieldDevice,
  openFieldDevice,
  openUnlocked,
  unlockWithPin,
} from '../helpers/field-device';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

/**
 * Privacy on the phone (docs/design.md §6) in Chromium against the real server: five applications
 * captured offline, the app locked, every storage area searched for their names, ID numbers and
 * phones; unlocking by PIN and by a passkey (a virtual authenticator with PRF); delivery by the
 * worker while locked with the page closed; ten wrong PINs, and the queue still arrives.
 */

let browser: Browser;
let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess({ env: ADMIN_ENV });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

type Captured = FieldDevice & { signups: Signup[] };

/** A phone of its own with five applications captured offline at one enterprise. */
async function fiveOffline(name: string, seed: number, base = server.url): Promise<Captured> {
  let signups: Signup[] = [];
  const device = await openFieldDevice(
    browser,
    { ...server, url: base },
    {
      name,
      offline: true,
      records: (organizer: Organizer) => {
        const [enterprise] = generateEnterprises(1, organizer.unitId, seed) as [Enterprise];
        signups = generateSignups([enterprise], 5, seed);
        return { enterprises: [enterprise], signups };
      },
    },
  );
  return { ...device, signups };
}

/** What identifies each applicant: none of it may be readable while the app is locked. */
function secretsOf(signups: readonly Signup[]): string[] {
  return signups.flatMap((s) => [s.fullName, s.idNumber, ...(s.phone ? [s.phone] : [])]);
}

/** Every IndexedDB store of every database, every Cache Storage entry and localStorage, as text. */
function everyStorageArea(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name ?? '');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push(JSON.stringify(rows));
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        parts.push(await ((await cache.match(request))?.text() ?? ''));
      }
    }
    parts.push(JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }));
    return parts.join('\n');
  });
}

async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Khoá ứng dụng' }).click();
  await page.getByRole('button', { name: 'Mở khoá ứng dụng' }).waitFor();
}

/** The applications on the server, by id, as the organizer pulls them. */
async function onServer(organizer: Organizer): Promise<Map<string, Record<string, unknown>>> {
  const changes = await pullAll(server.url, organizer.token);
  return new Map(changes.filter((c) => c.entity === 'signup').map((c) => [c.entityId, c.data]));
}

async function expectDelivered(organizer: Organizer, signups: readonly Signup[]): Promise<void> {
  await expect
    .poll(async () => (await onServer(organizer)).size, { timeout: 90_000, interval: 1_000 })
    .toBe(signups.length);
  const stored = await onServer(organizer);
  for (const signup of signups) expect(stored.get(signup.id)).toMatchObject(signup);
}

describe('a lost phone', () => {
  it('holds nothing readable while locked, and unlocks by PIN and by passkey', async () => {
    // WebAuthn refuses an IP address as its relying party: this phone talks to `localhost`.
    const base = server.url.replace('127.0.0.1', 'localhost');
    const { page, context, signups } = await fiveOffline('Privacy Lock', 301, base);
    const client = await context.newCDPSession(page);
    await client.send('WebAuthn.enable');
    await client.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        hasPrf: true,
      },
    });

    await lock(page);
    const text = await everyStorageArea(page);
    for (const secret of secretsOf(signups)) expect(text, secret).not.toContain(secret);

    await page.getByRole('link', { name: 'Đơn gia nhập' }).click();
    await unlockWithPin(page);
    const first = signups[0] as Signup;
    await expect
      .poll(() => page.getByTestId('submitted-list').innerText())
      .toContain(first.fullName);

    await openUnlocked(page, `${base}/settings`);
    await page.getByLabel('Nhập mã PIN để thêm vân tay').fill(DEVICE_PIN);
    await page.getByRole('button', { name: 'Thêm mở khoá bằng vân tay' }).click();
    await expect
      .poll(() => page.getByTestId('security-message').innerText())
      .toBe('Đã thêm mở khoá bằng vân tay.');
    await lock(page);
    await page.getByRole('button', { name: 'Mở khoá ứng dụng' }).click();
    await page
      .getByRole('button', { name: 'Mở khoá bằng vân tay (khoá truy cập)' })
      .first()
      .click();
    await page.getByRole('button', { name: 'Khoá ứng dụng' }).waitFor();
  });

  it('is delivered by the worker while locked, with the page closed', async () => {
    const { page, context, organizer, signups } = await fiveOffline('Privacy Worker', 311);
    await lock(page);
    await context.setOffline(false);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      registration.active?.postMessage({ type: 'SOTAY_DRAIN' });
    });
    await page.close();
    await expectDelivered(organizer, signups);
  });

  it('wipes after ten wrong PINs, and the queue still arrives field for field', async () => {
    const { page, context, organizer, signups } = await fiveOffline('Privacy Wipe', 321);
    await lock(page);
    await page.getByRole('button', { name: 'Mở khoá ứng dụng' }).click();
    for (let attempt = 1; attempt < 10; attempt += 1) {
      await page.getByLabel('Mã PIN').fill('000001');
      await page.getByRole('button', { name: 'Mở khoá', exact: true }).click();
      await expect
        .poll(() => page.getByRole('alert').first().innerText())
        .toContain(`Còn ${10 - attempt} lần thử`);
    }
    await page.getByLabel('Mã PIN').fill('000001');
    await page.getByRole('button', { name: 'Mở khoá', exact: true }).click();
    // Each try derives the PIN key (600,000 iterations): slow on a busy machine.
    await page.getByRole('heading', { name: 'Đặt mã PIN', level: 1 }).waitFor({ timeout: 60_000 });
    const text = await everyStorageArea(page);
    for (const secret of secretsOf(signups)) expect(text, secret).not.toContain(secret);

    await context.setOffline(false);
    await expectDelivered(organizer, signups);
  });
});
