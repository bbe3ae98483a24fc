import type { Browser, BrowserContext, Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { createOrganizer, type Organizer, openUnlocked, signIn } from './accounts';
import { backupFile, type CapturedRecords, importBackup } from './backup';
import { waitForController } from './pwa';
import type { ServerProcess } from './server-process';

/** One test's own phone: its browser context (IndexedDB, service worker), page and account. */
export type FieldDevice = { organizer: Organizer; context: BrowserContext; page: Page };

export type FieldDeviceOptions = {
  /** Names the organizer's unit (`CĐ name`) and the organizer (`Cán bộ name`). */
  name: string;
  /** Join this unit instead of a unit of their own (a colleague's phone). */
  unitId?: string;
  /** Records the phone holds, made for the organizer (their unit id), each unsent. */
  records?: (organizer: Organizer) => CapturedRecords;
  /** The phone has no signal from before its records go in. */
  offline?: boolean;
  /** Runs on the login screen, before signing in. */
  atLogin?: (page: Page) => Promise<void>;
};

/**
 * Seeds a server and a device for one test: an organizer of a unit of their own, made through
 * the real admin API, and a fresh browser context signed in as them, holding `records` as a day
 * of offline capture (imported through the settings screen, as a backup). Nothing is shared with
 * another test; the context closes when the test ends.
 */
export async function openFieldDevice(
  browser: Browser,
  server: ServerProcess,
  options: FieldDeviceOptions,
): Promise<FieldDevice> {
  const organizer = await createOrganizer(server.url, options.name, options.unitId);
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    acceptDownloads: true,
  });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForController(page);
  await options.atLogin?.(page);
  await signIn(page, organizer.username, organizer.password);
  if (options.offline) await context.setOffline(true);
  const records = options.records?.(organizer);
  if (records !== undefined) {
    await importBackup(page, server.url, await backupFile(records));
    // A page load starts locked; the phone is handed over unlocked, as after signing in.
    await openUnlocked(page, `${server.url}/enterprises`);
  }
  return { organizer, context, page };
}

/** The phone's sync state as the drain stores it (failures, retryAt, lastSyncAt…). */
export function deviceSyncState(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('sotay');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get('syncState');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result?.value as Record<string, unknown> | undefined) ?? {});
          };
        };
      }),
  );
}

export { DEVICE_PIN, openUnlocked, setDevicePin, unlockWithPin } from './accounts';
