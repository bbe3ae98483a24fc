import { render } from 'preact';
import { App } from './App';
import { whenPainted } from './after-paint';
import { whenFirstScreenDrawn } from './first-screen';
import { restoreLanguage } from './language';
import { startStartupReads } from './startup';
import { requestPersistence } from './storage';
import './styles.css';

const started = startStartupReads(location.pathname);
const root = document.getElementById('app');
void Promise.all([restoreLanguage(), started]).then(
  ([lang]) => root && render(<App initialLang={lang} />, root),
);

// Neither is needed to show the first screen, and loading them would hold it back: the worker
// (workbox-window, ≈2 KB gzip) registers, and delivery (validation, merge) starts, once it is drawn.
// Delivery needs the network: a phone opened offline, as on a factory floor, loads it when the
// network comes back. Building the schemas that check what the server sends was the longest task
// after the list's first frame (about 90 ms of a slow phone, npm run bench, coldStart).
void whenFirstScreenDrawn().then(() => {
  void import('./sw-register').then((m) => m.registerServiceWorker());
  const startDelivery = (networkBack: boolean) =>
    void import('./sync-scheduler').then((m) => m.startSyncScheduler(networkBack));
  if (navigator.onLine) startDelivery(false);
  else window.addEventListener('online', () => startDelivery(true), { once: true });
});
// Chromium grants this silently to installed or engaged apps; the settings screen shows the answer.
// Asked after the first frame: the question costs the start's longest task a few milliseconds.
whenPainted(() => void requestPersistence().catch(() => false));
