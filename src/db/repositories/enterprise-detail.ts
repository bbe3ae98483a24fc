import Dexie from 'dexie';
import type { SotayDb } from '../database';
import type { EnterpriseRow, VisitRow } from '../rows';
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
 * Everything the enterprise page shows, read in one transaction: one consistent picture (a visit
 * saved meanwhile is either in all three or in none). Same results as getEnterprise, listVisits
 * and countApplications (their test compares them); those stay separate so that the first
 * screen's bundle does not carry the signup repository.
 */
export function loadEnterpriseDetail(db: SotayDb, id: string): Promise<EnterpriseDetail> {
  return db.transaction('r', ENTERPRISE_DETAIL_TABLES, async () => {
    // Plain requests: a forward read of the index (one getAll, where a reverse read walks a
    // cursor row by row) and a count per status (where anyOf walks a cursor too).
    const [enterprise, visits, ...counts] = await Promise.all([
      db.enterprises.get(id),
      db.visits
        .where('[enterpriseId+visitedAt]')
        .between([id, Dexie.minKey], [id, Dexie.maxKey])
        .toArray(),
      ...APPLICATION_STATUSES.map((status) =>
        db.signups.where('[enterpriseId+status]').equals([id, status]).count(),
      ),
    ]);
    return {
      enterprise,
      visits: visits.reverse(),
      applications: counts.reduce((sum, count) => sum + count, 0),
    };
  });
}
