import type { SotayDb } from '../database';

/**
 * The number of applications waiting for a decision: the supervisor's navigation shows it on
 * every screen, so it lives apart from the admissions repository (the first screen's budget).
 */
export function countWaitingApplications(db: SotayDb): Promise<number> {
  return db.signups.where('status').equals('submitted').count();
}
