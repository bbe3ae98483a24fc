import Dexie from 'dexie';
import type { SotayDb } from '../database';
import type { EnterpriseRow, VisitRow } from '../rows';
import { revealRows } from '../vault';
import { APPLICATION_STATUSES } from './applications';

export type EnterpriseDetail = {
  enterprise: EnterpriseRow | undefined;
  /** Newest first. */
  visits: VisitRow[];
  /** Submitted and accepted applications. */
  applications: number;
};

/** What loadEnterpriseDetail reads: a change to any of them changes the page. */
export const ENTERPRISE_DETAIL_TABLES = ['enterprises', 'visits', 'signups'] as const;

/**
 * Everything the enterprise page shows. Same results as getEnterprise, listVisits and
 * countApplications (their test compares them); those stay separate so that the first screen's
 * bundle does not carry the signup repository.
 *
 * The tap waits on this read, so its requests leave together as Dexie's single operations, each
 * answered as soon as IndexedDB answers it: a readonly `db.transaction()` resolves only after
 * IndexedDB reports the whole transaction complete, one more hop to the browser's storage
 * process. A write landing between the requests is not missed: the page reads again after every
 * write to these tables (onTablesChanged), and the preloaded copy is dropped when one came.
 */
export function loadEnterpriseDetail(db: SotayDb, id: string): Promise<EnterpriseDetail> {
  // Plain requests: a forward read of the index (one getAll, where a reverse read walks a cursor
  // row by row) and a count per status (where anyOf walks a cursor too).
  return Promise.all([
    db.enterprises.get(id),
    db.visits
      .where('[enterpriseId+visitedAt]')
      .between([id, Dexie.minKey], [id, Dexie.maxKey])
      .toArray(),
    ...APPLICATION_STATUSES.map((status) =>
      db.signups.where('[enterpriseId+status]').equals([id, status]).count(),
    ),
  ]).then(async ([enterprise, visits, ...counts]) => ({
    enterprise,
    visits: await revealRows(db, 'visit', visits.reverse()),
    applications: counts.reduce((sum, count) => sum + count, 0),
  }));
}
