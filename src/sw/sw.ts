import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { readWorkerMessage } from '../sync';
import { drainFromWorker, installDrainHandlers } from './drain';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<PrecacheEntry | string>;
};

// The app shell: every built file, listed at build time by vite-plugin-pwa.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Deep links open offline: any navigation gets the cached shell, except the API, which is never
// cached (its answers are per user and must reach the server).
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api(\/|$)/] }),
);

// A first install takes control at once; later versions wait until the user accepts the update
// prompt, which sends SKIP_WAITING only when no form is dirty and no drain runs.
clientsClaim();

// Every message from a page, read once (src/sync/messages.ts).
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const message = readWorkerMessage(event.data);
  if (message?.type === 'SKIP_WAITING') void self.skipWaiting();
  // A page without Background Sync asks after a write: a drain like any other, backoff included.
  if (message?.type === 'SOTAY_DRAIN') event.waitUntil(drainFromWorker());
});

// The outbox is delivered from here too, so that records reach the server after the page closed.
installDrainHandlers();
