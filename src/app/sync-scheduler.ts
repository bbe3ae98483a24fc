import { DRAIN_MESSAGE, DRAIN_TAG, type DrainResult, drain } from '../sync';
import { holdBusy } from './busy';
import { appDb } from './db';

const TIMER_MS = 60_000;
let running: Promise<DrainResult> | undefined;
/** When a drain was asked for while one ran here: it runs after, unless that one sufficed. */
let askedAt: number | undefined;

/**
 * Drains from the page now: one at a time here, the Web Lock across tabs and the worker. Asked
 * while a drain runs, it drains once more afterwards; that drain sends nothing and pulls nothing
 * when the running one already delivered everything queued before the ask (src/sync/README.md).
 */
export function syncNow(force = false): Promise<DrainResult> {
  if (running !== undefined) {
    askedAt ??= Date.now();
    return running;
  }
  const requestedAt = askedAt ?? Date.now();
  askedAt = undefined;
  running = (async () => {
    const release = holdBusy();
    try {
      const result = await drain({
        db: appDb(),
        fetch: (url, init) => fetch(url, init),
        locks: navigator.locks,
        force,
        requestedAt,
        isOnline: () => navigator.onLine,
      });
      // The names of the people in scope follow a sync, at most once an hour.
      if (result === 'done') {
        void import('./directory').then((m) => m.refreshDirectory()).catch(() => undefined);
      }
      return result;
    } finally {
      release();
      running = undefined;
      if (askedAt !== undefined) void syncNow();
    }
  })();
  return running;
}

/**
 * Also asks the service worker, so that what was saved reaches the server even if the page is
 * closed first: Background Sync where the browser has it (it runs after the page closed, when
 * the network is back), a message otherwise. Either way the worker's drain waits for the page's
 * and is then done at once if that one delivered everything (docs/design.md §6).
 */
export async function askWorkerToDrain(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.ready;
  const withSync = registration as ServiceWorkerRegistration & {
    sync?: { register(tag: string): Promise<void> };
  };
  if (withSync.sync !== undefined) {
    const registered = await withSync.sync.register(DRAIN_TAG).then(
      () => true,
      () => false,
    );
    if (registered) return;
  }
  registration.active?.postMessage(DRAIN_MESSAGE);
}

/**
 * After a write, on `online`, when the page becomes visible, and on a timer. `networkBack`: it is
 * started by the `online` event (the page opened offline), which it then answers at once.
 */
export function startSyncScheduler(networkBack = false): void {
  const kick = () => {
    if (navigator.onLine) void syncNow();
  };
  // The network is back: whatever failed while it was away is worth trying at once.
  const onOnline = () => {
    void syncNow(true);
    void askWorkerToDrain().catch(() => undefined);
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') kick();
  });
  setInterval(kick, TIMER_MS);
  if (networkBack) onOnline();
  else kick();
}

/** Called by screens after they saved something that must reach the server. */
export function afterWrite(): void {
  if (navigator.onLine) void syncNow();
  void askWorkerToDrain().catch(() => undefined);
}
