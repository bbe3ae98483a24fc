import {
  ADMISSION_TABLES,
  type AdmissionQueue,
  loadAdmissionFirstScreen,
  onTablesChanged,
} from '../../../db';
import { appDb } from '../../db';

/**
 * The admissions queue's first screen, read as the screen opens (screens.ts, the tap's own task)
 * beside the loading of the screen's code, which takes longer on a slow phone: the screen takes
 * the read up when it mounts, unless something was written to the queue's tables since (as
 * Tiến độ's prefetch.ts does for its first figures).
 */

/** The rows of the first screen: a phone shows a handful; "select all" waits for the rest. */
export const FIRST_ROWS = 20;

let early: { read: Promise<AdmissionQueue>; stop: () => void } | undefined;

export function prefetchAdmissions(): void {
  early?.stop();
  const read = loadAdmissionFirstScreen(appDb(), FIRST_ROWS);
  // A failure is the screen's to report, when it takes this read up.
  read.catch(() => undefined);
  const stop = onTablesChanged(appDb(), ADMISSION_TABLES, () => {
    stop();
    if (early?.read === read) early = undefined;
  });
  early = { read, stop };
}

/** The first screen: the read started as the screen opened, else a new one. */
export function readFirstScreen(): Promise<AdmissionQueue> {
  const started = early;
  early = undefined;
  started?.stop();
  return started?.read ?? loadAdmissionFirstScreen(appDb(), FIRST_ROWS);
}
