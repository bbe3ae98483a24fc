import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEnterpriseRow } from '../../src/db/rows';
import type { Enterprise } from '../../src/shared/schemas';
import { generateEnterprises, generateSignups } from '../fixtures/generate';
import {
  ADMIN_ENV,
  createOrganizer,
  type Organizer,
  openUnlocked,
  signIn,
} from '../helpers/accounts';
import { fillAppDatabase } from '../helpers/app-db';
import { seriousA11yViolations, smallTouchTargets } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { waitForController } from '../helpers/pwa';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

/*
 * What a field test found in the forms (issue "What a field test found", points 1–7 and 13), on
 * a 360 px phone with the network off, against the production build and the real server.
 */

let browser: Browser;
let server: ServerProcess;
let organizer: Organizer;
let context: BrowserContext;
let page: Page;
let enterprise: Enterprise;
const a11y: Record<string, unknown[]> = {};
const touch: Record<string, unknown[]> = {};

async function checkA11y(screen: string) {
  a11y[screen] = await seriousA11yViolations(page);
  touch[screen] = await smallTouchTargets(page);
}

/** A blank application for the test's enterprise (nothing stored until typed). */
async function openBlankSignup(): Promise<void> {
  // A page load starts locked: these tests read drafts back, so the PIN first.
  await openUnlocked(page, `${server.url}/signups/new?enterprise=${enterprise.id}`);
  await page.getByLabel('Họ và tên').waitFor();
}

/** The application the form at the page's URL edits. */
function formSignupId(): string {
  return new URL(page.url()).pathname.split('/').at(-1) ?? '';
}

/** Rows of an IndexedDB table of the app, read in the page. */
function tableRows(table: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('sotay');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as Record<string, unknown>[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** The messages shown under a control (its aria-describedby), as text. */
function describedText(selector: string): Promise<string> {
  return page.$eval(selector, (control) =>
    (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
}

beforeAll(async () => {
  server = await startServerProcess({ env: ADMIN_ENV });
  organizer = await createOrganizer(server.url, 'Field Forms');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await context.newPage();
  await page.goto(server.url);
  await waitForController(page);
  await signIn(page, organizer.username, organizer.password);
  await context.setOffline(true);
  // Pulled from the server before the visit, as a phone holds it: nobody assigned yet.
  [enterprise] = generateEnterprises(1, organizer.unitId, 41) as [Enterprise];
  await fillAppDatabase(page, { enterprises: [toEnterpriseRow(enterprise)] });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

describe('nationality and names (points 1, 2)', () => {
  it('chooses nationality from a list named in Vietnamese, Vietnam first and preselected', async () => {
    await openBlankSignup();
    const nationality = page.getByLabel('Quốc tịch');
    expect(await nationality.evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await nationality.inputValue()).toBe('VN');
    const options = await nationality.locator('option').allInnerTexts();
    expect(options[0]).toBe('Việt Nam');
    expect(options).toHaveLength(249);
    expect(options).toContain('Hàn Quốc');
    await nationality.selectOption('KR');
    expect(await nationality.inputValue()).toBe('KR');
    await checkA11y('signup-form');
  });

  it('capitalises the name when the field is left, and refuses the invalid CCCD of the field test', async () => {
    await openBlankSignup();
    await page.getByLabel('Họ và tên').fill('  nguyễn   văn an ');
    await page.getByLabel('Ngày sinh').fill('01/01/1993');
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Văn An');
    await page.getByLabel('Nam', { exact: true }).check();
    await page.getByLabel('Số CCCD/hộ chiếu').fill('092593001122');
    await page.getByLabel('Không xác định thời hạn').check();
    await page.getByLabel(/tự nguyện gia nhập/).check();
    const url = page.url();
    await page.getByRole('button', { name: 'Nộp đơn' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('signup-idNumber');
    expect(page.url()).toBe(url);
    expect(await describedText('#signup-idNumber')).toContain('Chữ số thứ tư của số CCCD (5)');
    const stored = await tableRows('signups');
    expect(stored.filter((row) => row['status'] !== 'draft')).toHaveLength(0);
    const draft = stored.find((row) => row['id'] === formSignupId());
    expect(draft?.['nationality']).toBe('VN');
    // The name is stored, encrypted: never in clear.
    expect(draft).toHaveProperty('personal');
    expect(JSON.stringify(stored)).not.toContain('Nguyễn Văn An');
  });

  it('is refused by the server too: a nationality that is no ISO code', async () => {
    const [signup] = generateSignups([enterprise], 1, 7);
    const push = async (nationality: string) => {
      const response = await fetch(`${server.url}/api/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${organizer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          clientId: '00000000-0000-4000-8000-000000000777',
          mutations: [
            {
              mutationId: crypto.randomUUID(),
              entity: 'signup',
              entityId: signup?.id,
              op: 'put',
              data: { ...signup, nationality },
            },
          ],
        }),
      });
      return ((await response.json()) as { results: { status: string }[] }).results[0]?.status;
    };
    // The enterprise must exist on the server for the application to be judged on its own.
    await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${organizer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: '00000000-0000-4000-8000-000000000777',
        mutations: [
          {
            mutationId: crypto.randomUUID(),
            entity: 'enterprise',
            entityId: enterprise.id,
            op: 'put',
            data: enterprise,
          },
        ],
      }),
    });
    expect(await push('XX')).toBe('rejected');
    expect(await push('VN')).toBe('applied');
  });
});

describe('a refused submit (points 3, 4, 5, 6)', () => {
  it('moves focus to the first field in error and marks every control in error', async () => {
    await openBlankSignup();
    await page.getByLabel('Ngày sinh').fill('31/02/1995');
    await page.getByLabel('Số điện thoại').fill('091234567');
    await page.getByRole('button', { name: 'Nộp đơn' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('signup-fullName');
    const scrolled = await page.$eval('#signup-fullName', (el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(scrolled).toBe(true);
    for (const id of ['signup-fullName', 'signup-dateOfBirth', 'signup-idNumber', 'signup-phone']) {
      const state = await page.$eval(`#${id}`, (el) => {
        const style = getComputedStyle(el);
        return {
          invalid: el.getAttribute('aria-invalid'),
          width: style.borderTopWidth,
          color: style.borderTopColor,
        };
      });
      expect(state, id).toEqual({ invalid: 'true', width: '2px', color: 'rgb(198, 40, 40)' });
      expect(await describedText(`#${id}`), id).not.toBe('');
    }
    for (const id of ['signup-gender-male', 'signup-contractType-fixed', 'signup-consent']) {
      expect(await page.getAttribute(`#${id}`, 'aria-invalid'), id).toBe('true');
      expect(await describedText(`#${id}`), id).not.toBe('');
    }
    expect(await page.getByRole('alert').first().innerText()).toContain('Hãy sửa các mục');
    await checkA11y('signup-form-errors');
  });

  it('says each problem once, in words that name it', async () => {
    expect(await describedText('#signup-dateOfBirth')).toBe('Tháng 2 năm 1995 không có ngày 31.');
    expect(await describedText('#signup-phone')).toBe(
      'Số điện thoại có 10 chữ số (di động) hoặc 11 chữ số (cố định), tính cả số 0 đầu; số vừa nhập có 9 chữ số.',
    );
    expect(await describedText('#signup-consent')).toBe(
      'Người lao động chưa xác nhận tự nguyện gia nhập Công đoàn.',
    );
    expect(await page.getByText('Xác nhận tự nguyện không được để trống.').count()).toBe(0);
  });

  it('puts the same required mark on every required field, the login password included', async () => {
    const marked = (selector: string) => page.locator(`${selector} .required`).count();
    expect(await marked('label[for="signup-fullName"]')).toBe(1);
    expect(await marked('#signup-gender legend')).toBe(1);
    expect(await marked('#signup-contractType legend')).toBe(1);
    expect(await marked('label[for="signup-consent"]')).toBe(1);
    expect(await marked('label[for="signup-phone"]')).toBe(0);
    const other = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const fresh = await other.newPage();
    await fresh.goto(server.url);
    await fresh.getByLabel('Mật khẩu').waitFor();
    expect(await fresh.locator('label[for="login-password"] .required').count()).toBe(1);
    expect(await fresh.locator('label[for="login-username"] .required').count()).toBe(1);
    await other.close();
  });

  it('makes checkboxes and radios 24 px or more, ticked by a tap anywhere on their row', async () => {
    for (const id of ['signup-consent', 'signup-gender-female', 'signup-series']) {
      const box = await page.locator(`#${id}`).boundingBox();
      expect(box?.width, id).toBeGreaterThanOrEqual(24);
      expect(box?.height, id).toBeGreaterThanOrEqual(24);
    }
    const row = page.locator('label[for="signup-consent"]');
    const box = await row.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    await row.click({ position: { x: (box?.width ?? 0) - 10, y: (box?.height ?? 0) / 2 } });
    expect(await page.locator('#signup-consent').isChecked()).toBe(true);
  });
});

describe('drafts (point 7)', () => {
  it('discards a draft without a question, with an undo that brings it back', async () => {
    await openBlankSignup();
    await page.getByLabel('Họ và tên').fill('Phạm Thị Bỏ');
    const id = formSignupId();
    await expect
      .poll(async () => (await tableRows('signups')).some((r) => r['id'] === id && 'personal' in r))
      .toBe(true);
    await page.getByRole('button', { name: 'Bỏ đơn nháp' }).click();
    await page.getByRole('heading', { name: 'Đơn gia nhập', level: 1 }).waitFor();
    const toast = page.getByTestId('undo-toast');
    expect(await toast.innerText()).toContain('Đã bỏ đơn nháp Phạm Thị Bỏ.');
    await expect
      .poll(() => page.getByTestId('draft-list').innerText())
      .not.toContain('Phạm Thị Bỏ');
    await checkA11y('signups-undo');
    await toast.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => page.getByTestId('draft-list').innerText()).toContain('Phạm Thị Bỏ');
    expect(await toast.count()).toBe(0);
  });

  it('keeps no empty draft: a blank form left, or the series mode next form', async () => {
    const before = (await tableRows('signups')).length;
    await openBlankSignup();
    await page.getByLabel(/Thu nhiều đơn liên tiếp/).check();
    await page.getByLabel('Họ và tên').fill('Lê Văn Liên');
    await page.getByLabel('Ngày sinh').fill('01/01/1988');
    await page.getByLabel('Nam', { exact: true }).check();
    await page.getByLabel('Số CCCD/hộ chiếu').fill('092088000333');
    await page.getByLabel('Không xác định thời hạn').check();
    await page.getByLabel(/tự nguyện gia nhập/).check();
    const url = page.url();
    await page.getByRole('button', { name: 'Nộp đơn' }).click();
    await expect.poll(() => page.url()).not.toBe(url);
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('');
    // Typed and erased again: still nothing to keep.
    await page.getByLabel('Họ và tên').fill('x');
    await page.getByLabel('Họ và tên').fill('');
    await page.getByLabel(/Thu nhiều đơn liên tiếp/).uncheck();
    await page.getByRole('link', { name: 'Đơn gia nhập' }).click();
    await page.getByTestId('submitted-list').getByText('Lê Văn Liên').waitFor();
    const rows = await tableRows('signups');
    expect(rows).toHaveLength(before + 1);
    // Nothing but what a blank form starts with: such a draft must not exist.
    const blank = new Set([
      'id',
      'enterpriseId',
      'status',
      'nationality',
      'signedAt',
      'localUpdatedAt',
    ]);
    const empty = rows.filter(
      (row) =>
        row['status'] === 'draft' &&
        row['nationality'] === 'VN' &&
        Object.keys(row).every((key) => blank.has(key)),
    );
    expect(empty).toEqual([]);
    const drafts = rows.filter((row) => row['status'] === 'draft').length;
    expect(await page.getByRole('heading', { name: /Đơn đang làm dở/ }).innerText()).toBe(
      `Đơn đang làm dở (${drafts})`,
    );
  });
});

describe('editing an enterprise (point 13)', () => {
  it('changes only what the user changed: the editor is not made its organizer', async () => {
    await page.goto(`${server.url}/enterprises/${enterprise.id}/edit`);
    await page.getByLabel('Số lao động', { exact: true }).fill('345');
    await checkA11y('enterprise-edit');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('enterprise-stage').waitFor();
    const [row] = (await tableRows('enterprises')).filter((r) => r['id'] === enterprise.id);
    expect(row?.['workerCount']).toBe(345);
    expect(row?.['assignedTo']).toBeUndefined();
    expect(row?.['name']).toBe(enterprise.name);
    const queued = (await tableRows('outbox')).filter((r) => r['entityId'] === enterprise.id);
    expect(queued).toHaveLength(1);
    const sent = (queued[0]?.['data'] ?? {}) as Record<string, unknown>;
    expect(sent['assignedTo']).toBeUndefined();
    expect(sent['workerCount']).toBe(345);
  });

  it('assigns a newly registered enterprise to the organizer who registered it', async () => {
    await page.goto(`${server.url}/enterprises/new`);
    await page.getByLabel('Tên doanh nghiệp').fill('Hợp tác xã Rau Sạch Phong Điền');
    await page.getByLabel('Tỉnh, thành phố').selectOption('92');
    await page.getByLabel('Xã, phường').selectOption('31135');
    await page.getByLabel('Địa chỉ').fill('Ấp Nhơn Lộc');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('enterprise-stage').waitFor();
    const row = (await tableRows('enterprises')).find(
      (r) => r['name'] === 'Hợp tác xã Rau Sạch Phong Điền',
    );
    expect(row?.['assignedTo']).toBe(organizer.userId);
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

describe('signing out (point 7)', () => {
  it('asks nothing when the only draft was empty', async () => {
    const other = await createOrganizer(server.url, 'Sign Out');
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const tab = await phone.newPage();
    await tab.goto(server.url);
    await waitForController(tab);
    await signIn(tab, other.username, other.password);
    await phone.setOffline(true);
    const [place] = generateEnterprises(1, other.unitId, 43) as [Enterprise];
    // A blank draft left by an older version, and one opened now but never typed in.
    await fillAppDatabase(tab, {
      enterprises: [toEnterpriseRow(place)],
      signups: [
        {
          id: '00000000-0000-4000-8000-00000000e001',
          enterpriseId: place.id,
          status: 'draft',
          nationality: 'VN',
          signedAt: '01/11/2026',
        },
      ],
    });
    await tab.goto(`${server.url}/signups/new?enterprise=${place.id}`);
    await tab.getByLabel('Họ và tên').waitFor();
    await tab.goto(`${server.url}/settings`);
    await tab.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await tab.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    expect(await tab.getByTestId('logout-unsent').count()).toBe(0);
    await phone.close();
  });
});
