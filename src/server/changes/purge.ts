import type { Store } from '../store/types';

/**
 * The idempotency log (`mutations`) would grow forever: a row is kept as long as a device may
 * still replay its mutation (config.ts: MUTATION_RETENTION_DAYS), then removed. In small batches,
 * each its own short statement: no write lock is taken (rows are not records), and a push waiting
 * on one of these rows waits for one batch at most.
 */
export const PURGE_BATCH = 500;

/** Removes mutation rows older than `retentionDays`; returns how many. */
export async function purgeOldMutations(
  store: Store,
  retentionDays: number,
  batchSize = PURGE_BATCH,
): Promise<number> {
  let removed = 0;
  for (;;) {
    const result = await store.query(
      `DELETE FROM mutations WHERE mutation_id IN (
         SELECT mutation_id FROM mutations
         WHERE created_at < now() - make_interval(days => $1)
         LIMIT $2)`,
      [retentionDays, batchSize],
    );
    removed += result.rowCount;
    if (result.rowCount < batchSize) break;
    // Let waiting requests in between batches (PGlite runs one statement at a time).
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (removed > 0) await store.flush();
  return removed;
}

/** Purges now and then every `everyMs`; the returned function stops it and awaits a run. */
export function schedulePurge(
  store: Store,
  retentionDays: number,
  onError: (error: unknown) => void,
  everyMs = 60 * 60 * 1000,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(() =>
      purgeOldMutations(store, retentionDays).then(() => undefined, onError),
    );
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
