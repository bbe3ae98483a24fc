import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIndexRow } from '../../src/db/repositories/enterprise-reads';
import { toEnterpriseRow } from '../../src/db/rows';
import { compareEnterprises } from '../../src/db/search';
import { generateEnterprises } from '../fixtures/generate';
import { ADMIN_ENV, createOrganizer, signIn } from '../helpers/accounts';
import { fillAppDatabase } from '../helpers/app-db';
import { launchChromium } from '../helpers/chromium';
import { waitForController } from '../helpers/pwa';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

const COUNT = 2000;
const ROW_HEIGHT = 82;
const VIEWPORT = { width: 360, height: 740 };

let browser: Browser;
let server: ServerProcess;
let context: BrowserContext;
let page: Page;
/** Names in the list's default order (no union first, then most workers, then name). */
let expectedNames: string[];

beforeAll(async () => {
  server = await startServerProcess({ env: ADMIN_ENV });
  const organizer = await createOrganizer(server.url, 'List');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: VIEWPORT });
  page = await context.newPage();
  await page.goto(server.url);
  await waitForController(page);
  await signIn(page, organizer.username, organizer.password);
  await context.setOffline(true);
  const rows = generateEnterprises(COUNT, organizer.unitId).map((e) => toEnterpriseRow(e));
  expectedNames = rows
    .map(toIndexRow)
    .sort(compareEnterprises)
    .map((row) => row.name);
  await fillAppDatabase(page, { enterprises: rows });
  await page.reload();
  await page.getByTestId('enterprise-count').getByText('2.000 doanh nghiệp').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

/** A name as the search compares it: no accents, lower case. */
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

type RenderedRow = { position: number; name: string; top: number };

/** The rows in the DOM: their place in the list, their name and where they are on screen. */
function renderedRows(): Promise<RenderedRow[]> {
  return page.$$eval('li.virtual-row', (items) =>
    items.map((item) => ({
      position: Number(item.getAttribute('aria-posinset')),
      name: item.querySelector('.row-title')?.textContent ?? '',
      top: item.getBoundingClientRect().top,
    })),
  );
}

/** Scrolls until the list's row `position` (1-based) would be at the top of the screen. */
async function scrollToRow(position: number): Promise<void> {
  await page.evaluate(
    ([at, height]) => {
      const list = document.querySelector('ul.virtual-list') as HTMLElement;
      const listTop = list.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, listTop + (at - 1) * height);
    },
    [position, ROW_HEIGHT] as const,
  );
}

describe('a list of 2,000 enterprises', () => {
  it.each([1, 1000, COUNT - 5])(
    'renders only the rows around the screen, in place, scrolled to row %i',
    async (position) => {
      await scrollToRow(position);
      await expect
        .poll(async () => (await renderedRows()).some((row) => row.position === position))
        .toBe(true);

      const rows = await renderedRows();
      // A screen of 740 px holds 10 rows; a few more above and below keep fast scrolls filled.
      expect(rows.length).toBeLessThanOrEqual(25);
      for (const row of rows) expect(row.name).toBe(expectedNames[row.position - 1]);
      const target = rows.find((row) => row.position === position);
      // On screen (the last rows cannot scroll up to the top: the page ends below them).
      expect(target?.top).toBeGreaterThan(-2);
      expect(target?.top).toBeLessThan(VIEWPORT.height);
      expect(await page.$eval('ul.virtual-list', (list) => list.scrollHeight)).toBe(
        COUNT * ROW_HEIGHT,
      );
    },
  );
});

describe('a keystroke of the search', () => {
  it('draws the rows on screen in its frame, in the elements they had; the overscan keeps its rows until after it', async () => {
    await scrollToRow(1);
    await page.locator('li.virtual-row[aria-posinset="1"]').waitFor();
    // A word of a name that the first row's name lacks: the rows on screen change.
    const firstWords = new Set(expectedNames[0]?.split(' '));
    const query = expectedNames
      .flatMap((name) => name.split(' '))
      .find((word) => word.length > 2 && !firstWords.has(word) && !/\d/.test(word));
    // Once the whole index is read (before it, the list shows its first screen only).
    const search = page.locator('#enterprise-search');
    await search.fill(query ?? '');
    await expect.poll(() => page.locator('li.virtual-row').count()).toBeGreaterThan(0);
    await search.fill('');
    await expect.poll(async () => (await renderedRows())[0]?.name).toBe(expectedNames[0]);
    // And its overscan, which follows the frame that showed those rows.
    const belowScreen = () =>
      page.$$eval(
        'li.virtual-row',
        (rows) => rows.filter((row) => row.getBoundingClientRect().top >= innerHeight).length,
      );
    await expect.poll(belowScreen).toBeGreaterThan(0);
    const seen = await page.evaluate(async (typed) => {
      const rows = () => [...document.querySelectorAll('li.virtual-row')];
      const names = () => rows().map((row) => row.querySelector('.row-title')?.textContent);
      const before = rows();
      const onScreen = before.filter((row) => row.getBoundingClientRect().top < innerHeight);
      const namesBefore = names();
      const search = document.querySelector('#enterprise-search') as HTMLInputElement;
      search.value = typed;
      search.dispatchEvent(new Event('input', { bubbles: true }));
      // The keystroke's frame: what it lays out and paints.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const inFrame = rows();
      const namesInFrame = names();
      const offscreen = inFrame.map((_, i) => i).filter((i) => i >= onScreen.length);
      return {
        drawnBefore: before.length,
        onScreen: onScreen.length,
        sameElements: inFrame.every((row, i) => row === before[i]),
        onScreenChanged: namesInFrame
          .slice(0, onScreen.length)
          .some((n, i) => n !== namesBefore[i]),
        offscreen: offscreen.length,
        offscreenKept: offscreen.every((i) => namesInFrame[i] === namesBefore[i]),
      };
    }, query ?? '');
    expect(seen.drawnBefore).toBeGreaterThan(seen.onScreen);
    expect(seen).toEqual({
      ...seen,
      sameElements: true,
      onScreenChanged: true,
      offscreenKept: true,
    });
    expect(seen.offscreen).toBeGreaterThan(0);
    // Once that frame is painted, every row drawn is one the search found.
    await expect
      .poll(async () =>
        (await renderedRows()).every((row) => plain(row.name).includes(plain(query ?? ''))),
      )
      .toBe(true);
    await search.fill('');
  });
});

describe('a keystroke that keeps the first rows', () => {
  it('leaves the rows that still show the same enterprise untouched, and the list as tall until every match is found', async () => {
    await scrollToRow(1);
    const first = expectedNames[0] ?? '';
    // A word of the first row's name (the first row matches it, so it stays where it is) that
    // more names have than a first screen shows, but not every name.
    const matching = (w: string) => expectedNames.filter((n) => plain(n).includes(plain(w))).length;
    const word = first.split(' ').find((w) => matching(w) > 40 && matching(w) < COUNT) ?? first;
    const search = page.locator('#enterprise-search');
    // Once the whole index is read (before it, the list shows its first screen only).
    await search.fill(word);
    await expect
      .poll(() => page.getByTestId('enterprise-count').innerText())
      .toBe(`${new Intl.NumberFormat('vi-VN').format(matching(word))} doanh nghiệp`);
    await search.fill('');
    await expect.poll(async () => (await renderedRows())[0]?.name).toBe(first);
    const seen = await page.evaluate(async (typed) => {
      const list = document.querySelector('ul.virtual-list') as HTMLElement;
      const before = [...list.querySelectorAll('li.virtual-row')];
      const nameOf = (row: Element) => row.querySelector('.row-title')?.textContent;
      const namesBefore = before.map(nameOf);
      const heightBefore = list.style.height;
      const touched = new Set<Node>();
      const note = (records: MutationRecord[]) => {
        for (const record of records) {
          let node: Node | null = record.target;
          while (node !== null && !(node instanceof HTMLLIElement)) node = node.parentNode;
          if (node !== null) touched.add(node);
        }
      };
      const observer = new MutationObserver(note);
      observer.observe(list, {
        subtree: true,
        attributes: true,
        childList: true,
        characterData: true,
      });
      const field = document.querySelector('#enterprise-search') as HTMLInputElement;
      field.value = typed;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      // The keystroke's frame.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      note(observer.takeRecords());
      observer.disconnect();
      const kept = [...list.querySelectorAll('li.virtual-row')].filter(
        (row, i) => row === before[i] && nameOf(row) === namesBefore[i],
      );
      return {
        heightBefore,
        heightInFrame: list.style.height,
        busy: list.getAttribute('aria-busy'),
        kept: kept.length,
        keptTouched: kept.filter((row) => touched.has(row)).length,
      };
    }, word);
    expect(seen.kept).toBeGreaterThan(0);
    expect(seen).toEqual({
      ...seen,
      heightBefore: `${COUNT * ROW_HEIGHT}px`,
      heightInFrame: `${COUNT * ROW_HEIGHT}px`,
      busy: 'true',
      keptTouched: 0,
    });
    // Once every match is found, the list is as tall as they are.
    await expect
      .poll(async () => {
        const count = Number(
          (await page.getByTestId('enterprise-count').innerText()).replace(/\D/g, ''),
        );
        const height = await page.$eval('ul.virtual-list', (list) => list.style.height);
        return height === `${count * ROW_HEIGHT}px` && count < COUNT;
      })
      .toBe(true);
    await search.fill('');
  });
});

describe('an enterprise page opened from the list', () => {
  it('shows the tapped enterprise, then a visit saved in another tab without a reload', async () => {
    await scrollToRow(1);
    // The first row, once the list has followed the scroll back to the top.
    const row = page.locator('li.virtual-row[aria-posinset="1"] a.list-row');
    await row.waitFor();
    const name = await row.locator('.row-title').innerText();
    await row.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(name);
    expect(await page.getByTestId('applications-count').innerText()).toContain('0 đơn');
    expect(await page.getByTestId('visit-list').locator('li').count()).toBe(0);

    const other = await context.newPage();
    await other.goto(`${page.url()}/visit`);
    await other.getByLabel('Khảo sát, nắm tình hình').check();
    await other.getByLabel('Kết quả').fill('Gặp công đoàn ngành, hẹn tuần sau.');
    await other.getByRole('button', { name: 'Lưu' }).click();
    await other.getByTestId('enterprise-stage').waitFor();
    await other.close();

    await expect.poll(() => page.getByTestId('visit-list').innerText()).toContain('hẹn tuần sau');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(name);
  });
});

describe('the visit form', () => {
  it('takes the position only when asked, shows its accuracy and saves it with the visit', async () => {
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 10.0341, longitude: 105.7876, accuracy: 12.4 });
    await page.addInitScript(() => {
      const geolocation = navigator.geolocation;
      const ask = geolocation.getCurrentPosition.bind(geolocation);
      const calls = { count: 0 };
      Object.assign(window, { geolocationCalls: calls });
      geolocation.getCurrentPosition = (...args) => {
        calls.count += 1;
        ask(...args);
      };
    });
    const asked = () =>
      page.evaluate(
        () => (window as unknown as { geolocationCalls: { count: number } }).geolocationCalls.count,
      );
    await page.goto(`${server.url}/enterprises`);
    await page.locator('a.list-row').nth(1).click();
    await page.getByRole('link', { name: 'Ghi nhật ký tiếp xúc' }).click();
    await page.getByLabel('Kết quả').waitFor();
    expect(await asked()).toBe(0);
    expect(await page.getByTestId('visit-location').innerText()).toBe('');

    await page.getByRole('button', { name: 'Ghi vị trí hiện tại' }).click();
    await expect
      .poll(() => page.getByTestId('visit-location').innerText())
      .toBe('Đã ghi vị trí (sai số khoảng 12 m).');
    expect(await asked()).toBe(1);
    await page.getByLabel('Khảo sát, nắm tình hình').check();
    await page.getByLabel('Kết quả').fill('Đo vị trí cổng nhà máy.');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('enterprise-stage').waitFor();

    const saved = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('sotay');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('visits').objectStore('visits').getAll();
            request.onsuccess = () => {
              open.result.close();
              const visits = request.result as { outcome: string; location?: unknown }[];
              resolve(
                visits.find((visit) => visit.outcome === 'Đo vị trí cổng nhà máy.')?.location,
              );
            };
          };
        }),
    );
    expect(saved).toEqual({ lat: 10.0341, lng: 105.7876, accuracy: 12 });
  });
});
