import type { SotayDb } from '../database';
import type { EnterpriseRow, VisitRow } from '../rows';
import { getEnterprise } from './enterprise-reads';
import { countApplications } from './signups';
import { listVisits } from './visits';

export type EnterpriseDetail = {
  enterprise: EnterpriseRow | undefined;
  /** Newest first. */
  visits: VisitRow[];
  /** Submitted and accepted applications. */
  applications: number;
};

/**
 * Everything the enterprise page shows, read in one transaction: one consistent picture (a visit
 * saved meanwhile is either in all three or in none), and one transaction instead of three.
 */
export function loadEnterpriseDetail(db: SotayDb, id: string): Promise<EnterpriseDetail> {
  return db.transaction('r', [db.enterprises, db.visits, db.signups], async () => {
    const [enterprise, visits, applications] = await Promise.all([
      getEnterprise(db, id),
      listVisits(db, id),
      countApplications(db, id),
    ]);
    return { enterprise, visits, applications };
  });
}
