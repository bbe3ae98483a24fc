import { DRAIN_MESSAGE, DRAIN_TAG, type DrainResult, drain } from '../sync';
import { holdBusy } from './busy';
import { appDb } from './db';

const TIMER_MS = 60_000;
let running: Promise<DrainResult> | undefined;

/** Drains from the page now (one at a time here; the Web Lock guards across tabs and the SW). */
export function syncNow(force = false): Promise<DrainResult> {
  running ??= (async () => {
    const release = holdBusy();
    try {
      return await drain({
        db: appDb(),
        fetch: (url, init) => fetch(url, init),
        locks: navigator.locks,
        force,
        isOnline: () => navigator.onLine,
      });
    } finally {
      release();
      running = undefined;
    }
  })();
  return running;
}

/**
 * Also asks the service worker: Background Sync where the browser has it (it runs even after the
 * page is closed), a message otherwise. Never relies on either alone (docs/design.md §6).
 */
export async function askWorkerToDrain(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.ready;
  const withSync = registration as ServiceWorkerRegistration & {
    sync?: { register(tag: string): Promise<void> };
  };
  await withSync.sync?.register(DRAIN_TAG).catch(() => undefined);
  registration.active?.postMessage({ type: DRAIN_MESSAGE });
}

/** After a write, on `online`, when the page becomes visible, and on a timer. */
export function startSyncScheduler(): void {
  const kick = () => {
    if (navigator.onLine) void syncNow();
  };
  // The network is back: whatever failed while it was away is worth trying at once.
  window.addEventListener('online', () => {
    void syncNow(true);
    void askWorkerToDrain().catch(() => undefined);
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') kick();
  });
  setInterval(kick, TIMER_MS);
  kick();
}

/** Called by screens after they saved something that must reach the server. */
export function afterWrite(): void {
  if (navigator.onLine) void syncNow();
  void askWorkerToDrain().catch(() => undefined);
}
