import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/shared/domain';
import type { Enterprise } from '../../src/shared/schemas';
import { generateEnterprises, generateSignups } from '../fixtures/generate';
import { ADMIN_ENV, openUnlocked } from '../helpers/accounts';
import { seriousA11yViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { type FieldDevice, openFieldDevice } from '../helpers/field-device';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';
import {
  createSupervisor,
  openSupervisor,
  outboxCount,
  syncNow,
  waitUntil,
} from '../helpers/supervisor';

/*
 * Assignments (phân công) end to end, and the supervisor's screens as a screen reader meets
 * them. A colleague registers three enterprises (the server assigns them to him); the
 * supervisor, at a desk, assigns one of them, then all of a ward at once, to Lan; Lan's phone
 * then shows the three under "Tôi phụ trách" and among her follow-ups. At 1024 px and more the
 * supervisor's lists are tables; on a phone every supervisor screen and Tiến độ pass axe.
 */

const today = todayInVietnam();
const WARD_ONE = '31120';
const WARD_TWO = '31135';

let browser: Browser;
let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess({ env: ADMIN_ENV });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

async function synced(device: Page): Promise<void> {
  await syncNow(device, server.url);
  try {
    await waitUntil(async () => (await outboxCount(device)) === 0, 'the outbox to empty');
  } catch (error) {
    await device.goto(`${server.url}/sync`);
    throw new Error(`${String(error)}: ${await device.locator('main').innerText()}`);
  }
}

/** The phone's enterprise list with "Tôi phụ trách" on or off; its count once it settles. */
async function listCount(page: Page, mine: boolean): Promise<Locator> {
  await page.goto(`${server.url}/enterprises`);
  const count = page.getByTestId('enterprise-count');
  await expect.poll(() => count.textContent()).toMatch(/doanh nghiệp/);
  if (mine) {
    await page.locator('summary', { hasText: 'Bộ lọc' }).click();
    await page.getByLabel('Tôi phụ trách').check();
  }
  return count;
}

/** Headers of a table's columns, in order. */
function columnHeaders(table: Locator): Promise<string[]> {
  return table.getByRole('columnheader').allTextContents();
}

describe('assignments', () => {
  it('one enterprise, then a whole ward, go to an organizer, whose phone then lists them as hers', async () => {
    const lan: FieldDevice = await openFieldDevice(browser, server, { name: 'Lan' });
    let made: Enterprise[] = [];
    const minh = await openFieldDevice(browser, server, {
      name: 'Minh',
      unitId: lan.organizer.unitId,
      records: (organizer) => {
        made = generateEnterprises(3, organizer.unitId, 1414).map((enterprise, i) => ({
          ...enterprise,
          wardCode: i === 0 ? WARD_ONE : WARD_TWO,
          nextFollowUp: today,
        }));
        return { enterprises: made };
      },
    });
    await synced(minh.page);
    const [alone, ...ward] = made as [Enterprise, Enterprise, Enterprise];

    // Lan's phone holds her unit's three enterprises, none of them hers yet.
    await synced(lan.page);
    const all = await listCount(lan.page, false);
    await expect.poll(() => all.textContent()).toBe('3 doanh nghiệp');
    const none = await listCount(lan.page, true);
    await expect.poll(() => none.textContent()).toBe('0 doanh nghiệp');
    await lan.page.goto(`${server.url}/follow-ups`);
    await expect.poll(() => lan.page.getByTestId('due-today').locator('li').count()).toBe(0);

    // The supervisor at a desk: the enterprises are a table.
    const login = await createSupervisor(server.url, lan.organizer.unitId);
    const { page } = await openSupervisor(browser, server, login, 1280);
    await page.goto(`${server.url}/assignments`);
    await expect.poll(() => page.getByTestId('people-state').textContent()).toMatch(/cập nhật/);
    const table = page.getByRole('table', { name: 'Doanh nghiệp' });
    await expect.poll(() => table.getByRole('rowheader').count()).toBe(3);
    expect(await columnHeaders(table)).toEqual([
      'Doanh nghiệp',
      'Doanh nghiệp',
      'Phường, xã',
      'Người phụ trách',
    ]);
    expect((await table.getByRole('rowheader').allTextContents()).sort()).toEqual(
      made.map((e) => e.name).sort(),
    );
    expect(await seriousA11yViolations(page)).toEqual([]);

    // One enterprise.
    const outcome = page.getByTestId('assignment-outcome');
    await table.getByLabel(`Chọn ${alone.name}`).check();
    await page.getByLabel('Giao cho').selectOption({ label: 'Cán bộ Lan' });
    await page.getByRole('button', { name: 'Phân công 1 doanh nghiệp' }).click();
    await expect.poll(() => outcome.textContent()).toBe('Đã phân công 1 doanh nghiệp.');

    // A whole ward at once.
    await page.getByLabel('Phường, xã').selectOption(WARD_TWO);
    await expect.poll(() => table.getByRole('rowheader').count()).toBe(2);
    await page.getByLabel('Chọn cả 2 doanh nghiệp đang hiện').check();
    await page.getByLabel('Giao cho').selectOption({ label: 'Cán bộ Lan' });
    await page.getByRole('button', { name: 'Phân công 2 doanh nghiệp' }).click();
    await expect.poll(() => outcome.textContent()).toBe('Đã phân công 2 doanh nghiệp.');
    // Every ward again: the table's last column, "Người phụ trách", of every row.
    await page.getByLabel('Phường, xã').selectOption('');
    const assignees = table.locator('tbody tr > :nth-child(4)');
    await expect
      .poll(async () => await assignees.allTextContents())
      .toEqual(['Cán bộ Lan', 'Cán bộ Lan', 'Cán bộ Lan']);
    await synced(page);

    // Lan's phone: the three are hers, in the list and among her follow-ups.
    await synced(lan.page);
    const mine = await listCount(lan.page, true);
    await expect.poll(() => mine.textContent()).toBe('3 doanh nghiệp');
    await lan.page.goto(`${server.url}/follow-ups`);
    const due = lan.page.getByTestId('due-today');
    await expect.poll(() => due.locator('li').count()).toBe(3);
    expect((await due.locator('.row-title').allTextContents()).sort()).toEqual(
      [alone, ...ward].map((e) => e.name).sort(),
    );
  });
});

/** An organizer's unit with an enterprise and three waiting applications, sent to the server. */
async function unitWithApplications(seed: number): Promise<{ unitId: string; site: Enterprise }> {
  let site: Enterprise | undefined;
  const field = await openFieldDevice(browser, server, {
    name: `Cái Răng ${seed}`,
    records: (organizer) => {
      const [first] = generateEnterprises(1, organizer.unitId, seed);
      site = { ...(first as Enterprise), stage: 'surveyed', workerCount: 30 };
      const signups = generateSignups([site], 3, seed + 1).map((s) => ({ ...s, signedAt: today }));
      return { enterprises: [site], signups };
    },
  });
  await synced(field.page);
  if (site === undefined) throw new Error('no enterprise');
  return { unitId: field.organizer.unitId, site };
}

describe('the supervisor’s screens', () => {
  it('are tables at a desk: the admissions queue and the assignments', async () => {
    const { unitId } = await unitWithApplications(1515);
    const login = await createSupervisor(server.url, unitId);
    const { page } = await openSupervisor(browser, server, login, 1024);
    // The queue names the applicants (personal fields): a page load starts locked.
    await openUnlocked(page, `${server.url}/admissions`);
    const queue = page.getByRole('table', { name: 'Đơn chờ duyệt' });
    await expect.poll(() => queue.getByRole('rowheader').count()).toBe(3);
    expect((await columnHeaders(queue)).slice(1)).toEqual([
      'Họ và tên',
      'Số CCCD/hộ chiếu',
      'Doanh nghiệp',
      'Ngày ký',
      'Cán bộ thu đơn',
      'Lưu ý',
      'Thao tác',
    ]);
    // Each row: its checkbox named by the applicant, the name as the row's header.
    const [name] = await queue.getByRole('rowheader').allTextContents();
    await queue.getByLabel(`Chọn đơn của ${name}`).check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`${server.url}/assignments`);
    const list = page.getByRole('table', { name: 'Doanh nghiệp' });
    await expect.poll(() => list.getByRole('rowheader').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('pass axe on a phone, each of them and Tiến độ', async () => {
    const { unitId, site } = await unitWithApplications(1616);
    const login = await createSupervisor(server.url, unitId);
    const { page } = await openSupervisor(browser, server, login, 360);
    const screens: [string, string, () => Promise<unknown>][] = [
      [
        'Duyệt đơn',
        '/admissions',
        () => page.getByTestId('admission-queue').locator('li').nth(2).waitFor(),
      ],
      [
        'Thành lập CĐCS',
        `/enterprises/${site.id}/found`,
        () => page.getByLabel('Số quyết định công nhận').waitFor(),
      ],
      [
        'Biến động',
        '/entries',
        () => page.getByRole('link', { name: 'Ghi biến động mới' }).waitFor(),
      ],
      ['Chỉ tiêu', '/targets', () => page.getByRole('button', { name: 'Lưu chỉ tiêu' }).waitFor()],
      [
        'Phân công',
        '/assignments',
        () => page.getByTestId('assignment-list').locator('li').first().waitFor(),
      ],
      [
        'Tiến độ',
        '/progress',
        () => page.locator('[data-testid="headline"] .figure-row').first().waitFor(),
      ],
    ];
    const found: Record<string, unknown[]> = {};
    // The screens naming applicants ask for the PIN after a page load.
    const personal = new Set(['/admissions']);
    for (const [screen, path, ready] of screens) {
      if (personal.has(path)) await openUnlocked(page, `${server.url}${path}`);
      else await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await ready();
      found[screen] = await seriousA11yViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(screens.map(([screen]) => [screen, []])));
  });
});
