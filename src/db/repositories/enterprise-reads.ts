import { letterKey } from '../../shared/vn/letter-order';
import { addDays } from '../clock';
import type { SotayDb } from '../database';
import type { EnterpriseRow } from '../rows';
import { compareEnterprises, type EnterpriseIndexRow } from '../search';

/*
 * Reads of the enterprise list, detail and follow-ups, apart from the writes in enterprises.ts:
 * the first screen imports only these, so the validation the writes need (Valibot, the
 * Vietnamese checks) stays out of its bundle.
 */

export function getEnterprise(db: SotayDb, id: string): Promise<EnterpriseRow | undefined> {
  return db.enterprises.get(id);
}

/**
 * Compact rows of ALL enterprises for in-memory search (searchEnterprises): one toArray, then
 * only picking fields, so 10,000 rows load in one pass.
 */
export async function loadEnterpriseIndex(db: SotayDb): Promise<EnterpriseIndexRow[]> {
  const rows = await db.enterprises.toArray();
  return rows.map(toIndexRow);
}

/** The fields the list shows and searches. */
export function toIndexRow(row: EnterpriseRow): EnterpriseIndexRow {
  return {
    id: row.id,
    name: row.name,
    taxCode: row.taxCode,
    address: row.address,
    searchKey: row.searchKey,
    stage: row.stage,
    wardCode: row.wardCode,
    unionStatus: row.unionStatus,
    workerCount: row.workerCount,
    assignedTo: row.assignedTo,
    nextFollowUp: row.nextFollowUp,
    listOrder: row.listOrder,
    nameKey: letterKey(row.name),
  };
}

/** The list's first screen: its rows in list order and how many enterprises there are. */
export type FirstScreen = { rows: EnterpriseIndexRow[]; total: number };

/**
 * The first `limit` enterprises in the list's default order (searchEnterprises without a
 * search), from the `listOrder` index: what the list shows while the whole index is read (most
 * of a second of a slow phone for 10,000). The index orders up to the name, so the rows tied
 * with the last one read are read too and the names decide among them.
 */
export function loadFirstScreen(db: SotayDb, limit: number): Promise<FirstScreen> {
  return db.transaction('r', db.enterprises, async () => {
    const [head, total] = await Promise.all([
      db.enterprises.orderBy('listOrder').limit(limit).toArray(),
      db.enterprises.count(),
    ]);
    const last = head.at(-1);
    const ties =
      head.length < limit || last === undefined
        ? []
        : await db.enterprises.where('listOrder').equals(last.listOrder).toArray();
    const rows = new Map([...head, ...ties].map((row) => [row.id, toIndexRow(row)]));
    return { rows: [...rows.values()].sort(compareEnterprises).slice(0, limit), total };
  });
}

export type FollowUps = {
  overdue: EnterpriseRow[];
  today: EnterpriseRow[];
  /** After today, up to and including today + 7 days. */
  thisWeek: EnterpriseRow[];
};

export const FOLLOW_UP_WINDOW_DAYS = 7;

/**
 * Enterprises whose nextFollowUp is past, today or in the next 7 days, each by date: those of
 * `userId` and those nobody follows yet. An enterprise assigned to someone else is theirs to
 * visit (docs/design.md §3, assignments), so its follow-up leaves this list with the assignment.
 */
export async function listFollowUps(
  db: SotayDb,
  today: string,
  userId: string,
): Promise<FollowUps> {
  const weekEnd = addDays(today, FOLLOW_UP_WINDOW_DAYS);
  // The index returns them in nextFollowUp order and skips rows without one.
  const due = await db.enterprises.where('nextFollowUp').belowOrEqual(weekEnd).toArray();
  const result: FollowUps = { overdue: [], today: [], thisWeek: [] };
  for (const row of due) {
    if (row.assignedTo !== undefined && row.assignedTo !== userId) continue;
    const date = row.nextFollowUp ?? '';
    if (date < today) result.overdue.push(row);
    else if (date === today) result.today.push(row);
    else result.thisWeek.push(row);
  }
  return result;
}
