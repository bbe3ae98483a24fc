import { Workbox } from 'workbox-window';

type Listener = () => void;

const waitingListeners = new Set<Listener>();
let workbox: Workbox | undefined;
let updateWaiting = false;

/** Registers the service worker once; the update prompt listens through `onUpdateWaiting`. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || workbox) return;
  workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => {
    updateWaiting = true;
    for (const listener of waitingListeners) listener();
  });
  // The new worker took over (after the user accepted): load the new shell.
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  void workbox.register();
}

export function onUpdateWaiting(listener: Listener): () => void {
  waitingListeners.add(listener);
  if (updateWaiting) listener();
  return () => waitingListeners.delete(listener);
}

export function applyUpdate(): void {
  workbox?.messageSkipWaiting();
}
