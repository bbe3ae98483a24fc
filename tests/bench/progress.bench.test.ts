import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { toEnterpriseRow } from '../../src/db/rows';
import { INDICATORS } from '../../src/shared/schemas';
import { generateEnterprises, generateSignups, prng, randomUuid } from '../fixtures/generate';
import { ADMIN_ENV } from '../helpers/accounts';
import { launchChromium } from '../helpers/chromium';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';
import type { BenchWindow } from './painted';
import { type Profile, selfTimes } from './profile';
import { percentile, report } from './report';
import { MEASURE_TIMEOUT_MS, RESULTS_DIR, recordAll, repeat, scaled, settings } from './results';
import { benchUnit, supervisorPhone } from './supervisor-phone';

/**
 * Issue 13's device figure: Tiến độ on a supervisor's phone holding 10,000 enterprises and 20,000
 * applications (half of them admitted this year) of 20 sub-units, CPU ×4, 360 px, offline. From
 * the tap on the Tiến độ tab to the first figures painted (the headline of the unit's subtree),
 * and to every section drawn; on the first open after a start (`firstFiguresMs`, the budget) and
 * on a second open in the same session (`warmFirstFiguresMs`, the kept data).
 */
const ENTERPRISES = 10_000;
const APPLICATIONS = 20_000;
const SUB_UNITS = 20;

let browser: Browser;
let server: ServerProcess;
let page: Page;
let cdp: CDPSession;

/** A supervisor of a unit with 20 sub-units; their phone's records, as a long year leaves them. */
async function openPhone(): Promise<void> {
  const { unitId, units } = await benchUnit(server.url, [
    { username: 'bench.supervisor', role: 'supervisor', displayName: 'Giám sát Bench' },
  ]);
  const random = prng(13);
  const year = new Date().getFullYear();
  const subUnits = Array.from({ length: SUB_UNITS }, (_, i) => ({
    id: randomUuid(random),
    name: `CĐ cơ sở ${i + 1}`,
    kind: 'commune',
    parentId: unitId,
  }));
  const enterprises = subUnits.flatMap((sub, i) =>
    generateEnterprises(scaled(ENTERPRISES / SUB_UNITS), sub.id, 100 + i),
  );
  const signups = generateSignups(enterprises, scaled(APPLICATIONS), 7).map((signup, i) =>
    i % 2 === 0
      ? signup
      : {
          ...signup,
          status: 'accepted' as const,
          signedAt: `${year}-01-05`,
          decision: {
            number: `${i}/QĐ`,
            date: `${year}-${String(1 + (i % 10)).padStart(2, '0')}-15`,
            issuedBy: unitId,
          },
        },
  );
  const targets = [unitId, ...subUnits.map((s) => s.id)].flatMap((id, u) =>
    INDICATORS.map((indicator) => ({
      id: randomUuid(random),
      unitId: id,
      year,
      indicator,
      value: u === 0 ? 20_000 : 500 + u * 20,
    })),
  );
  const tables = {
    units: [...units, ...subUnits],
    targets,
    enterprises: enterprises.map((enterprise) => toEnterpriseRow(enterprise)),
    signups,
  };
  const count = `${new Intl.NumberFormat('vi-VN').format(enterprises.length)} doanh nghiệp`;
  ({ page, cdp } = await supervisorPhone(browser, server.url, 'bench.supervisor', tables, (phone) =>
    phone.getByTestId('enterprise-count').getByText(count).waitFor({ timeout: 180_000 }),
  ));
}

beforeAll(async () => {
  server = await startServerProcess({ env: ADMIN_ENV });
  browser = await launchChromium();
  await openPhone();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

type Open = { first: number; all: number };

/** From the tap on the Tiến độ tab to the headline painted, and to every section drawn. */
async function openProgress(): Promise<Open> {
  const open = await page.evaluate(async () => {
    const link = document.querySelector('nav.bottom-nav a[href="/progress"]') as HTMLAnchorElement;
    const { untilPainted } = (window as unknown as BenchWindow).benchProbe;
    const start = performance.now();
    link.click();
    const first = await untilPainted(
      () => document.querySelector('[data-testid="headline"] .figure-row') !== null,
    );
    const all = await untilPainted(
      () => document.querySelector('[data-testid="report-links"]') !== null,
    );
    return { first: first - start, all: all - start };
  });
  await page.goBack();
  await page.locator('a.list-row').first().waitFor({ timeout: 60_000 });
  return open;
}

/**
 * BENCH_TRACE=1: one more first open after the runs, recorded with the CDP Profiler (open
 * results/progress-open.cpuprofile in DevTools' Performance panel) and a Chromium trace
 * (progress-open.trace.json); the functions that took the most time are printed.
 */
async function traced(): Promise<void> {
  if (!settings.trace) return;
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.reload();
  await page.locator('a.list-row').first().waitFor({ timeout: 120_000 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(page, { path: join(RESULTS_DIR, 'progress-open.trace.json') });
  await cdp.send('Profiler.start');
  const open = await openProgress();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await browser.stopTracing();
  await writeFile(join(RESULTS_DIR, 'progress-open.cpuprofile'), JSON.stringify(profile));
  console.log(
    `Tiến độ, a first open traced: first figures ${open.first.toFixed(0)} ms, every section ${open.all.toFixed(0)} ms\n${selfTimes(profile).join('\n')}`,
  );
}

describe('Tiến độ on a supervisor’s phone, 4× CPU slowdown', () => {
  it(
    'measures',
    async () => {
      const runs = await repeat(async () => {
        // A start of the app: the progress chunk and its data are not in memory yet.
        await page.reload();
        await page.locator('a.list-row').first().waitFor({ timeout: 120_000 });
        const cold = await openProgress();
        const warm = await openProgress();
        return { cold, warm };
      });
      recordAll('progress', {
        firstFiguresMs: runs.map((r) => r.cold.first),
        allFiguresMs: runs.map((r) => r.cold.all),
        warmFirstFiguresMs: runs.map((r) => r.warm.first),
      });
      const spread = (values: number[]) =>
        `${percentile(values, 50).toFixed(0)} / ${percentile(values, 95).toFixed(0)}`;
      report(
        `Tiến độ (Chromium, 360 px, CPU ×4, ${scaled(ENTERPRISES)} enterprises + ${scaled(APPLICATIONS)} applications, ${SUB_UNITS} sub-units)`,
        [
          ['tap → first figures, first open p50 / p95 (ms)', spread(runs.map((r) => r.cold.first))],
          ['tap → every section, first open p50 / p95 (ms)', spread(runs.map((r) => r.cold.all))],
          [
            'tap → first figures, second open p50 / p95 (ms)',
            spread(runs.map((r) => r.warm.first)),
          ],
        ],
      );
      await traced();
    },
    MEASURE_TIMEOUT_MS,
  );
});
