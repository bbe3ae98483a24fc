import { render } from 'preact';
import { App } from './App';
import { restoreLanguage } from './language';
import { startStartupReads } from './startup';
import { requestPersistence } from './storage';
import './styles.css';

startStartupReads();
const root = document.getElementById('app');
void restoreLanguage().then((lang) => root && render(<App initialLang={lang} />, root));

// workbox-window (≈2 KB gzip) is not needed to paint: the worker registers after the first screen.
void import('./sw-register').then((m) => m.registerServiceWorker());
// Delivery starts after the first paint; its code (validation, merge) is not needed to show it.
void import('./sync-scheduler').then((m) => m.startSyncScheduler());
// Chromium grants this silently to installed or engaged apps; the settings screen shows the answer.
// Asked after the first frame: the question costs the start's longest task a few milliseconds.
requestAnimationFrame(() => setTimeout(() => void requestPersistence().catch(() => false), 0));
