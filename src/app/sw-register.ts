import { Workbox } from 'workbox-window';
import { announceUpdateWaiting } from './sw-update';

let workbox: Workbox | undefined;

/** Registers the service worker once; the update prompt listens through sw-update.ts. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || workbox) return;
  const registered = new Workbox('/sw.js', { scope: '/' });
  workbox = registered;
  registered.addEventListener('waiting', () => {
    announceUpdateWaiting(() => registered.messageSkipWaiting());
  });
  // The new worker took over (after the user accepted): load the new shell.
  registered.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  void registered.register();
}
