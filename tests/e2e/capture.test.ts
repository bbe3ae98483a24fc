import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ENV, createOrganizer, type Organizer, signIn } from '../helpers/accounts';
import { seriousA11yViolations, smallTouchTargets } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { waitForController } from '../helpers/pwa';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

let browser: Browser;
let server: ServerProcess;
let organizer: Organizer;
let context: BrowserContext;
let page: Page;
let enterpriseUrl = '';
const a11y: Record<string, unknown[]> = {};
const touch: Record<string, unknown[]> = {};

async function checkA11y(screen: string) {
  a11y[screen] = await seriousA11yViolations(page);
  touch[screen] = await smallTouchTargets(page);
}

/** The bottom navigation's tab (other links may share its words). */
async function nav(name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name }).click();
}

async function heading(): Promise<string> {
  return page.getByRole('heading', { level: 1 }).innerText();
}

beforeAll(async () => {
  server = await startServerProcess({ env: ADMIN_ENV });
  organizer = await createOrganizer(server.url, 'Ninh Kieu');
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    acceptDownloads: true,
  });
  page = await context.newPage();
  await page.goto(server.url);
  await waitForController(page);
  await checkA11y('login');
  await signIn(page, organizer.username, organizer.password);
  // From here on the phone has no signal.
  await context.setOffline(true);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

describe('field capture with the network off', () => {
  it('registers a newly found enterprise', async () => {
    await checkA11y('enterprises');
    await page.getByRole('link', { name: 'Thêm doanh nghiệp' }).click();
    await page.getByLabel('Tên doanh nghiệp').fill('Công ty TNHH May Hoà Bình');
    await page.getByLabel('Mã số thuế').fill('0100 233 488');
    await page.getByLabel('Tỉnh, thành phố').selectOption('92');
    await page.getByLabel('Xã, phường').selectOption('31135');
    await page.getByLabel('Địa chỉ').fill('12 Đường 30/4');
    await page.getByLabel('Số lao động', { exact: true }).fill('1.200');
    await checkA11y('enterprise-form');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('enterprise-stage').waitFor();
    expect(await heading()).toBe('Công ty TNHH May Hoà Bình');
    expect(await page.getByText('0100233488').count()).toBe(1);
    enterpriseUrl = page.url();
    await checkA11y('enterprise-detail');
  });

  it('finds it by a search without diacritics', async () => {
    await nav('Doanh nghiệp');
    await page.getByLabel('Tìm doanh nghiệp').fill('hoa binh');
    await expect
      .poll(() => page.getByTestId('enterprise-count').innerText())
      .toBe('1 doanh nghiệp');
    await page.getByLabel('Tìm doanh nghiệp').fill('khong co');
    await expect
      .poll(() => page.getByTestId('enterprise-count').innerText())
      .toBe('0 doanh nghiệp');
  });

  it('logs a visit that moves the enterprise to the next stage', async () => {
    await page.goto(enterpriseUrl);
    await page.getByRole('link', { name: 'Ghi nhật ký tiếp xúc' }).click();
    await page.getByLabel('Khảo sát, nắm tình hình').check();
    await page.getByLabel('Chuyển giai đoạn').selectOption({ label: 'Đã khảo sát' });
    await page.getByLabel('Kết quả').fill('Gặp phòng nhân sự, công ty đồng ý cho gặp công nhân.');
    await page.getByRole('button', { name: 'Sau 7 ngày' }).click();
    await checkA11y('visit-form');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('enterprise-stage').waitFor();
    expect(await page.getByTestId('enterprise-stage').innerText()).toBe('Đã khảo sát');
    expect(await page.getByTestId('visit-list').innerText()).toContain('công ty đồng ý');
  });

  it('keeps a half-filled application across a reload, then submits it', async () => {
    await page.getByRole('link', { name: 'Thu đơn gia nhập' }).click();
    await page.getByLabel('Họ và tên').waitFor();
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoà');
    await page.getByLabel('Ngày sinh').fill('15/03/1990');
    await page.getByLabel('Nữ').check();
    await checkA11y('signup-form');
    const draftUrl = page.url();
    await page.reload();
    expect(page.url()).toBe(draftUrl);
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Hoà');
    expect(await page.getByLabel('Ngày sinh').inputValue()).toBe('15/03/1990');
    expect(await page.getByLabel('Nữ').isChecked()).toBe(true);

    await page.getByLabel('Số CCCD/hộ chiếu').fill('092 190 123 456');
    await page.getByLabel('Không xác định thời hạn').check();
    await page.getByLabel(/tự nguyện gia nhập/).check();
    await page.getByRole('button', { name: 'Nộp đơn' }).click();
    await page.getByTestId('applications-count').waitFor();
    expect(await page.getByTestId('applications-count').innerText()).toContain('Đã thu 1 đơn');
  });

  it('collects a series of applications keeping the enterprise and the date', async () => {
    await page.getByRole('link', { name: 'Thu đơn gia nhập' }).click();
    await page.getByLabel('Họ và tên').waitFor();
    const signedAt = await page.getByLabel('Ngày ký đơn').inputValue();
    await page.getByLabel(/Thu nhiều đơn liên tiếp/).check();
    for (const [name, id] of [
      ['Trần Văn Nam', '092085000111'],
      ['Lê Văn Minh', '092088000222'],
    ] as const) {
      await page.getByLabel('Họ và tên').fill(name);
      await page.getByLabel('Ngày sinh').fill(`01/01/19${id.slice(4, 6)}`);
      await page.getByLabel('Nam', { exact: true }).check();
      await page.getByLabel('Số CCCD/hộ chiếu').fill(id);
      await page.getByLabel('Không xác định thời hạn').check();
      await page.getByLabel(/tự nguyện gia nhập/).check();
      const before = page.url();
      await page.getByRole('button', { name: 'Nộp đơn' }).click();
      await expect.poll(() => page.url()).not.toBe(before);
      await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('');
      expect(await page.getByLabel('Ngày ký đơn').inputValue()).toBe(signedAt);
    }
    await page.goto(enterpriseUrl);
    await expect
      .poll(() => page.getByTestId('applications-count').innerText())
      .toContain('Đã thu 3 đơn');
  });

  it('lists drafts with how complete they are, and follow-ups due', async () => {
    await nav('Đơn gia nhập');
    // The series' last blank form was never typed in: no empty draft is kept.
    await expect
      .poll(() => page.getByRole('heading', { name: /Đơn đang làm dở/ }).innerText())
      .toBe('Đơn đang làm dở (0)');
    await checkA11y('signups');
    await nav('Lịch hẹn');
    await expect
      .poll(() => page.getByTestId('this-week').innerText())
      .toContain('Công ty TNHH May Hoà Bình');
    await checkA11y('follow-ups');
    await nav('Đồng bộ');
    await expect
      .poll(() => page.getByTestId('sync-pending').innerText())
      .toMatch(/Đang chờ gửi: [1-9]/);
    await checkA11y('sync');
  });

  it('exports every record to a file and imports it back without duplicates', async () => {
    await page.goto(`${server.url}/settings`);
    await checkA11y('settings');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất tệp sao lưu' }).first().click(),
    ]);
    const file = await download.path();
    const backup = JSON.parse(await readFile(file, 'utf8')) as {
      tables: Record<string, unknown[]>;
    };
    expect(backup.tables['enterprises']).toHaveLength(1);
    expect(backup.tables['signups']?.length).toBeGreaterThanOrEqual(3);
    await page.getByLabel('Nhập tệp sao lưu').setInputFiles(file);
    await expect.poll(() => page.getByTestId('backup-message').innerText()).toMatch(/thêm 0,/);
  });

  it('has no serious or critical accessibility violation on any screen', () => {
    expect(Object.entries(a11y).filter(([, violations]) => violations.length > 0)).toEqual([]);
  });

  it('gives every control a touch target of at least 44 × 44 px on every screen', () => {
    expect(Object.keys(touch).length).toBe(Object.keys(a11y).length);
    expect(Object.entries(touch).filter(([, small]) => small.length > 0)).toEqual([]);
  });
});

describe('signing out', () => {
  it('refuses while records are unsent unless confirmed twice, then leaves no personal data', async () => {
    await page.goto(`${server.url}/settings`);
    const unsent = page.getByTestId('logout-unsent');
    await expect.poll(() => unsent.innerText()).toMatch(/Còn \d+ bản ghi chưa gửi/);
    await page.getByRole('button', { name: /Vẫn đăng xuất/ }).click();
    await page.getByRole('button', { name: /Chắc chắn\?/ }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Cài đặt');
    await page.getByRole('button', { name: /Chắc chắn\?/ }).click();
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    const left = await page.evaluate(
      () =>
        new Promise<Record<string, number>>((resolve, reject) => {
          const open = indexedDB.open('sotay');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const names = [...db.objectStoreNames];
            const tx = db.transaction(names, 'readonly');
            const counts: Record<string, number> = {};
            for (const name of names) {
              const request = tx.objectStore(name).count();
              request.onsuccess = () => {
                counts[name] = request.result;
              };
            }
            tx.oncomplete = () => resolve(counts);
          };
        }),
    );
    // Only the installation's clientId stays.
    expect(left).toMatchObject({
      enterprises: 0,
      visits: 0,
      signups: 0,
      outbox: 0,
      shadows: 0,
      meta: 1,
    });
  });
});
