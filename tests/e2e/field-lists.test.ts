import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise } from '../../src/shared/schemas';
import { generateEnterprises, generateSignups, generateVisits } from '../fixtures/generate';
import {
  ADMIN_ENV,
  createOrganizer,
  type Organizer,
  openUnlocked,
  signIn,
  unlockWithPin,
} from '../helpers/accounts';
import { seriousA11yViolations, smallTouchTargets } from '../helpers/axe';
import { backupFile, importBackup } from '../helpers/backup';
import { launchChromium } from '../helpers/chromium';
import { waitForController } from '../helpers/pwa';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

/*
 * What a field test found in the lists, the detail pages and the sync screen (points 8–11), on a
 * 360 × 740 phone with the network off: records captured offline, imported with their outbox.
 */

const VIEWPORT = { width: 360, height: 740 };
const LONG_NAME = 'Công ty TNHH Một Thành Viên Sản Xuất Thương Mại May Mặc Xuất Khẩu Hoà Bình';

let browser: Browser;
let server: ServerProcess;
let organizer: Organizer;
let context: BrowserContext;
let page: Page;
let enterprises: Enterprise[];
const a11y: Record<string, unknown[]> = {};
const touch: Record<string, unknown[]> = {};

async function checkA11y(screen: string) {
  a11y[screen] = await seriousA11yViolations(page);
  touch[screen] = await smallTouchTargets(page);
}

beforeAll(async () => {
  server = await startServerProcess({ env: ADMIN_ENV });
  organizer = await createOrganizer(server.url, 'Field Lists');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: VIEWPORT });
  page = await context.newPage();
  await page.goto(server.url);
  await waitForController(page);
  await signIn(page, organizer.username, organizer.password);
  enterprises = generateEnterprises(12, organizer.unitId, 51);
  const first = enterprises[0] as Enterprise;
  enterprises[0] = {
    ...first,
    name: LONG_NAME,
    workerCount: 1200,
    contact: { name: 'Trần Thị Mai', role: 'Trưởng phòng nhân sự', phone: '+84918123456' },
  };
  const file = await backupFile({
    enterprises,
    visits: generateVisits([first], 1, 52),
    signups: generateSignups([first], 1, 53),
  });
  await context.setOffline(true);
  await importBackup(page, server.url, file);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

describe('the enterprise list on a 360 × 740 phone (point 8)', () => {
  it('shows more than 4.5 rows, names on up to two lines, the meta line whole', async () => {
    await page.goto(`${server.url}/enterprises`);
    await page.getByTestId('enterprise-count').getByText('12 doanh nghiệp').waitFor();
    const layout = await page.evaluate(() => {
      const list = document.querySelector('ul.virtual-list') as HTMLElement;
      const nav = document.querySelector('nav.bottom-nav') as HTMLElement;
      const row = document.querySelector('li.virtual-row') as HTMLElement;
      return {
        listTop: list.getBoundingClientRect().top,
        navTop: nav.getBoundingClientRect().top,
        rowHeight: row.getBoundingClientRect().height,
      };
    });
    expect((layout.navTop - layout.listTop) / layout.rowHeight).toBeGreaterThan(4.5);
    const long = page.locator('.row-title', { hasText: 'Công ty TNHH Một Thành Viên' });
    const title = await long.evaluate((el) => ({
      lines: Math.round(
        el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight),
      ),
      wraps: getComputedStyle(el).whiteSpace !== 'nowrap',
    }));
    expect(title).toEqual({ lines: 2, wraps: true });
    const meta = await long.locator('xpath=following-sibling::span[1]').innerText();
    expect(meta).toMatch(/^.+ · 1\.200 lao động · Chưa có công đoàn$/);
    await checkA11y('enterprise-list');
  });

  it('says when a search finds nothing and offers to register the enterprise by that name', async () => {
    await page.getByLabel('Tìm doanh nghiệp').fill('Xưởng Gỗ Tân Phú');
    const none = page.getByTestId('no-match');
    await none.waitFor();
    expect(await none.innerText()).toContain(
      'Không có doanh nghiệp nào khớp với “Xưởng Gỗ Tân Phú”.',
    );
    await checkA11y('enterprise-no-match');
    await none.getByRole('link', { name: 'Thêm doanh nghiệp “Xưởng Gỗ Tân Phú”' }).click();
    await expect
      .poll(() => page.getByLabel('Tên doanh nghiệp').inputValue())
      .toBe('Xưởng Gỗ Tân Phú');
  });
});

describe('the filters of the enterprise list', () => {
  it('are made when opened, and a stage and then a ward narrow the list', async () => {
    await page.goto(`${server.url}/enterprises`);
    const count = page.getByTestId('enterprise-count');
    await count.getByText('12 doanh nghiệp').waitFor();
    expect(await page.locator('#filter-stage, #filter-ward, .chips').count()).toBe(0);
    await page.locator('summary', { hasText: 'Bộ lọc' }).click();
    const { stage, wardCode } = enterprises[1] as Enterprise;
    await page.locator('#filter-stage').selectOption(stage);
    const sameStage = enterprises.filter((enterprise) => enterprise.stage === stage);
    await expect.poll(() => count.innerText()).toBe(`${sameStage.length} doanh nghiệp`);
    await page.locator('#filter-ward').selectOption(wardCode);
    const both = sameStage.filter((enterprise) => enterprise.wardCode === wardCode);
    await expect.poll(() => count.innerText()).toBe(`${both.length} doanh nghiệp`);
    const names = await page.locator('.row-title').allInnerTexts();
    expect(names.sort()).toEqual(both.map((enterprise) => enterprise.name).sort());
    await checkA11y('enterprise-filters');
  });
});

describe('the enterprise page (points 9, 10)', () => {
  it('shows phones the Vietnamese way as tel: links, and the ward and province', async () => {
    const first = enterprises[0] as Enterprise;
    await page.goto(`${server.url}/enterprises/${first.id}`);
    const phone = page.getByTestId('contact-phone');
    await phone.waitFor();
    expect(await phone.innerText()).toBe('0918 123 456');
    expect(await phone.getAttribute('href')).toBe('tel:+84918123456');
    await expect.poll(() => page.locator('.facts').innerText()).toContain('Cần Thơ');
    const address = await page.locator('.facts dt:text-is("Địa chỉ") + dd').innerText();
    // Street, ward, province: "12 Đường số 3, Phường Ninh Kiều, Thành phố Cần Thơ".
    const [, ward, province] = address.split(', ');
    expect(ward).toMatch(/^(Phường|Xã) /);
    expect(province).toContain('Cần Thơ');
  });

  it('shows that the enterprise and its visit still wait to be sent', async () => {
    const states = await page.getByTestId('record-state').allInnerTexts();
    expect(states).toEqual(['Chờ gửi', 'Chờ gửi']);
    await checkA11y('enterprise-detail');
  });

  it('says so when the enterprise is no longer on the device, instead of loading forever', async () => {
    await page.goto(`${server.url}/enterprises/00000000-0000-4000-8000-0000000000aa`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('not-found').innerText()).toContain('không còn trên máy');
  });
});

describe('applications (point 10)', () => {
  it('lists submitted ones with their enterprise and whether they wait to be sent', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Đơn gia nhập' }).click();
    // The last page load locked the app: the list asks for the PIN in place.
    await unlockWithPin(page);
    const submitted = page.getByTestId('submitted-list');
    await expect.poll(() => submitted.innerText()).toContain(LONG_NAME);
    expect(await submitted.getByTestId('record-state').innerText()).toBe('Chờ gửi');
    await checkA11y('signups');
  });

  it('opens a submitted one read-only', async () => {
    await page.getByTestId('submitted-list').getByRole('link').first().click();
    await page.getByTestId('signup-facts').waitFor();
    expect(await page.locator('main input, main select, main textarea').count()).toBe(0);
    expect(await page.getByTestId('signup-facts').innerText()).toContain(LONG_NAME);
    expect(await page.getByText('Đơn đã nộp: chỉ xem').count()).toBe(1);
    await checkA11y('signup-view');
  });
});

describe('the sync screen offline (point 11)', () => {
  it('says the records wait for the network, and names each', async () => {
    await openUnlocked(page, `${server.url}/sync`);
    const queue = page.getByTestId('sync-queue-list');
    await expect.poll(() => queue.locator('li').count()).toBe(14);
    // The queue is read again once unlocked: then the applicant is named.
    const APPLICANT = /Đơn gia nhập của (Nguyễn Thị|Trần Văn) Người Lao Động 1/;
    await expect.poll(() => queue.innerText()).toMatch(APPLICANT);
    const text = await queue.innerText();
    expect(text).not.toContain('đã gửi, chờ xác nhận');
    const states = await queue.getByTestId('queue-state').allInnerTexts();
    expect(new Set(states)).toEqual(new Set(['chờ có mạng']));
    expect(text).toContain(`Doanh nghiệp ${LONG_NAME}`);
    expect(text).toMatch(new RegExp(`Nhật ký tiếp xúc ngày \\d{2}/\\d{2}/2026 tại ${LONG_NAME}`));
    await checkA11y('sync');
  });
});

describe('screens of this file', () => {
  it('have no serious or critical accessibility violation', () => {
    expect(Object.entries(a11y).filter(([, violations]) => violations.length > 0)).toEqual([]);
  });

  it('give every control a touch target of at least 44 × 44 px', () => {
    expect(Object.keys(touch).length).toBe(Object.keys(a11y).length);
    expect(Object.entries(touch).filter(([, small]) => small.length > 0)).toEqual([]);
  });
});
