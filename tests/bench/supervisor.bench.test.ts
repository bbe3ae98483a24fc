import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { toEnterpriseRow } from '../../src/db/rows';
import type { Enterprise, Signup } from '../../src/shared/schemas';
import { PUSH_BATCH } from '../../src/sync';
import { generateEnterprises, generateSignups, prng, randomUuid } from '../fixtures/generate';
import { ADMIN_ENV, loginApi, unlockWithPin } from '../helpers/accounts';
import { launchChromium } from '../helpers/chromium';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';
import type { BenchWindow } from './painted';
import { percentile, report } from './report';
import { MEASURE_TIMEOUT_MS, recordAll, repeat, scaled } from './results';
import {
  BENCH_PASSWORD,
  benchPost,
  benchUnit,
  keepUnlocked,
  supervisorPhone,
} from './supervisor-phone';

/**
 * Issue 12's figures: the supervisor's admissions. On a supervisor's phone (CPU ×4, 360 px,
 * offline) holding 2,000 waiting applications of 10 enterprises beside 2,000 members: the tap on
 * "Duyệt đơn" → the queue's rows painted (`openQueueMs`, budget 300 ms), and 200 applications
 * admitted with one decision, from the tap on "Kết nạp" to the outcome shown (`accept200Ms`,
 * budget 2 s; one transaction). Then their push to the server on PGlite: 200 decided
 * applications in the device's batches over real HTTP (`push200PgliteMs`, budget 5 s).
 */
const WAITING = 2_000;
const MEMBERS = 2_000;
const PER_ENTERPRISE = 200;

let browser: Browser;
let server: ServerProcess;
let page: Page;
let unitId = '';
let units: object[] = [];
let supervisorToken = '';
let organizerToken = '';
const enterprises: Enterprise[] = [];

const post = (path: string, token: string, body: object) =>
  benchPost(server.url, path, token, body);

/** Applications with distinct ID numbers (a duplicate would be refused, not timed). */
function applications(of: readonly Enterprise[], count: number, seed: number, first: number) {
  return generateSignups(of, count, seed).map((signup, i) => ({
    ...signup,
    idNumber: `${signup.idNumber.slice(0, 6)}${String(first + i).padStart(6, '0')}`,
  }));
}

async function accounts(): Promise<void> {
  ({ unitId, units } = await benchUnit(server.url, [
    { username: 'bench.supervisor', role: 'supervisor' },
    { username: 'bench.organizer', role: 'organizer' },
  ]));
  supervisorToken = await loginApi(server.url, 'bench.supervisor', BENCH_PASSWORD);
  organizerToken = await loginApi(server.url, 'bench.organizer', BENCH_PASSWORD);
}

/** The supervisor's phone: 10 enterprises of 200 waiting applications each, and 2,000 members. */
async function openPhone(): Promise<void> {
  const waiting = scaled(WAITING, PER_ENTERPRISE);
  enterprises.push(...generateEnterprises(Math.ceil(waiting / PER_ENTERPRISE), unitId, 1200));
  const signups: Signup[] = enterprises.flatMap((enterprise, e) =>
    applications([enterprise], PER_ENTERPRISE, 1300 + e, e * PER_ENTERPRISE),
  );
  const year = new Date().getFullYear();
  const members = applications(enterprises, scaled(MEMBERS), 1400, 500_000).map((signup) => ({
    ...signup,
    status: 'accepted' as const,
    signedAt: `${year}-01-05`,
    decision: { number: '1/QĐ', date: `${year}-01-10`, issuedBy: unitId },
  }));
  // The unit tree, as the first pull leaves it: the decision's issuer is judged on it.
  const tables = {
    units,
    enterprises: enterprises.map((enterprise) => toEnterpriseRow(enterprise)),
    signups: [...signups, ...members],
  };
  ({ page } = await supervisorPhone(browser, server.url, 'bench.supervisor', tables, (phone) =>
    phone.locator('a.list-row').first().waitFor({ timeout: 180_000 }),
  ));
}

beforeAll(async () => {
  server = await startServerProcess({ env: ADMIN_ENV });
  browser = await launchChromium();
  await accounts();
  await openPhone();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

/** From the tap on the navigation's "Duyệt đơn" to the queue's rows painted. */
async function openQueue(): Promise<number> {
  await keepUnlocked(page);
  const ms = await page.evaluate(async () => {
    const link = document.querySelector(
      'nav.bottom-nav a[href="/admissions"]',
    ) as HTMLAnchorElement;
    const { untilPainted } = (window as unknown as BenchWindow).benchProbe;
    const start = performance.now();
    link.click();
    const painted = await untilPainted(
      () => document.querySelector('[data-testid="admission-queue"] li') !== null,
    );
    return painted - start;
  });
  await page.goBack();
  await page.locator('a.list-row').first().waitFor({ timeout: 60_000 });
  return ms;
}

/** One enterprise's 200 applications admitted with one decision, tap → outcome shown. */
async function accept200(run: number): Promise<number> {
  await page.goto(`${server.url}/admissions`);
  // A page load starts locked: the screen asks for the PIN in place.
  await unlockWithPin(page);
  const enterprise = enterprises[run % enterprises.length] as Enterprise;
  await page.getByLabel('Doanh nghiệp').selectOption(enterprise.id);
  await page.getByLabel(`Chọn tất cả ${PER_ENTERPRISE} đơn đang hiện`).check();
  await page.getByLabel('Số quyết định kết nạp').fill(`${run + 10}/QĐ-bench`);
  const ms = await page.evaluate(async () => {
    const button = document.querySelector(
      'form.decision-form button[type="submit"]',
    ) as HTMLElement;
    const { untilPainted } = (window as unknown as BenchWindow).benchProbe;
    const start = performance.now();
    button.click();
    const painted = await untilPainted(
      () => document.querySelector('[data-testid="admission-outcome"]') !== null,
    );
    return painted - start;
  });
  // What is timed is an admission of all 200, not a refusal.
  const outcome = await page.getByTestId('admission-outcome').textContent();
  if (outcome !== `Đã kết nạp ${PER_ENTERPRISE} đơn.`) throw new Error(`outcome: ${outcome}`);
  return ms;
}

/**
 * 200 applications sent by an organizer (not timed), then decided by the supervisor and pushed
 * in the device's batches, as the drain sends them (timed): PGlite judges every decision.
 */
async function push200(run: number): Promise<number> {
  const random = prng(1500 + run);
  const [enterprise] = generateEnterprises(1, unitId, 1600 + run);
  const site = { ...(enterprise as Enterprise), id: randomUuid(random) };
  const submitted = applications([site], PER_ENTERPRISE, 1700 + run, 700_000 + run * 1000);
  const create = (entity: string, data: { id: string }) => ({
    mutationId: randomUUID(),
    entity,
    entityId: data.id,
    op: 'put',
    data,
  });
  const send = (token: string, mutations: object[]) =>
    post('/api/sync/push', token, { clientId: randomUUID(), mutations });
  await send(organizerToken, [create('enterprise', site)]);
  for (let i = 0; i < submitted.length; i += PUSH_BATCH) {
    await send(
      organizerToken,
      submitted.slice(i, i + PUSH_BATCH).map((s) => create('signup', s)),
    );
  }
  const today = new Date().toISOString().slice(0, 10);
  const decided = submitted.map((signup) => ({
    mutationId: randomUUID(),
    entity: 'signup',
    entityId: signup.id,
    op: 'put',
    baseVersion: 1,
    data: {
      ...signup,
      status: 'accepted',
      decision: { number: `${run}/QĐ-push`, date: today, issuedBy: unitId },
    },
  }));
  const start = performance.now();
  let applied = 0;
  for (let i = 0; i < decided.length; i += PUSH_BATCH) {
    const body = await send(supervisorToken, decided.slice(i, i + PUSH_BATCH));
    const results = body['results'] as { status: string }[];
    applied += results.filter((r) => r.status === 'applied').length;
  }
  const ms = performance.now() - start;
  if (applied !== decided.length) throw new Error(`${applied} of ${decided.length} applied`);
  return ms;
}

describe('the supervisor’s admissions, 4× CPU slowdown', () => {
  it(
    'measures',
    async () => {
      const opens = await repeat(() => openQueue());
      let acceptRun = 0;
      const accepts = await repeat(() => accept200(acceptRun++));
      const pushes = await repeat((run) => push200(run + 100));
      recordAll('admissions', {
        openQueueMs: opens,
        accept200Ms: accepts,
        push200PgliteMs: pushes,
      });
      const spread = (values: number[]) =>
        `${percentile(values, 50).toFixed(0)} / ${percentile(values, 95).toFixed(0)}`;
      report(
        `Duyệt đơn (Chromium, 360 px, CPU ×4, ${scaled(WAITING, PER_ENTERPRISE)} waiting + ${scaled(MEMBERS)} members; push on PGlite)`,
        [
          ['tap → queue painted p50 / p95 (ms)', spread(opens)],
          ['200 admitted, tap → outcome p50 / p95 (ms)', spread(accepts)],
          [`their push, in requests of ${PUSH_BATCH}, p50 / p95 (ms)`, spread(pushes)],
        ],
      );
    },
    MEASURE_TIMEOUT_MS,
  );
});
