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
type Preloaded = {
  id: string;
  detail?: EnterpriseDetail;
  /** Something the page reads was written after the read began: not to be shown. */
  changed: boolean;
  stop: () => void;
};

let preloaded: Preloaded | undefined;

export async function preloadEnterpriseDetail(id: string): Promise<void> {
  const entry: Preloaded = { id, changed: false, stop: () => undefined };
  // Listening before the read: a write after its snapshot makes it stale, never unseen.
  entry.stop = onTablesChanged(appDb(), ENTERPRISE_DETAIL_TABLES, () => {
    entry.changed = true;
  });
  try {
    entry.detail = await loadEnterpriseDetail(appDb(), id);
  } catch (error) {
    entry.stop();
    throw error;
  }
  // Two taps in a row: the later read replaces the earlier, whichever finished first.
  dropPreloaded();
  preloaded = entry;
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
