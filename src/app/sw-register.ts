import { Workbox } from 'workbox-window';
import { announceUpdateWaiting } from './sw-update';

let workbox: Workbox | undefined;

/** Registers the service worker once; the update prompt listens through sw-update.ts. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || workbox) return;
  const registered = new Workbox('/sw.js', { scope: '/' });
  workbox = registered;
  registered.addEventListener('waiting', () => {
    announceUpdateWaiting(() => {
      // Once the accepted worker takes over, load the shell it serves: the old one's lazy chunks
      // may be gone from its precache. Not `isUpdate`, which is false when this page installed
      // the first worker, so an update accepted without a reload since then kept the old shell.
      registered.addEventListener('controlling', () => window.location.reload());
      registered.messageSkipWaiting();
    });
  });
  void registered.register();
}
