import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptBackup } from '../../src/shared/crypto';
import type { Enterprise, Signup, SignupDraft } from '../../src/shared/schemas';
import { generateEnterprises, generateSignups } from '../fixtures/generate';
import { ADMIN_ENV, type Organizer, signIn } from '../helpers/accounts';
import { seriousA11yViolations, smallTouchTargets } from '../helpers/axe';
import { type CapturedRecords, pullAll } from '../helpers/backup';
import { launchChromium } from '../helpers/chromium';
import { type FieldDevice, openFieldDevice, openUnlocked } from '../helpers/field-device';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

let browser: Browser;
let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess({ env: ADMIN_ENV });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.cleanup();
});

const NAME = 'Công ty TNHH May Hoà Bình';
const BACKUP_PASSPHRASE = 'sổ tay của đoàn 2026';
const DAY_MS = 86_400_000;

/** An ISO date `days` from today on Vietnam's calendar. */
function vietnamDate(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toLocaleDateString('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
  });
}

/** The organizer's enterprise, not yet surveyed, with a follow-up due this week. */
function enterpriseOf(organizer: Organizer, seed: number): Enterprise {
  const [generated] = generateEnterprises(1, organizer.unitId, seed) as [Enterprise];
  return {
    ...generated,
    name: NAME,
    stage: 'not_contacted',
    nextFollowUp: vietnamDate(3),
  };
}

/** A draft with no name yet: how the list shows an application just begun. */
function draftAt(enterprise: Enterprise, seed: number): SignupDraft {
  const [signup] = generateSignups([enterprise], 1, seed) as [Signup];
  return { id: signup.id, enterpriseId: enterprise.id, status: 'draft', gender: 'female' };
}

/** A phone offline from the start, holding one enterprise (and `more` records of it). */
function phoneWithEnterprise(
  name: string,
  seed: number,
  more: (enterprise: Enterprise) => CapturedRecords = () => ({}),
): Promise<FieldDevice & { enterprise: Enterprise }> {
  let enterprise: Enterprise | undefined;
  return openFieldDevice(browser, server, {
    name,
    offline: true,
    records: (organizer) => {
      enterprise = enterpriseOf(organizer, seed);
      return { ...more(enterprise), enterprises: [enterprise] };
    },
  }).then((device) => ({ ...device, enterprise: enterprise as Enterprise }));
}

/** The signup row `id` as the phone's IndexedDB holds it. */
function storedDraft(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    (key) =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open('sotay');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('signups').objectStore('signups').get(key);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as Record<string, unknown> | undefined);
          };
        };
      }),
    id,
  );
}

/** The bottom navigation's tab (other links may share its words). */
async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name }).click();
}

async function heading(page: Page): Promise<string> {
  return page.getByRole('heading', { level: 1 }).innerText();
}

/**
 * Opens every screen of the app on a phone holding an enterprise with a visit due this week, an
 * application and a draft, and runs `check` on each: login, the list, the enterprise form and
 * page, the visit and application forms, applications, follow-ups, sync and settings.
 */
async function onEveryScreen(
  check: (page: Page) => Promise<unknown[]>,
): Promise<Record<string, unknown[]>> {
  const found: Record<string, unknown[]> = {};
  const { page, enterprise } = await (async () => {
    let seeded: Enterprise | undefined;
    const device = await openFieldDevice(browser, server, {
      name: 'Screens',
      offline: true,
      atLogin: async (login) => {
        found['login'] = await check(login);
      },
      records: (organizer) => {
        seeded = enterpriseOf(organizer, 71);
        return {
          enterprises: [seeded],
          signups: generateSignups([seeded], 1, 72),
          drafts: [draftAt(seeded, 73)],
        };
      },
    });
    return { ...device, enterprise: seeded as Enterprise };
  })();
  const screens: [string, string, string][] = [
    ['enterprises', '/enterprises', 'enterprise-count'],
    ['enterprise-form', '/enterprises/new', ''],
    ['enterprise-detail', `/enterprises/${enterprise.id}`, 'enterprise-stage'],
    ['visit-form', `/enterprises/${enterprise.id}/visit`, ''],
    ['signup-form', `/signups/new?enterprise=${enterprise.id}`, ''],
    ['signups', '/signups', 'draft-list'],
    ['follow-ups', '/follow-ups', 'this-week'],
    ['sync', '/sync', 'sync-pending'],
    ['settings', '/settings', ''],
  ];
  for (const [screen, path, ready] of screens) {
    await page.goto(`${server.url}${path}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (ready !== '') await page.getByTestId(ready).first().waitFor();
    found[screen] = await check(page);
  }
  return found;
}

describe('field capture with the network off', () => {
  it('registers a newly found enterprise', async () => {
    const { page } = await openFieldDevice(browser, server, { name: 'Ninh Kieu', offline: true });
    await page.getByRole('link', { name: 'Thêm doanh nghiệp' }).click();
    await page.getByLabel('Tên doanh nghiệp').fill(NAME);
    await page.getByLabel('Mã số thuế').fill('0100 233 488');
    await page.getByLabel('Tỉnh, thành phố').selectOption('92');
    await page.getByLabel('Xã, phường').selectOption('31135');
    await page.getByLabel('Địa chỉ').fill('12 Đường 30/4');
    await page.getByLabel('Số lao động', { exact: true }).fill('1.200');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('enterprise-stage').waitFor();
    expect(await heading(page)).toBe(NAME);
    expect(await page.getByText('0100233488').count()).toBe(1);
  });

  it('finds it by a search without diacritics', async () => {
    const { page } = await phoneWithEnterprise('Search', 11);
    await nav(page, 'Doanh nghiệp');
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
    const { page, enterprise } = await phoneWithEnterprise('Visit', 21);
    await page.goto(`${server.url}/enterprises/${enterprise.id}`);
    // The page load locked the app: a visit is logged all the same.
    await page.getByRole('link', { name: 'Ghi nhật ký tiếp xúc' }).click();
    await page.getByLabel('Khảo sát, nắm tình hình').check();
    await page.getByLabel('Chuyển giai đoạn').selectOption({ label: 'Đã khảo sát' });
    await page.getByLabel('Kết quả').fill('Gặp phòng nhân sự, công ty đồng ý cho gặp công nhân.');
    await page.getByRole('button', { name: 'Sau 7 ngày' }).click();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('enterprise-stage').waitFor();
    expect(await page.getByTestId('enterprise-stage').innerText()).toBe('Đã khảo sát');
    // The outcome is a note about the enterprise, not a person: shown while locked too.
    await expect.poll(() => page.getByTestId('visit-list').innerText()).toContain('công ty đồng ý');
  });

  it('keeps a half-filled application across a reload, then submits it', async () => {
    const { page, enterprise } = await phoneWithEnterprise('Draft', 31);
    await page.goto(`${server.url}/enterprises/${enterprise.id}`);
    await page.getByRole('link', { name: 'Thu đơn gia nhập' }).click();
    await page.getByLabel('Họ và tên').waitFor();
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoà');
    await page.getByLabel('Ngày sinh').fill('15/03/1990');
    await page.getByLabel('Nữ').check();
    const draftUrl = page.url();
    // Autosave writes as the user types; the reload comes once the last field is stored.
    const draftId = new URL(draftUrl).pathname.split('/').at(-1) ?? '';
    await expect.poll(() => storedDraft(page, draftId)).toMatchObject({ gender: 'female' });
    // A page load starts locked: the stored draft is personal data.
    await openUnlocked(page);
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
    const { page, enterprise } = await phoneWithEnterprise('Series', 41, (seeded) => ({
      signups: generateSignups([seeded], 1, 42),
    }));
    await page.goto(`${server.url}/enterprises/${enterprise.id}`);
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
    await page.goto(`${server.url}/enterprises/${enterprise.id}`);
    await expect
      .poll(() => page.getByTestId('applications-count').innerText())
      .toContain('Đã thu 3 đơn');
    await nav(page, 'Đơn gia nhập');
    // The series' last blank form was never typed in: no empty draft is kept.
    await expect
      .poll(() => page.getByRole('heading', { name: /Đơn đang làm dở/ }).innerText())
      .toBe('Đơn đang làm dở (0)');
  });

  it('lists drafts with how complete they are, and follow-ups due', async () => {
    const { page } = await phoneWithEnterprise('Lists', 51, (seeded) => ({
      drafts: [draftAt(seeded, 52)],
    }));
    await nav(page, 'Đơn gia nhập');
    await expect.poll(() => page.getByTestId('draft-list').innerText()).toContain('(chưa có tên)');
    await nav(page, 'Lịch hẹn');
    await expect.poll(() => page.getByTestId('this-week').innerText()).toContain(NAME);
    await nav(page, 'Đồng bộ');
    await expect
      .poll(() => page.getByTestId('sync-pending').innerText())
      .toMatch(/Đang chờ gửi: [1-9]/);
  });

  it('exports every record to an encrypted file and imports it back without duplicates', async () => {
    const signups = (seeded: Enterprise) => generateSignups([seeded], 3, 62);
    const { page } = await phoneWithEnterprise('Backup', 61, (seeded) => ({
      signups: signups(seeded),
    }));
    // A page load starts locked: the export needs the personal data, so the PIN first.
    await openUnlocked(page, `${server.url}/settings`);
    await page.getByLabel('Mật khẩu tệp sao lưu (ít nhất 10 ký tự)').fill(BACKUP_PASSPHRASE);
    await page.getByLabel('Nhập lại mật khẩu tệp sao lưu').fill(BACKUP_PASSPHRASE);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Mã hoá và tải tệp sao lưu' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^so-tay-sao-luu-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const text = await readFile(file, 'utf8');
    const backup = (await decryptBackup(BACKUP_PASSPHRASE, text)) as {
      tables: Record<string, { fullName?: string; idNumber?: string; phone?: string }[]>;
    };
    expect(backup.tables['enterprises']).toHaveLength(1);
    const applicants = backup.tables['signups'] ?? [];
    expect(applicants.length).toBeGreaterThanOrEqual(3);
    // The file shows nothing of them: not a name, an ID number or a phone.
    for (const applicant of applicants) {
      for (const value of [applicant.fullName, applicant.idNumber, applicant.phone]) {
        if (value) expect(text).not.toContain(value);
      }
    }
    await page.getByLabel('Nhập tệp sao lưu').setInputFiles(file);
    await page.getByLabel('Mật khẩu của tệp sao lưu').fill('not the passphrase');
    await page.getByRole('button', { name: 'Giải mã và nhập' }).click();
    await expect
      .poll(() => page.getByTestId('backup-message').innerText())
      .toBe('Sai mật khẩu tệp sao lưu.');
    await page.getByLabel('Mật khẩu của tệp sao lưu').fill(BACKUP_PASSPHRASE);
    await page.getByRole('button', { name: 'Giải mã và nhập' }).click();
    await expect.poll(() => page.getByTestId('backup-message').innerText()).toMatch(/thêm 0,/);
  });

  it('has no serious or critical accessibility violation on any screen', async () => {
    const violations = await onEveryScreen(seriousA11yViolations);
    expect(Object.keys(violations)).toHaveLength(10);
    expect(Object.entries(violations).filter(([, found]) => found.length > 0)).toEqual([]);
  });

  it('gives every control a touch target of at least 44 × 44 px on every screen', async () => {
    const small = await onEveryScreen((page) => smallTouchTargets(page));
    expect(Object.keys(small)).toHaveLength(10);
    expect(Object.entries(small).filter(([, found]) => found.length > 0)).toEqual([]);
  });
});

/** Rows in each IndexedDB store of the app, and the keys of its `meta` store. */
function storeCounts(page: Page): Promise<{ counts: Record<string, number>; meta: string[] }> {
  return page.evaluate(
    () =>
      new Promise<{ counts: Record<string, number>; meta: string[] }>((resolve, reject) => {
        const open = indexedDB.open('sotay');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          let meta: string[] = [];
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => {
              counts[name] = request.result;
            };
          }
          const keys = tx.objectStore('meta').getAllKeys();
          keys.onsuccess = () => {
            meta = keys.result.map(String).sort();
          };
          tx.oncomplete = () => {
            db.close();
            resolve({ counts, meta });
          };
        };
      }),
  );
}

/** Every row of the app's IndexedDB, as text. */
function storedText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('sotay');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const parts: string[] = [];
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => parts.push(JSON.stringify(request.result));
          }
          tx.oncomplete = () => {
            db.close();
            resolve(parts.join('\n'));
          };
        };
      }),
  );
}

describe('signing out', () => {
  it('refuses while records are unsent unless confirmed twice, then keeps only what is sealed for the server, and says so', async () => {
    let applicant: Signup | undefined;
    const { page, context, organizer } = await phoneWithEnterprise('Logout', 81, (seeded) => {
      [applicant] = generateSignups([seeded], 1, 82) as [Signup];
      return { signups: [applicant] };
    });
    await page.goto(`${server.url}/settings`);
    const unsent = page.getByTestId('logout-unsent');
    await expect.poll(() => unsent.innerText()).toMatch(/Còn \d+ bản ghi chưa gửi/);
    await page.getByRole('button', { name: /Vẫn đăng xuất/ }).click();
    await page.getByRole('button', { name: /Chắc chắn\?/ }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Cài đặt');
    await page.getByRole('button', { name: /Chắc chắn\?/ }).click();
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    // The enterprise and the application registered offline still wait: sealed for the server,
    // they are kept for the next sign-in, and the login screen says so.
    await expect
      .poll(() => page.getByTestId('kept-outbox').innerText())
      .toMatch(/2 bản ghi chưa gửi vẫn được giữ/);
    const { counts, meta } = await storeCounts(page);
    expect(counts).toMatchObject({ enterprises: 0, visits: 0, signups: 0, outbox: 2, shadows: 0 });
    // The token is gone at once; its revocation waits for the network beside the installation's
    // id and the server key it pinned.
    expect(meta).toEqual(['clientId', 'revocations', 'serverSealKey']);
    const text = await storedText(page);
    const { fullName, idNumber, phone } = applicant as Signup;
    for (const secret of [fullName, idNumber, ...(phone ? [phone] : [])]) {
      expect(text).not.toContain(secret);
    }

    // Back online: the revocation reaches the server, and nothing of it is left.
    await context.setOffline(false);
    await expect
      .poll(async () => (await storeCounts(page)).meta, { timeout: 30_000 })
      .toEqual(['clientId', 'serverSealKey']);

    // Signed in again, the phone delivers what it kept, field for field: nothing was lost.
    await page.goto(server.url);
    await signIn(page, organizer.username, organizer.password);
    const delivered = async () => {
      const changes = await pullAll(server.url, organizer.token);
      return changes.find((change) => change.entityId === applicant?.id)?.data;
    };
    await expect.poll(delivered, { timeout: 30_000 }).toMatchObject({ fullName, idNumber });
  });
});
