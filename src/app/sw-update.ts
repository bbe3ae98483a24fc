type Listener = () => void;

const waitingListeners = new Set<Listener>();
let skipWaiting: (() => void) | undefined;

/**
 * A new version's worker waits: the update prompt shows. `skip` activates it. Called by
 * sw-register.ts, which holds workbox-window: it loads after the first paint, so the prompt's
 * side stays this small.
 */
export function announceUpdateWaiting(skip: () => void): void {
  skipWaiting = skip;
  for (const listener of waitingListeners) listener();
}

export function onUpdateWaiting(listener: Listener): () => void {
  waitingListeners.add(listener);
  if (skipWaiting !== undefined) listener();
  return () => waitingListeners.delete(listener);
}

export function applyUpdate(): void {
  skipWaiting?.();
}
