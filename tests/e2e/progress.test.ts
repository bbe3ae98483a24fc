import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeIndicators,
  indicatorFacts,
  isBehindPace,
  monthPeriod,
  REVIEW_MIN_WORKERS,
  reviewList,
  todayInVietnam,
  unitAndDescendants,
} from '../../src/shared/domain';
import type { Enterprise, Signup, Target, Unit, Visit } from '../../src/shared/schemas';
import { formatProgress } from '../../src/shared/vn/format';
import { generateSignups, prng, randomUuid } from '../fixtures/generate';
import { ADMIN_ENV, loginApi, signIn } from '../helpers/accounts';
import { seriousA11yViolations, smallTouchTargets } from '../helpers/axe';
import { importBackup, pullAll } from '../helpers/backup';
import { launchChromium } from '../helpers/chromium';
import { waitForController } from '../helpers/pwa';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

/*
 * Tiến độ and Rà soát on a 360 px phone, offline after the last pull, for an organizer and a
 * supervisor of the demo federation (SEED=demo: targets, 200 enterprises, some founded this
 * year). The organizer's applications and visits come from its own device; the supervisor
 * admits five and records a founding through the API. Expected figures are computed with the
 * functions of src/shared/domain from what the server hands out, and anchored by hand where the
 * demo leaves nothing to chance (nobody was admitted before this test).
 */

const VIEWPORT = { width: 360, height: 740 };
const today = todayInVietnam();
const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];

let browser: Browser;
let server: ServerProcess;
const logins = new Map<string, string>();
let supervisorToken: string;
let federation: Unit;
let kcn: Unit;
let founded: Enterprise;
const a11y: Record<string, unknown[]> = {};
const touch: Record<string, unknown[]> = {};

async function checkA11y(page: Page, screen: string) {
  a11y[screen] = await seriousA11yViolations(page);
  touch[screen] = await smallTouchTargets(page);
}

/** The demo's logins, printed once by the server. */
function readLogins(output: string): void {
  for (const match of output.matchAll(/^\s+(\S+) \/ (\S+)\s+\(/gm)) {
    logins.set(match[1] ?? '', match[2] ?? '');
  }
}

type Change = Awaited<ReturnType<typeof pullAll>>[number];
const records = <T>(changes: Change[], entity: string) =>
  changes.filter((c) => c.entity === entity && c.data).map((c) => c.data as unknown as T);

async function push(token: string, mutations: object[]) {
  const response = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: randomUUID(), mutations }),
  });
  const body = (await response.json()) as { results: { status: string; version?: number }[] };
  expect(body.results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
  return body.results;
}

async function phone(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForController(page);
  await signIn(page, username, logins.get(username) ?? '');
  return { context, page };
}

/** Polls `check` (hooks cannot use expect.poll) until it holds, failing after `timeout` ms. */
async function waitUntil(check: () => Promise<boolean>, what: string, timeout = 60_000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Whether the phone keeps the names of the people in its user's scope (the meta table). */
function hasDirectory(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('sotay');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('directory');
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result !== undefined);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

async function syncNow(page: Page): Promise<void> {
  await page.goto(`${server.url}/sync`);
  const button = page.getByRole('button', { name: 'Đồng bộ ngay' });
  await button.waitFor();
  await waitUntil(() => button.isEnabled(), 'the sync button');
  await button.click();
  await waitUntil(() => button.isEnabled(), 'the sync to end');
}

/** The applications and visits an organizer records on their phone (a backup of its day). */
async function organizerDay(enterprise: Enterprise): Promise<{ signups: Signup[]; file: string }> {
  const random = prng(1313);
  const signups = generateSignups([enterprise], 6, 1314).map((s) => ({ ...s, signedAt: today }));
  const visits: Visit[] = [0, 1, 2].map((i) => ({
    id: randomUuid(random),
    enterpriseId: enterprise.id,
    visitedAt: `${today}T${String(8 + i).padStart(2, '0')}:30:00+07:00`,
    purposes: ['collect_applications'],
    peopleMet: [{ role: 'worker' }],
    workersReached: 10,
    outcome: `Thu đơn lần ${i + 1}`,
    ...(i === 0 ? { stageBefore: 'surveyed', stageAfter: 'collecting_applications' } : {}),
  }));
  const stamped = <T extends { id: string }>(list: T[]) =>
    list.map((row) => ({ ...row, localUpdatedAt: `${today}T10:00:00+07:00` }));
  const outbox = (entity: string, list: { id: string }[]) =>
    list.map((data) => ({
      mutationId: randomUuid(random),
      entity,
      entityId: data.id,
      op: 'put',
      data,
      createdAt: `${today}T10:00:00+07:00`,
      state: 'pending',
      attempts: 0,
    }));
  const backup = {
    format: 'sotay-backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    tables: {
      visits: stamped(visits),
      signups: stamped(signups),
      outbox: [...outbox('visit', visits), ...outbox('signup', signups)],
    },
  };
  const file = join(tmpdir(), `sotay-progress-${randomUuid(random)}.json`);
  await writeFile(file, JSON.stringify(backup));
  return { signups, file };
}

/** The supervisor admits five applications with one decision and records the founding. */
async function decide(signups: Signup[], enterprise: Enterprise): Promise<void> {
  const issuedBy = federation.id;
  await push(
    supervisorToken,
    signups.slice(0, 5).map((signup) => ({
      mutationId: randomUUID(),
      entity: 'signup',
      entityId: signup.id,
      op: 'put',
      baseVersion: 1,
      data: {
        ...signup,
        status: 'accepted',
        decision: { number: '15/QĐ-LĐLĐ', date: today, issuedBy },
      },
    })),
  );
  // The organizer's day moved the enterprise on: the founding is recorded on its current version.
  const current = records<Enterprise>(
    await pullAll(server.url, supervisorToken),
    'enterprise',
  ).find((e) => e.id === enterprise.id) as Enterprise;
  const { version: _v, updatedAt: _u, updatedBy: _b, ...record } = current;
  await push(supervisorToken, [
    {
      mutationId: randomUUID(),
      entity: 'enterprise',
      entityId: enterprise.id,
      op: 'put',
      baseVersion: current.version,
      data: {
        ...record,
        stage: 'founded',
        unionStatus: 'cdcs',
        foundedAt: today,
        foundingDecision: { number: '20/QĐ-LĐLĐ', date: today, issuedBy },
        workerCountAtFounding: enterprise.workerCount,
      },
    },
  ]);
}

beforeAll(async () => {
  server = await startServerProcess({ env: { ...ADMIN_ENV, SEED: 'demo' } });
  readLogins(server.output());
  supervisorToken = await loginApi(server.url, 'giamsat', logins.get('giamsat') ?? '');
  const changes = await pullAll(server.url, supervisorToken);
  const units = records<Unit>(changes, 'unit');
  federation = units.find((u) => u.parentId === undefined) as Unit;
  kcn = units.find((u) => u.name.includes('Khu chế xuất')) as Unit;
  const enterprises = records<Enterprise>(changes, 'enterprise');
  founded = enterprises.find(
    (e) => e.unitId === kcn.id && e.stage === 'surveyed' && (e.workerCount ?? 0) >= 25,
  ) as Enterprise;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

/** What the shared functions make of everything the supervisor may see. */
async function expectedFigures(unitId: string) {
  const changes = await pullAll(server.url, supervisorToken);
  const units = records<Unit>(changes, 'unit');
  const targets = records<Target>(changes, 'target').filter((t) => t.unitId === unitId);
  const facts = indicatorFacts({
    enterprises: records<Enterprise>(changes, 'enterprise'),
    signups: records<Signup>(changes, 'signup'),
    entries: [],
  });
  const unitIds = unitAndDescendants(units, unitId);
  const results = computeIndicators({ facts, unitIds, period: monthPeriod(year, month) }, targets);
  return { results, enterprises: records<Enterprise>(changes, 'enterprise'), unitIds };
}

async function headlineFigures(page: Page): Promise<Record<string, string>> {
  const rows = page.getByTestId('headline').locator('a.figure-row');
  await rows.first().waitFor({ timeout: 30_000 });
  const pairs = await rows.evaluateAll((links) =>
    links.map((link) => [
      link.getAttribute('data-indicator') ?? '',
      link.querySelector('.figure-value')?.textContent ?? '',
    ]),
  );
  return Object.fromEntries(pairs);
}

describe('Tiến độ on an organizer’s phone, offline', () => {
  let page: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ page, context } = await phone('lan.nt'));
    const { signups, file } = await organizerDay(founded);
    await importBackup(page, server.url, file);
    await syncNow(page);
    await waitUntil(
      async () =>
        records<Signup>(await pullAll(server.url, supervisorToken), 'signup').length === 6,
      'the six applications on the server',
    );
    await decide(signups, founded);
    await syncNow(page);
    await context.setOffline(true);
  }, 240_000);

  it('shows the unit’s figures as the shared functions compute them, this month', async () => {
    const expected = await expectedFigures(kcn.id);
    await page.goto(`${server.url}/progress`);
    const shown = await headlineFigures(page);
    for (const result of expected.results) expect(shown[result.indicator]).toBe(result.display);
    // By hand: nobody was admitted before this test, five were today, against 600 for the unit.
    expect(shown['new_members']).toBe(formatProgress(5, 600));
    await checkA11y(page, 'progress (organizer)');
  });

  it('shows the organizer’s own month: visits, workers reached, applications, admissions', async () => {
    const mine = page.getByTestId('my-activity');
    await mine.waitFor();
    const figure = (name: string) =>
      mine.locator(`[data-figure="${name}"] .activity-value`).innerText();
    expect(await figure('visits')).toBe('3');
    expect(await figure('workersReached')).toBe('30');
    expect(await figure('applications')).toBe('6');
    expect(await figure('admissions')).toBe('5');
  });

  it('opens the admissions behind a figure, with their decision', async () => {
    await page.locator('[data-indicator="new_members"]').first().click();
    await page.getByRole('heading', { level: 1, name: 'Kết nạp đoàn viên mới' }).waitFor();
    const items = page.getByTestId('records').locator('li');
    await expect.poll(() => items.count()).toBe(5);
    expect(await items.first().innerText()).toContain('15/QĐ-LĐLĐ');
    expect(await page.getByTestId('records-total').innerText()).toBe('5 bản ghi, cộng lại: 5');
    await checkA11y(page, 'records');
    await page.getByRole('link', { name: 'Quay lại Tiến độ' }).click();
    await page.getByTestId('headline').waitFor();
  });

  it('says the server reports need the network', async () => {
    await page.getByTestId('report-links').waitFor();
    expect(await page.getByTestId('downloads-offline').isVisible()).toBe(true);
  });

  afterAll(async () => {
    await context?.close();
  });
});

describe('Tiến độ and Rà soát on a supervisor’s phone, offline', () => {
  let page: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ page, context } = await phone('giamsat'));
    await waitUntil(
      async () => (await page.getByTestId('enterprise-count').innerText()) === '200 doanh nghiệp',
      'the first pull',
    );
    await syncNow(page);
    await waitUntil(() => hasDirectory(page), 'the names of the people in scope');
    await context.setOffline(true);
  }, 240_000);

  it('shows the federation’s figures, the targets met and the sub-units from the furthest behind', async () => {
    const expected = await expectedFigures(federation.id);
    await page.goto(`${server.url}/progress`);
    const shown = await headlineFigures(page);
    for (const result of expected.results) expect(shown[result.indicator]).toBe(result.display);
    expect(shown['new_members']).toBe(formatProgress(5, 1000));
    const met = expected.results.filter((r) => (r.target ?? 0) > 0 && r.actual >= (r.target ?? 0));
    const withTarget = expected.results.filter((r) => (r.target ?? 0) > 0);
    expect(await page.getByTestId('headline').getByTestId('targets-met').innerText()).toBe(
      `Đạt ${met.length}/${withTarget.length} chỉ tiêu`,
    );
    const subUnits = page.getByTestId('sub-unit');
    await subUnits.first().waitFor({ timeout: 30_000 });
    const order = await subUnits.evaluateAll((items) =>
      items.map((item) => [item.getAttribute('data-unit'), item.getAttribute('data-status')]),
    );
    // The unit with no admission is further behind the year's pace than the one with five.
    expect(order.map(([unit]) => unit)).toHaveLength(2);
    expect(order[1]).toEqual([kcn.id, isBehindPace(5, 600, today) ? 'behind' : 'onPace']);
    expect(order[0]?.[1]).toBe('behind');
    await checkA11y(page, 'progress (supervisor)');
  });

  it('shows each organizer’s visits and the admissions, all traced', async () => {
    const organizers = page.getByTestId('organizers');
    await organizers.waitFor({ timeout: 30_000 });
    const values = await organizers.locator('.organizer').evaluateAll((rows) =>
      rows.map((row) => ({
        visits: Number(row.querySelector('[data-figure="visits"] .activity-value')?.textContent),
        admissions: Number(
          row.querySelector('[data-figure="admissions"] .activity-value')?.textContent,
        ),
      })),
    );
    expect(values.reduce((sum, row) => sum + row.visits, 0)).toBe(3);
    expect(values.reduce((sum, row) => sum + row.admissions, 0)).toBe(5);
    // Named as the server names them, offline: the organizer who made the visits and collected
    // the applications (the demo's lan.nt), not an id.
    const lan = organizers.locator('.organizer').filter({ hasText: 'Nguyễn Thị Lan' });
    expect(await lan.count()).toBe(1);
    expect(await lan.locator('[data-figure="admissions"] .activity-value').innerText()).toBe('5');
    await lan.locator('[data-figure="admissions"]').click();
    await expect
      .poll(() => page.getByTestId('records-scope').innerText())
      .toContain('Nguyễn Thị Lan');
    await page.getByRole('link', { name: 'Quay lại Tiến độ' }).click();
    await page.getByTestId('year-chart-svg').waitFor({ timeout: 30_000 });
    await page.getByTestId('funnel-svg').waitFor({ timeout: 30_000 });
  });

  it('draws the year chart and the funnel with the same figures as their tables', async () => {
    const dots = await page
      .getByTestId('year-chart-svg')
      .locator('circle')
      .evaluateAll((circles) =>
        circles.map((c) => [
          Number(c.getAttribute('data-month')),
          Number(c.getAttribute('data-value')),
        ]),
      );
    const rows = await page
      .getByTestId('year-chart-table')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          Number(tr.getAttribute('data-month')),
          tr.querySelector('td')?.getAttribute('data-value'),
        ]),
      );
    expect(dots).toHaveLength(month);
    expect(rows.filter(([, value]) => value !== null).map(([m, v]) => [m, Number(v)])).toEqual(
      dots,
    );
    // This year's new members up to now: the five admitted today.
    expect(dots.at(-1)).toEqual([month, 5]);
    const bars = await page
      .getByTestId('funnel-svg')
      .locator('g[data-stage]')
      .evaluateAll((gs) =>
        gs.map((g) => [g.getAttribute('data-stage'), Number(g.getAttribute('data-value'))]),
      );
    const cells = await page
      .getByTestId('funnel-table')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-stage'),
          Number(tr.querySelector('td')?.getAttribute('data-value')),
        ]),
      );
    expect(cells).toEqual(bars);
    expect(bars.reduce((sum, [, n]) => sum + Number(n), 0)).toBe(200);
  });

  it('lists the enterprises to review and exports the filtered list as CSV', async () => {
    const { enterprises, unitIds } = await expectedFigures(federation.id);
    const expected = reviewList(
      enterprises.filter((e) => unitIds.has(e.unitId)),
      { minWorkers: REVIEW_MIN_WORKERS },
    );
    await page.getByRole('link', { name: 'Rà soát' }).click();
    await page.getByTestId('review-count').waitFor();
    await page.getByLabel(`Từ ${REVIEW_MIN_WORKERS} lao động trở lên`).check();
    await expect
      .poll(() => page.getByTestId('review-count').innerText())
      .toBe(`${expected.length} doanh nghiệp`);
    const first = page.getByTestId('review-item').first();
    expect(await first.getAttribute('data-id')).toBe(expected[0]?.id);
    await checkA11y(page, 'review');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('review-csv').click(),
    ]);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('STT,Doanh nghiệp,')).toBe(true);
    expect(lines).toHaveLength(expected.length + 1);
    expect(lines[1]?.startsWith(`1,`)).toBe(true);
    expect(lines[1]).toContain(String(expected[0]?.workerCount));
    expect(download.suggestedFilename()).toBe(`ra-soat-${today}.csv`);
  });

  afterAll(async () => {
    await context?.close();
  });
});

describe('Closing a month (chốt số liệu) on a supervisor’s phone', () => {
  // March of this year, or of the last one while March has not begun.
  const closed = month > 3 ? { year, month: 3 } : { year: year - 1, month: 3 };
  const march = `3/${closed.year}`;
  let page: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ page, context } = await phone('giamsat'));
  }, 240_000);

  it('says closing needs the network when offline', async () => {
    await context.setOffline(true);
    await page.goto(`${server.url}/progress?p=m-${closed.year}-03`);
    await page.getByTestId('closing-offline').waitFor({ timeout: 60_000 });
    await context.setOffline(false);
  });

  it('closes March once the supervisor says the report was sent', async () => {
    await page.goto(`${server.url}/progress?p=m-${closed.year}-03`);
    const closing = page.getByTestId('closing');
    await closing.getByTestId('close-form').waitFor({ timeout: 60_000 });
    const submit = closing.getByRole('button', { name: `Chốt số liệu tháng ${march}` });
    await submit.click();
    const sent = page.getByLabel(`Báo cáo tháng ${march} đã được gửi lên cấp trên`);
    await expect.poll(() => sent.getAttribute('aria-invalid')).toBe('true');
    await sent.check();
    await submit.click();
    await expect
      .poll(() => page.getByTestId('closing-status').innerText())
      .toBe(`Đã chốt số liệu tháng ${march}.`);
    await page.getByTestId('month-closed').waitFor();
    const months = await page
      .getByTestId('closed-months')
      .locator('li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-month')));
    expect(months).toEqual(['3']);
    // Reopening is an admin's.
    expect(await page.getByRole('button', { name: /Mở lại/ }).count()).toBe(0);
    await checkA11y(page, 'closing');
  });

  it('shows a late admission of March as a correction line in the next report', async () => {
    const [late] = generateSignups([founded], 1, 3131).map((s) => ({
      ...s,
      signedAt: `${closed.year}-03-05`,
    }));
    if (!late) throw new Error('no application generated');
    await push(supervisorToken, [
      { mutationId: randomUUID(), entity: 'signup', entityId: late.id, op: 'put', data: late },
    ]);
    await push(supervisorToken, [
      {
        mutationId: randomUUID(),
        entity: 'signup',
        entityId: late.id,
        op: 'put',
        baseVersion: 1,
        data: {
          ...late,
          status: 'accepted',
          decision: { number: '31/QĐ-LĐLĐ', date: `${closed.year}-03-31`, issuedBy: federation.id },
        },
      },
    ]);
    await page.goto(`${server.url}/progress`);
    await page.getByTestId('report-links').getByRole('link', { name: 'Xem bản in' }).click();
    const report = page.getByTestId('print-report');
    await report.waitFor({ timeout: 60_000 });
    const label =
      closed.year === year ? 'điều chỉnh số liệu tháng 3' : `điều chỉnh số liệu tháng ${march}`;
    const lines = report.locator('tr[data-kind="correction"]');
    await expect.poll(() => lines.count()).toBeGreaterThan(0);
    const whole = await report
      .locator('section.report-unit')
      .first()
      .locator('tr[data-kind="correction"]')
      .allInnerTexts();
    // The whole unit's new members and net members of March each grew by one.
    expect(whole).toHaveLength(2);
    for (const line of whole) {
      expect(line).toContain(label);
      expect(line).toContain('+1');
    }
    await checkA11y(page, 'report with corrections');
  });

  it('offers the reopening to an admin, who reopens March', async () => {
    const admin = await browser.newContext({ viewport: VIEWPORT });
    try {
      const adminPage = await admin.newPage();
      await adminPage.goto(server.url);
      await waitForController(adminPage);
      await signIn(adminPage, ADMIN_ENV.ADMIN_USERNAME, ADMIN_ENV.ADMIN_PASSWORD);
      await adminPage.goto(`${server.url}/progress?p=m-${closed.year}-03`);
      const reopen = adminPage.getByRole('button', { name: `Mở lại tháng ${march}` });
      await reopen.waitFor({ timeout: 60_000 });
      await reopen.click();
      await expect
        .poll(() => adminPage.getByTestId('closing-status').innerText())
        .toContain(`Đã mở lại tháng ${march}`);
      await adminPage.getByTestId('close-form').waitFor();
    } finally {
      await admin.close();
    }
  });

  afterAll(async () => {
    await context?.close();
  });
});

describe('the progress screens', () => {
  it('have no serious accessibility violation and no touch target under 44 px', () => {
    expect(a11y).not.toEqual({});
    for (const violations of Object.values(a11y)) expect(violations).toEqual([]);
    for (const small of Object.values(touch)) expect(small).toEqual([]);
  });
});
