import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEnterpriseRow } from '../../src/db/rows';
import type { Enterprise } from '../../src/shared/schemas';
import { generateEnterprises } from '../fixtures/generate';
import { ADMIN_ENV, createOrganizer, type Organizer, signIn } from '../helpers/accounts';
import { fillAppDatabase } from '../helpers/app-db';
import { seriousA11yViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { waitForController } from '../helpers/pwa';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

/* What a field test found in the shell and the English UI (points 14–16), at 360 px. */

let browser: Browser;
let server: ServerProcess;
let organizer: Organizer;
let context: BrowserContext;
let page: Page;
let enterprises: Enterprise[];

/** Each tab label's font size and whether it fits one line of its tab. */
function navLabels(): Promise<{ text: string; size: number; fits: boolean; lines: number }[]> {
  return page.$$eval('nav.bottom-nav a', (links) =>
    links.map((link) => {
      const label = link.querySelector('.nav-label') as HTMLElement;
      const style = getComputedStyle(label);
      return {
        text: label.textContent ?? '',
        size: Number.parseFloat(style.fontSize),
        fits:
          label.scrollWidth <= link.clientWidth &&
          label.getBoundingClientRect().width <= link.clientWidth,
        lines: label.getClientRects().length,
      };
    }),
  );
}

beforeAll(async () => {
  server = await startServerProcess({ env: ADMIN_ENV });
  organizer = await createOrganizer(server.url, 'Field Shell');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

describe('the shell at 360 px (points 14, 15)', () => {
  it('has no bottom navigation on the login page', async () => {
    await page.goto(server.url);
    await waitForController(page);
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    expect(await page.locator('nav.bottom-nav').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await signIn(page, organizer.username, organizer.password);
    expect(await page.locator('nav.bottom-nav').count()).toBe(1);
    await context.setOffline(true);
    enterprises = generateEnterprises(2, organizer.unitId, 61).map((e, i) =>
      i === 0 ? { ...e, workerCount: 1200, nextFollowUp: '2026-03-15' } : { ...e, workerCount: 1 },
    );
    await fillAppDatabase(page, { enterprises: enterprises.map((e) => toEnterpriseRow(e)) });
    await page.reload();
    // The tabs come once the session is read (its token decrypted): the next tests measure them.
    await page.locator('nav.bottom-nav').waitFor();
  });

  it('labels its tabs in 12 px or more, each on one line, in Vietnamese', async () => {
    const labels = await navLabels();
    expect(labels.map((l) => l.text)).toEqual([
      'Doanh nghiệp',
      'Lịch hẹn',
      'Đơn',
      'Đồng bộ',
      'Tiến độ',
    ]);
    for (const label of labels) {
      expect(label.size, label.text).toBeGreaterThanOrEqual(12);
      expect(label.fits, label.text).toBe(true);
      expect(label.lines, label.text).toBe(1);
    }
    // The full name is what a screen reader says.
    expect(await page.getByRole('link', { name: 'Đơn gia nhập' }).count()).toBe(1);
  });

  it('and in English', async () => {
    await page.goto(`${server.url}/settings`);
    await page.getByLabel('English').check();
    await expect.poll(async () => (await navLabels())[0]?.text).toBe('Enterprises');
    for (const label of await navLabels()) {
      expect(label.size, label.text).toBeGreaterThanOrEqual(12);
      expect(label.fits, label.text).toBe(true);
      expect(label.lines, label.text).toBe(1);
    }
  });
});

describe('English (point 16)', () => {
  it('offers the backup file as a styled button with a translated label', async () => {
    const picker = page.locator('label[for="backup-file"]');
    expect(await picker.innerText()).toBe('Import backup file');
    expect(await picker.getAttribute('class')).toContain('button');
    const box = await picker.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect(await page.locator('#backup-file').evaluate((el) => getComputedStyle(el).opacity)).toBe(
      '0',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('writes plurals and numbers the English way', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Enterprises' }).click();
    const count = page.getByTestId('enterprise-count');
    await expect.poll(() => count.innerText()).toBe('2 enterprises');
    const rows = await page.locator('.virtual-row .row-meta').allInnerTexts();
    expect(rows.join('\n')).toContain('1,200 workers');
    expect(rows.join('\n')).toContain('1 worker ·');
    await page.getByLabel('Search enterprises').fill(enterprises[1]?.name ?? '');
    await expect.poll(() => count.innerText()).toBe('1 enterprise');
  });

  it('writes dates the English way', async () => {
    await page.goto(`${server.url}/enterprises/${enterprises[0]?.id}`);
    await page.getByTestId('applications-count').waitFor();
    expect(await page.getByTestId('applications-count').innerText()).toContain(
      '0 applications collected.',
    );
    expect(await page.locator('main').innerText()).toContain('15 Mar 2026');
    await page.goto(`${server.url}/settings`);
    await page.getByLabel('Tiếng Việt').check();
    await expect.poll(async () => (await navLabels())[0]?.text).toBe('Doanh nghiệp');
  });
});
