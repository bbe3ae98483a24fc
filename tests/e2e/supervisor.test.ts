import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/shared/domain';
import type { Enterprise, IndicatorEntry, Signup, Target, Unit } from '../../src/shared/schemas';
import { generateEnterprises, generateSignups } from '../fixtures/generate';
import { ADMIN_ENV, loginApi } from '../helpers/accounts';
import { pullAll } from '../helpers/backup';
import { launchChromium } from '../helpers/chromium';
import { type FieldDevice, openFieldDevice } from '../helpers/field-device';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';
import {
  adminPost,
  createSupervisor,
  openSupervisor,
  outboxCount,
  syncNow,
  waitUntil,
} from '../helpers/supervisor';

/*
 * The supervisor's write side in Chromium, offline: an organizer's phone sends an enterprise and
 * five applications; the supervisor's device (at a desk: 1280 px, its lists are tables) goes
 * offline, admits the five with one decision, records the founding, two movements and the
 * targets of two sub-units. Back online, everything reaches the server once (read through the
 * API), and the organizer's phone then shows the applications as admitted.
 */

const today = todayInVietnam();
const year = Number(today.slice(0, 4));

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

describe('a supervisor offline', () => {
  it('admits, founds, records movements and targets; online, all of it arrives once', async () => {
    // The organizer's day: an enterprise of their unit and five applications, sent online.
    let enterprise: Enterprise | undefined;
    let signups: Signup[] = [];
    const field: FieldDevice = await openFieldDevice(browser, server, {
      name: 'Thốt Nốt',
      records: (organizer) => {
        const [first] = generateEnterprises(1, organizer.unitId, 1212);
        enterprise = { ...(first as Enterprise), stage: 'surveyed', workerCount: 40 };
        signups = generateSignups([enterprise], 5, 1213).map((s) => ({ ...s, signedAt: today }));
        return { enterprises: [enterprise], signups };
      },
    });
    const { organizer } = field;
    if (enterprise === undefined) throw new Error('no enterprise');
    const site = enterprise;
    await syncNow(field.page, server.url);
    await waitUntil(async () => (await outboxCount(field.page)) === 0, 'the organizer’s sync');

    // Two sub-units under the organizer's unit, and its supervisor.
    const subUnits = await Promise.all(
      ['CĐCS Khu A', 'CĐCS Khu B'].map((name) =>
        adminPost(server.url, '/api/admin/units', {
          name,
          kind: 'cdcs',
          parentId: organizer.unitId,
        }),
      ),
    );
    const login = await createSupervisor(server.url, organizer.unitId);
    const { username, password } = login;

    // The supervisor's device, at a desk; the first sign-in needs the network.
    const { context, page } = await openSupervisor(browser, server, login, 1280);
    const badge = page.getByTestId('admissions-badge');
    await expect.poll(() => badge.getAttribute('data-count'), { timeout: 30_000 }).toBe('5');
    await context.setOffline(true);

    // Duyệt đơn: five with one decision.
    await page.getByRole('link', { name: /Duyệt đơn gia nhập/ }).click();
    await page.getByRole('heading', { name: 'Duyệt đơn gia nhập' }).waitFor();
    await page.getByTestId('admission-queue').locator('tbody tr').nth(4).waitFor();
    await page.getByLabel('Chọn tất cả 5 đơn đang hiện').check();
    await page.getByLabel('Số quyết định kết nạp').fill('15/QĐ-CĐ');
    await page.getByRole('button', { name: 'Kết nạp 5 đơn đã chọn' }).click();
    await expect
      .poll(() => page.getByTestId('admission-outcome').textContent())
      .toContain('Đã kết nạp 5 đơn.');
    await expect
      .poll(() => page.getByTestId('queue-count').textContent())
      .toBe('Không có đơn chờ duyệt');
    await expect.poll(() => badge.count()).toBe(0);

    // Thành lập CĐCS.
    await page.goto(`${server.url}/enterprises/${site.id}`);
    await page.getByRole('link', { name: 'Ghi nhận thành lập CĐCS' }).click();
    await page.getByLabel('Số quyết định công nhận').fill('20/QĐ-CĐ');
    await page.getByLabel('Số đoàn viên khi thành lập CĐCS').fill('5');
    await page.getByRole('button', { name: 'Ghi nhận thành lập' }).click();
    await expect
      .poll(() => page.getByTestId('enterprise-stage').textContent())
      .toBe('Đã thành lập CĐCS');

    // Two movements.
    for (const [kind, count] of [
      ['Giảm đoàn viên (nghỉ việc, xin ra, xoá tên)', '2'],
      ['Đoàn viên chuyển đến', '3'],
    ] as const) {
      await page.goto(`${server.url}/entries/new`);
      await page.getByLabel('Loại biến động, số liệu').selectOption({ label: kind });
      await page.getByLabel(/^Số lượng/).fill(count);
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await page.getByRole('heading', { name: /Biến động đoàn viên/ }).waitFor();
    }
    await expect.poll(() => page.getByTestId('entry-list').locator('tbody tr').count()).toBe(2);

    // Targets of the two sub-units.
    await page.goto(`${server.url}/targets`);
    for (const [unit, value] of [
      ['CĐCS Khu A', '60'],
      ['CĐCS Khu B', '40'],
    ] as const) {
      await page.getByLabel(`Kết nạp đoàn viên mới, ${unit}`).fill(value);
    }
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await expect
      .poll(() => page.getByTestId('targets-notice').textContent())
      .toBe('Đã lưu 2 chỉ tiêu.');
    expect(await page.getByTestId('handed-down-new_members').textContent()).toContain('100');

    // Back online: everything arrives, once.
    await context.setOffline(false);
    await syncNow(page, server.url);
    await waitUntil(async () => (await outboxCount(page)) === 0, 'the supervisor’s sync');
    await syncNow(page, server.url);

    const token = await loginApi(server.url, username, password);
    const changes = await pullAll(server.url, token);
    const of = <T>(entity: string) =>
      changes.filter((c) => c.entity === entity && c.data).map((c) => c.data as unknown as T);
    const admitted = of<Signup>('signup');
    expect(admitted).toHaveLength(5);
    for (const signup of admitted) {
      expect(signup).toMatchObject({
        status: 'accepted',
        decision: { number: '15/QĐ-CĐ', date: today, issuedBy: organizer.unitId },
        version: 2,
      });
    }
    const [founded] = of<Enterprise>('enterprise');
    expect(founded).toMatchObject({
      stage: 'founded',
      unionStatus: 'cdcs',
      foundedAt: today,
      workerCountAtFounding: 40,
      membersAtFounding: 5,
      version: 2,
    });
    const entries = of<IndicatorEntry>('indicatorEntry');
    expect(
      entries.map((e) => (e.kind === 'adjustment' ? '' : `${e.kind}:${e.count}`)).sort(),
    ).toEqual(['left:2', 'transferred_in:3']);
    expect(entries.every((e) => e.version === 1 && e.unitId === organizer.unitId)).toBe(true);
    const targets = of<Target>('target');
    expect(targets.map((t) => [t.unitId, t.year, t.indicator, t.value]).sort()).toEqual(
      [
        [subUnits[0]?.['id'], year, 'new_members', 60],
        [subUnits[1]?.['id'], year, 'new_members', 40],
      ].sort(),
    );
    expect(of<Unit>('unit').length).toBeGreaterThanOrEqual(3);

    // The organizer's phone hears of the decisions.
    await syncNow(field.page, server.url);
    await field.page.goto(`${server.url}/signups`);
    const statuses = field.page.getByTestId('signup-status');
    await expect.poll(() => statuses.count(), { timeout: 30_000 }).toBe(5);
    expect(new Set(await statuses.allTextContents())).toEqual(new Set(['Đã kết nạp']));
  });
});
