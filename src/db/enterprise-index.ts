import Dexie, { type IndexableType, liveQuery, type Subscription } from 'dexie';
import type { SotayDb } from './database';
import { toIndexRow } from './repositories/enterprise-reads';
import { compareEnterprises, type EnterpriseIndexRow, mergeInOrder } from './search';

export type IndexObserver = {
  next: (index: readonly EnterpriseIndexRow[]) => void;
  error: (error: unknown) => void;
};

/**
 * Parts the index is read in: ids are UUIDs, so ranges of their first two hex digits split a
 * table into parts of about equal size. A write re-reads only the parts of the rows it wrote.
 */
export const INDEX_PARTS = 64;

export type KeyRange = { from: IndexableType; to: IndexableType; last: boolean };

/**
 * `count` ranges of primary keys that together hold every key once: the first from the lowest
 * key, the last to the highest (including it), so ids that are not lowercase UUIDs fall in too.
 */
export function indexRanges(count: number = INDEX_PARTS): KeyRange[] {
  const bounds = Array.from({ length: count - 1 }, (_, i) =>
    Math.round(((i + 1) * 256) / count)
      .toString(16)
      .padStart(2, '0'),
  );
  return [Dexie.minKey, ...bounds].map((from, i) => ({
    from,
    to: bounds[i] ?? Dexie.maxKey,
    last: i === count - 1,
  }));
}

/**
 * Parts being read at once when the index is first read. Each part starts its live query in a
 * task of its own, after an earlier one was read: started together, the 64 queries' setup alone
 * (a transaction and a query each, in Dexie's zones) was one task of more than a second on a slow
 * phone, right after the list's first screen.
 */
const PARTS_IN_FLIGHT = 4;

/**
 * One part, in a readonly transaction of its own: outside one, Dexie's live-query cache would
 * keep every full row of the table for as long as the index is watched (the whole session),
 * where the index keeps only the fields it shows. Sorted here, in the part's own task, so the
 * whole index is a merge of sorted parts (mergeInOrder).
 */
function readRange(db: SotayDb, range: KeyRange): Promise<EnterpriseIndexRow[]> {
  return db.transaction('r', db.enterprises, () =>
    db.enterprises
      .where('id')
      .between(range.from, range.to, true, range.last)
      .toArray((rows) => rows.map(toIndexRow).sort(compareEnterprises)),
  );
}

/**
 * Keeps the search index of every enterprise current for as long as it is watched. A full read
 * of 10,000 enterprises costs a slow phone most of a second of its main thread, and every visit
 * save writes an enterprise, so the table is read in INDEX_PARTS ranges of ids, each a live
 * query: Dexie re-runs only the queries whose range a committed write touched, here, in another
 * tab or in the service worker (its documented change propagation). The first index comes once
 * every part has been read, PARTS_IN_FLIGHT at a time, and merged, a round per task, so no task
 * of the first read is long; each later one after a part changed. The index comes in the default
 * order (compareEnterprises). `beforePart` is awaited before each part of the first read after
 * the first PARTS_IN_FLIGHT: the caller may pause the read there. Returns the stop.
 */
export function watchEnterpriseIndex(
  db: SotayDb,
  observer: IndexObserver,
  beforePart: () => Promise<void> = () => Promise.resolve(),
): () => void {
  const ranges = indexRanges();
  const parts: (EnterpriseIndexRow[] | undefined)[] = ranges.map(() => undefined);
  let unread = ranges.length;
  // Parts being read: a write re-runs every part it touched, and the index is sent once, in the
  // task after the last of them was read (a bulk write outside a transaction re-runs them one
  // task apart).
  let reading = 0;
  let flushing = false;
  let stopped = false;
  // One report per failure (the parts fail together: a full disk, an evicted database); a part
  // that fails keeps its last rows, and its live query tries again at the next write.
  let reported = false;
  // The index sent is merged from the parts a round per task; a part read again meanwhile
  // starts a new merge, and the older one stops.
  let merges = 0;
  const merge = () => {
    const current = ++merges;
    const steps = mergeInOrder(parts.map((part) => part ?? []));
    const step = () => {
      if (stopped || current !== merges) return;
      const result = steps.next();
      if (result.done) observer.next(result.value);
      else setTimeout(step, 0);
    };
    step();
  };
  const flush = () => {
    flushing = false;
    if (reading === 0) merge();
  };
  const read = (range: KeyRange) => () => {
    reading += 1;
    return readRange(db, range).finally(() => {
      reading -= 1;
    });
  };
  const subscriptions: Subscription[] = [];
  const next = (i: number) => {
    if (i < ranges.length) void beforePart().then(() => subscribe(i));
  };
  const subscribe = (i: number) => {
    const range = ranges[i];
    if (stopped || range === undefined) return;
    let first = true;
    const subscription = liveQuery(read(range)).subscribe({
      next: (rows) => {
        reported = false;
        if (first) {
          first = false;
          // The next part's query starts in a task of its own.
          setTimeout(() => next(i + PARTS_IN_FLIGHT), 0);
        }
        if (parts[i] === undefined) unread -= 1;
        parts[i] = rows;
        if (unread > 0 || reading > 0 || flushing) return;
        flushing = true;
        setTimeout(flush, 0);
      },
      error: (error: unknown) => {
        if (first) {
          first = false;
          setTimeout(() => next(i + PARTS_IN_FLIGHT), 0);
        }
        if (reported) return;
        reported = true;
        observer.error(error);
      },
    });
    subscriptions.push(subscription);
  };
  for (let i = 0; i < PARTS_IN_FLIGHT; i++) subscribe(i);
  return () => {
    stopped = true;
    for (const subscription of subscriptions) subscription.unsubscribe();
  };
}
