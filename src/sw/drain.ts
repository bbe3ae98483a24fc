import { getDb } from '../db';
import { DRAIN_MESSAGE, DRAIN_TAG, drain } from '../sync';

declare const self: ServiceWorkerGlobalScope;

function drainFromWorker(force = false) {
  return drain({
    db: getDb(),
    fetch: (url, init) => fetch(url, init),
    locks: self.navigator.locks,
    wait: true,
    force,
    isOnline: () => self.navigator.onLine,
  }).catch((error: unknown) => {
    console.error('drain failed in the service worker', error);
    return 'retry-later' as const;
  });
}

type SyncEvent = ExtendableEvent & { tag: string };

/** The worker drains on Background Sync, on the page's request, and whenever it starts. */
export function installDrainHandlers(): void {
  self.addEventListener('sync', ((event: SyncEvent) => {
    if (event.tag === DRAIN_TAG) event.waitUntil(drainFromWorker());
  }) as EventListener);
  self.addEventListener('message', (event: ExtendableMessageEvent) => {
    const data: unknown = event.data;
    if (
      typeof data === 'object' &&
      data !== null &&
      (data as { type?: unknown }).type === DRAIN_MESSAGE
    ) {
      // The page asks after a write, when the network returns, or on the user's request.
      event.waitUntil(drainFromWorker(true));
    }
  });
  void drainFromWorker();
}
