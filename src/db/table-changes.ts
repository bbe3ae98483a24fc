import Dexie, { type ObservabilitySet } from 'dexie';
import type { SotayDb, TableName } from './database';

/**
 * Calls `changed` after every committed write to one of `tables`, in this context, another tab
 * or the service worker: Dexie's documented `storagemutated` event, which fires after each
 * write transaction commits wherever it ran. For a read that is cheap to repeat whole (the
 * enterprise page), where a live query's range tracking would cost more than it saves.
 * Returns the unsubscribe.
 */
export function onTablesChanged(
  db: SotayDb,
  tables: readonly TableName[],
  changed: () => void,
): () => void {
  // The documented names of the changed parts: `idb://${dbName}/${tableName}/${indexName}`.
  const prefixes = tables.map((name) => `idb://${db.name}/${name}/`);
  const listener = (parts: ObservabilitySet) => {
    // `all`: "anything may have changed" (a page restored from the back-forward cache).
    const touched = Object.keys(parts).some(
      (part) => part === 'all' || prefixes.some((prefix) => part.startsWith(prefix)),
    );
    if (touched) changed();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
