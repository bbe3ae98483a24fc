import type { SotayDb } from '../database';
import { rawRead } from '../idb';
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
 * saved meanwhile is either in all three or in none). On the raw connection (idb.ts): the page
 * opens from the list, and Dexie's layers cost a slow phone more than the four requests do.
 * Same results as getEnterprise, listVisits and countApplications (their test compares them).
 */
export function loadEnterpriseDetail(db: SotayDb, id: string): Promise<EnterpriseDetail> {
  return rawRead(db, ENTERPRISE_DETAIL_TABLES, async (tx) => {
    const [enterprise, visits, ...counts] = await Promise.all([
      tx.get<EnterpriseRow>('enterprises', id),
      tx.getAllWithPrefix<VisitRow>('visits', '[enterpriseId+visitedAt]', id),
      ...APPLICATION_STATUSES.map((status) =>
        tx.count('signups', '[enterpriseId+status]', [id, status]),
      ),
    ]);
    return {
      enterprise,
      visits: visits.reverse(),
      applications: counts.reduce((sum, count) => sum + count, 0),
    };
  });
}
