/**
 * What the page and its service worker say to each other: the Background Sync tag and the
 * messages the page posts (SKIP_WAITING is workbox-window's, sent when the user accepts an
 * update). The worker reads every message through readWorkerMessage, and nothing else.
 */
export const DRAIN_TAG = 'sotay-drain';

export const WORKER_MESSAGE_TYPES = ['SOTAY_DRAIN', 'SKIP_WAITING'] as const;
export type WorkerMessage = { type: (typeof WORKER_MESSAGE_TYPES)[number] };

/** Asks the worker to drain the outbox (where the browser has no Background Sync). */
export const DRAIN_MESSAGE: WorkerMessage = { type: 'SOTAY_DRAIN' };

/** The message when `data` is one of ours; undefined for anything else (ignored). */
export function readWorkerMessage(data: unknown): WorkerMessage | undefined {
  const type = typeof data === 'object' && data !== null ? Reflect.get(data, 'type') : undefined;
  const known = WORKER_MESSAGE_TYPES.find((name) => name === type);
  return known === undefined ? undefined : { type: known };
}
