import { openAppDb } from '../db';
import { DRAIN_TAG, type DrainResult, drain } from '../sync';

declare const self: ServiceWorkerGlobalScope;

/**
 * The worker's drain: it queues behind a page's (the page may close mid-drain) and, like every
 * drain, respects the shared backoff window and is done at once when the drain it waited for
 * already delivered everything (src/sync/README.md).
 */
export function drainFromWorker(): Promise<DrainResult> {
  return openAppDb()
    .then((db) =>
      drain({
        db,
        fetch: (url, init) => fetch(url, init),
        locks: self.navigator.locks,
        wait: true,
        isOnline: () => self.navigator.onLine,
      }),
    )
    .catch((error: unknown) => {
      console.error('drain failed in the service worker', error);
      return 'retry-later' as const;
    });
}

type SyncEvent = ExtendableEvent & { tag: string };

/** The worker drains on Background Sync and whenever it starts (messages: sw.ts). */
export function installDrainHandlers(): void {
  self.addEventListener('sync', ((event: SyncEvent) => {
    if (event.tag === DRAIN_TAG) event.waitUntil(drainFromWorker());
  }) as EventListener);
  void drainFromWorker();
}
