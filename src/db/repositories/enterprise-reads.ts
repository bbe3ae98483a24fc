import { addDays } from '../clock';
import type { SotayDb } from '../database';
import type { EnterpriseRow } from '../rows';
import type { EnterpriseIndexRow } from '../search';

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
  };
}

export type FollowUps = {
  overdue: EnterpriseRow[];
  today: EnterpriseRow[];
  /** After today, up to and including today + 7 days. */
  thisWeek: EnterpriseRow[];
};

export const FOLLOW_UP_WINDOW_DAYS = 7;

/** Enterprises whose nextFollowUp is past, today or in the next 7 days, each by date. */
export async function listFollowUps(db: SotayDb, today: string): Promise<FollowUps> {
  const weekEnd = addDays(today, FOLLOW_UP_WINDOW_DAYS);
  // The index returns them in nextFollowUp order and skips rows without one.
  const due = await db.enterprises.where('nextFollowUp').belowOrEqual(weekEnd).toArray();
  const result: FollowUps = { overdue: [], today: [], thisWeek: [] };
  for (const row of due) {
    const date = row.nextFollowUp ?? '';
    if (date < today) result.overdue.push(row);
    else if (date === today) result.today.push(row);
    else result.thisWeek.push(row);
  }
  return result;
}
