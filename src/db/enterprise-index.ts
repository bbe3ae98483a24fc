import type { IntervalTree, ObservabilitySet } from 'dexie';
import type { SotayDb } from './database';
import { onTablesChanged, tablePart } from './idb';
import { loadEnterpriseIndex, toIndexRow } from './repositories/enterprise-reads';
import type { EnterpriseIndexRow } from './search';

/** Above this many changed rows, reading the whole table again is as cheap. */
const MAX_ROWS_PATCHED = 500;

export type IndexObserver = {
  next: (index: readonly EnterpriseIndexRow[]) => void;
  error: (error: unknown) => void;
};

/**
 * Keeps the search index of every enterprise current for as long as it is watched: the whole
 * table once, then only the rows each write changed. A full read of 10,000 enterprises costs a
 * slow phone most of a second of its main thread, and every visit save writes an enterprise.
 * Writes whose rows Dexie does not name (a clear, a bulk import, another tab restored from the
 * back-forward cache) read everything again. Returns the stop.
 */
export function watchEnterpriseIndex(db: SotayDb, observer: IndexObserver): () => void {
  const part = tablePart(db, 'enterprises');
  const rows = new Map<string, EnterpriseIndexRow>();
  let pending: Set<string> | 'all' | undefined = 'all';
  let running = false;
  let stopped = false;

  const update = async () => {
    if (running) return;
    running = true;
    try {
      while (pending !== undefined && !stopped) {
        const work = pending;
        pending = undefined;
        if (work === 'all') await readAll(db, rows);
        else await readRows(db, rows, [...work]);
        if (!stopped) observer.next([...rows.values()]);
      }
    } catch (error) {
      // The next change tries again from the whole table.
      pending = 'all';
      if (!stopped) observer.error(error);
    } finally {
      running = false;
    }
  };

  const stopListening = onTablesChanged(db, ['enterprises'], (parts) => {
    const changed = changedEnterprises(parts, part);
    if (changed.length === 0) return;
    if (changed === 'all' || pending === 'all') pending = 'all';
    else {
      pending ??= new Set();
      for (const id of changed) pending.add(id);
      if (pending.size > MAX_ROWS_PATCHED) pending = 'all';
    }
    void update();
  });

  void update();
  return () => {
    stopped = true;
    stopListening();
  };
}

async function readAll(db: SotayDb, rows: Map<string, EnterpriseIndexRow>): Promise<void> {
  const all = await loadEnterpriseIndex(db);
  rows.clear();
  for (const row of all) rows.set(row.id, row);
}

async function readRows(
  db: SotayDb,
  rows: Map<string, EnterpriseIndexRow>,
  ids: string[],
): Promise<void> {
  const found = await db.enterprises.bulkGet(ids);
  for (const [i, id] of ids.entries()) {
    const row = found[i];
    if (row === undefined) rows.delete(id);
    else rows.set(id, toIndexRow(row));
  }
}

/**
 * The ids of the enterprises a write changed, from Dexie's description of it: [] when it did not
 * touch the table, 'all' when it does not name the rows (a range, the whole table).
 */
export function changedEnterprises(parts: ObservabilitySet, part: string): string[] | 'all' {
  if ('all' in parts) return 'all';
  const changed = parts[part];
  if (changed === undefined) return [];
  const ids: string[] = [];
  return collectKeys(changed, ids) ? ids : 'all';
}

/** Walks the interval tree (a plain object when it came from another tab): keys only, no ranges. */
function collectKeys(node: IntervalTree | null | undefined, ids: string[]): boolean {
  if (node === null || node === undefined || !('from' in node)) return true;
  if (typeof node.from !== 'string' || node.from !== node.to) return false;
  ids.push(node.from);
  return collectKeys(node.l, ids) && collectKeys(node.r, ids);
}
