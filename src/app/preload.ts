import {
  ENTERPRISE_DETAIL_TABLES,
  type EnterpriseDetail,
  loadEnterpriseDetail,
  onTablesChanged,
} from '../db';
import { appDb } from './db';

/*
 * The enterprise page's data read before the page is shown: it then opens with them in its
 * first frame, instead of a "loading" frame and a second render (a slow phone paints that
 * frame for nothing). One at a time; taken once.
 */
type Preloaded = { id: string; detail: EnterpriseDetail; stop: () => void; changed: boolean };

let preloaded: Preloaded | undefined;

export async function preloadEnterpriseDetail(id: string): Promise<void> {
  dropPreloaded();
  // Listening before the read: a write after its snapshot makes it stale, never unseen.
  let changed = false;
  const stop = onTablesChanged(appDb(), ENTERPRISE_DETAIL_TABLES, () => {
    changed = true;
    if (preloaded !== undefined) preloaded.changed = true;
  });
  try {
    const detail = await loadEnterpriseDetail(appDb(), id);
    // Two taps in a row: the later read replaces the earlier, whichever finished first.
    dropPreloaded();
    preloaded = { id, detail, stop, changed };
  } catch (error) {
    stop();
    throw error;
  }
}

/** The preloaded data of enterprise `id` if nothing changed since it was read, once. */
export function takePreloadedDetail(id: string): EnterpriseDetail | undefined {
  const entry = preloaded;
  dropPreloaded();
  return entry?.id === id && !entry.changed ? entry.detail : undefined;
}

function dropPreloaded(): void {
  preloaded?.stop();
  preloaded = undefined;
}
