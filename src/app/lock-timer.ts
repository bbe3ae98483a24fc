import { lockNow } from './lock';

/**
 * When the app locks by itself (docs/design.md §6): after `lockMinutes()` without a touch or a
 * key (5 by default, chosen in Cài đặt) and when it has been in the background for more than a
 * minute. The choice is a setting, not personal data, so it lives in localStorage like the
 * language.
 */

export const LOCK_MINUTE_CHOICES = [1, 2, 5, 10, 15] as const;
const DEFAULT_LOCK_MINUTES = 5;
const BACKGROUND_LIMIT_MS = 60_000;
const STORAGE_KEY = 'sotay.lockMinutes';

export function lockMinutes(): number {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Blocked storage: the default applies.
  }
  const minutes = Number(saved);
  return (LOCK_MINUTE_CHOICES as readonly number[]).includes(minutes)
    ? minutes
    : DEFAULT_LOCK_MINUTES;
}

export function setLockMinutes(minutes: number): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(minutes));
  } catch {
    // Not remembered; this session still uses it.
  }
  restartIdleTimer();
}

let idleTimer: ReturnType<typeof setTimeout> | undefined;
let hiddenAt: number | undefined;
let started = false;

function restartIdleTimer(): void {
  if (idleTimer !== undefined) clearTimeout(idleTimer);
  idleTimer = setTimeout(lockNow, lockMinutes() * 60_000);
}

/** Starts the idle and background timers, once per page. */
export function startAutoLock(): void {
  if (started) return;
  started = true;
  for (const type of ['pointerdown', 'keydown', 'touchstart', 'scroll'] as const) {
    window.addEventListener(type, restartIdleTimer, { passive: true, capture: true });
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      hiddenAt = Date.now();
      return;
    }
    // Timers are slowed down in the background, so the time away is measured on return.
    if (hiddenAt !== undefined && Date.now() - hiddenAt > BACKGROUND_LIMIT_MS) lockNow();
    hiddenAt = undefined;
    restartIdleTimer();
  });
  restartIdleTimer();
}
