import { useEffect, useState } from 'preact/hooks';
import { isUnlocked, lockVault, onLockChange } from '../db';
import { appDb } from './db';

/**
 * The app lock (docs/design.md §6): the keys that open personal data stay in memory only while
 * the organizer uses the app (the timers are in lock-timer.ts, loaded after the first paint).
 */

/** True while the app is unlocked; the screen draws again on every lock and unlock. */
export function useUnlocked(): boolean {
  const [unlocked, setUnlocked] = useState(() => isUnlocked(appDb()));
  useEffect(() => onLockChange(() => setUnlocked(isUnlocked(appDb()))), []);
  return unlocked;
}

export function lockNow(): void {
  lockVault(appDb());
}
