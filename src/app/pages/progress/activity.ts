import type { ProgressSignup, ProgressVisit } from '../../../db';
import {
  inPeriod,
  isSideState,
  type Period,
  stageRank,
  todayInVietnam,
} from '../../../shared/domain';
import type { Stage } from '../../../shared/schemas';

/**
 * What organizers did in a period (per organizer, and "my month"): visits, workers reached,
 * applications collected (by the day they were signed), members admitted from their applications
 * (by the decision's day, as new_members counts them) and enterprises moved forward in the
 * pipeline by their visits.
 */

/** The author of a record nobody on this device can name: pulled without `authorId`. */
export const UNKNOWN_AUTHOR = '';

export type ActivityRecords = {
  visits: ProgressVisit[];
  workersReached: number;
  applications: ProgressSignup[];
  admissions: ProgressSignup[];
  /** Enterprises a visit of the period moved to a later pipeline stage. */
  movedForward: Set<string>;
};

export type ActivityInput = {
  /** Visits read around the period (listVisitsAround): only those of its days count. */
  visits: readonly ProgressVisit[];
  signups: readonly ProgressSignup[];
  /** Each enterprise's unit: only records of `unitIds` count. */
  enterpriseUnit: ReadonlyMap<string, string>;
  unitIds: ReadonlySet<string>;
  period: Period;
  /** This device's user: the author of what was written here and not yet named by the server. */
  selfId: string;
};

/** Who a record counts for: its server-set author, else this device's user if written here. */
export function authorOf(
  record: { authorId?: string | undefined; local: boolean },
  selfId: string,
): string {
  return record.authorId ?? (record.local ? selfId : UNKNOWN_AUTHOR);
}

/** A visit's day on Vietnam's calendar; undefined when its time stamp cannot be read. */
export function visitDay(visitedAt: string): string | undefined {
  const at = Date.parse(visitedAt);
  return Number.isNaN(at) ? undefined : todayInVietnam(new Date(at));
}

/** A visit that moved its enterprise to a later stage of the pipeline. */
export function movesForward(before: Stage | undefined, after: Stage | undefined): boolean {
  if (before === undefined || after === undefined) return false;
  if (isSideState(before) || isSideState(after)) return false;
  return stageRank(after) > stageRank(before);
}

function emptyRecords(): ActivityRecords {
  return {
    visits: [],
    workersReached: 0,
    applications: [],
    admissions: [],
    movedForward: new Set(),
  };
}

/** Every author's records of the period in the units. */
export function activityByAuthor(input: ActivityInput): Map<string, ActivityRecords> {
  const { enterpriseUnit, unitIds, period, selfId } = input;
  const byAuthor = new Map<string, ActivityRecords>();
  const recordsOf = (author: string) => {
    let records = byAuthor.get(author);
    if (!records) {
      records = emptyRecords();
      byAuthor.set(author, records);
    }
    return records;
  };
  const inScope = (enterpriseId: string) => {
    const unit = enterpriseUnit.get(enterpriseId);
    return unit !== undefined && unitIds.has(unit);
  };
  for (const visit of input.visits) {
    if (!inScope(visit.enterpriseId) || !inPeriod(visitDay(visit.visitedAt), period)) continue;
    const records = recordsOf(authorOf(visit, selfId));
    records.visits.push(visit);
    records.workersReached += visit.workersReached ?? 0;
    if (movesForward(visit.stageBefore, visit.stageAfter))
      records.movedForward.add(visit.enterpriseId);
  }
  for (const signup of input.signups) {
    if (signup.status === 'draft' || !inScope(signup.enterpriseId)) continue;
    const author = authorOf(signup, selfId);
    if (inPeriod(signup.signedAt, period)) recordsOf(author).applications.push(signup);
    if (signup.status === 'accepted' && inPeriod(signup.decision?.date, period)) {
      recordsOf(author).admissions.push(signup);
    }
  }
  return byAuthor;
}

export type ActivityCounts = {
  visits: number;
  workersReached: number;
  applications: number;
  admissions: number;
  movedForward: number;
};

export function countActivity(records: ActivityRecords | undefined): ActivityCounts {
  const r = records ?? emptyRecords();
  return {
    visits: r.visits.length,
    workersReached: r.workersReached,
    applications: r.applications.length,
    admissions: r.admissions.length,
    movedForward: r.movedForward.size,
  };
}

export type OrganizerRow = ActivityCounts & { authorId: string };

/** One row per author, the most admissions first, then the most applications, then visits. */
export function organizerRows(byAuthor: ReadonlyMap<string, ActivityRecords>): OrganizerRow[] {
  return [...byAuthor]
    .map(([authorId, records]) => ({ authorId, ...countActivity(records) }))
    .sort(
      (a, b) =>
        b.admissions - a.admissions ||
        b.applications - a.applications ||
        b.visits - a.visits ||
        (a.authorId < b.authorId ? -1 : a.authorId > b.authorId ? 1 : 0),
    );
}
