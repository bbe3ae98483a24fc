import type {
  IndicatorData,
  IndicatorEnterprise,
  IndicatorSignup,
} from '../../shared/domain/indicators';
import type { Enterprise, Visit } from '../../shared/schemas';
import type { SotayDb, TableName } from '../database';
import type { IndicatorEntryRow, SignupRow, TargetRow, UnitRow } from '../rows';

/**
 * Reads of the progress screens (Tiến độ, Rà soát): what the device holds since its last pull,
 * for the indicator functions of src/shared/domain. Nothing here writes.
 */

/** Every table the progress screens read: a write to any of them reads again. */
export const PROGRESS_TABLES: readonly TableName[] = [
  'enterprises',
  'signups',
  'indicatorEntries',
  'targets',
  'units',
  'visits',
];

export type ProgressReference = {
  units: UnitRow[];
  targets: TargetRow[];
};

/**
 * What the headline figures need, and nothing more (see loadProgressHeadline): the records of
 * the foundings and entries, and the number of admissions of each span (`from`: its first day).
 */
export type ProgressHeadline = ProgressReference & {
  indicators: IndicatorData;
  admitted: { from: string; count: number }[];
};

/** The days the headline is asked about: its period, and the date of the totals in it. */
export type HeadlineDates = { from: string; to: string; asOf?: string | undefined };

const DAY_MS = 24 * 60 * 60 * 1000;

function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The first days of the spans the headline sums, each span running to the next first day: from
 * 1 January of the period's year, through the period, to the day after it. The period's figures
 * and the totals at `asOf` (1 January to `asOf`) are each a run of whole spans.
 */
export function headlineSpans(dates: HeadlineDates): string[] {
  const starts = [`${dates.to.slice(0, 4)}-01-01`, dates.from, shiftDay(dates.to, 1)];
  if (dates.asOf !== undefined) starts.push(shiftDay(dates.asOf, 1));
  return [...new Set(starts)].sort();
}

/**
 * The headline figures' records, read from indexes so that they show before the rest: the
 * admissions of each span of `headlineSpans` as an index count ([status+decision.date]), the
 * enterprises founded in those spans (by the `foundedAt` index), the entries, units and targets
 * as they are. The full read (loadProgressRecords) follows and is the one every other figure is
 * computed from.
 */
export function loadProgressHeadline(db: SotayDb, dates: HeadlineDates): Promise<ProgressHeadline> {
  const starts = headlineSpans(dates);
  const first = starts[0] as string;
  const end = starts.at(-1) as string;
  const admitted = (from: string, to: string) =>
    db.signups
      .where('[status+decision.date]')
      .between(['accepted', from], ['accepted', to], true, false)
      .count();
  // Dexie's single operations, started together and each answered as soon as IndexedDB answers
  // it (a readonly transaction resolves only once it is reported complete, a frame later on a
  // slow phone); the screen reads again after any write to these tables (useLoad).
  return Promise.all([
    db.units.toArray(),
    db.targets.toArray(),
    db.indicatorEntries.toArray(),
    db.enterprises.where('foundedAt').between(first, end, true, false).toArray(),
    Promise.all(starts.slice(0, -1).map((from, i) => admitted(from, starts[i + 1] as string))),
  ]).then(([units, targets, entries, founded, counts]) => ({
    units,
    targets,
    indicators: { enterprises: founded.map(indicatorEnterprise), signups: [], entries },
    admitted: counts.map((count, i) => ({ from: starts[i] as string, count })),
  }));
}

function indicatorEnterprise(enterprise: Enterprise): IndicatorEnterprise {
  const { id, unitId, foundedAt, workerCountAtFounding, workerCount } = enterprise;
  return { id, unitId, foundedAt, workerCountAtFounding, workerCount };
}

/**
 * `local`: written on this device (it has a local time stamp), so before the server names its
 * author the one who wrote it is this device's user.
 */
type LocalMark = { local: boolean };

/** An application as the progress screens count it: no personal field is kept in memory. */
export type ProgressSignup = IndicatorSignup &
  LocalMark & {
    signedAt?: string | undefined;
    decision?: { number: string; date: string; issuedBy: string } | undefined;
  };

function progressSignup(signup: SignupRow): ProgressSignup {
  const { id, enterpriseId, status, authorId, signedAt, localUpdatedAt } = signup;
  // Drafts have no decision; every other status may.
  const decision = signup.status === 'draft' ? undefined : signup.decision;
  return {
    id,
    enterpriseId,
    status,
    decision,
    authorId,
    signedAt,
    local: localUpdatedAt !== undefined,
  };
}

/** An enterprise as the progress screens show it (no contact person). */
export type ProgressEnterprise = Pick<
  Enterprise,
  | 'id'
  | 'name'
  | 'unitId'
  | 'stage'
  | 'unionStatus'
  | 'wardCode'
  | 'industrialPark'
  | 'workerCount'
  | 'femaleWorkerCount'
  | 'operatingSince'
  | 'assignedTo'
  | 'foundedAt'
  | 'foundingDecision'
  | 'workerCountAtFounding'
  | 'membersAtFounding'
>;

function progressEnterprise(row: Enterprise): ProgressEnterprise {
  return {
    id: row.id,
    name: row.name,
    unitId: row.unitId,
    stage: row.stage,
    unionStatus: row.unionStatus,
    wardCode: row.wardCode,
    industrialPark: row.industrialPark,
    workerCount: row.workerCount,
    femaleWorkerCount: row.femaleWorkerCount,
    operatingSince: row.operatingSince,
    assignedTo: row.assignedTo,
    foundedAt: row.foundedAt,
    foundingDecision: row.foundingDecision,
    workerCountAtFounding: row.workerCountAtFounding,
    membersAtFounding: row.membersAtFounding,
  };
}

export type ProgressRecords = ProgressReference & {
  enterprises: ProgressEnterprise[];
  /** Applications sent to the server or decided (drafts are nobody's figure yet). */
  signups: ProgressSignup[];
  entries: IndicatorEntryRow[];
};

/** Every record the progress screens count, in one transaction. */
export function loadProgressRecords(db: SotayDb): Promise<ProgressRecords> {
  const tables = [db.units, db.targets, db.indicatorEntries, db.signups, db.enterprises];
  return db.transaction('r', tables, async () => {
    const [units, targets, entries, signups, enterprises] = await Promise.all([
      db.units.toArray(),
      db.targets.toArray(),
      db.indicatorEntries.toArray(),
      db.signups.toArray(),
      db.enterprises.toArray(),
    ]);
    return {
      units,
      targets,
      entries,
      signups: signups.filter((s) => s.status !== 'draft').map(progressSignup),
      enterprises: enterprises.map(progressEnterprise),
    };
  });
}

/** A visit as the progress screens count it (no one met, no notes). */
export type ProgressVisit = Pick<
  Visit,
  'id' | 'enterpriseId' | 'visitedAt' | 'authorId' | 'workersReached' | 'stageBefore' | 'stageAfter'
> &
  LocalMark;

/**
 * Visits made around `from`–`to` (ISO dates), by the visitedAt index. A time stamp's text starts
 * with its own day, which its offset may move across midnight on Vietnam's calendar: a day more
 * is read on each side, and the caller keeps the visits whose Vietnamese day is in the period.
 */
export async function listVisitsAround(
  db: SotayDb,
  from: string,
  to: string,
): Promise<ProgressVisit[]> {
  const rows = await db.visits
    .where('visitedAt')
    .between(shiftDay(from, -1), `${shiftDay(to, 1)}\uffff`, true, true)
    .toArray();
  return rows.map((visit) => ({
    id: visit.id,
    enterpriseId: visit.enterpriseId,
    visitedAt: visit.visitedAt,
    authorId: visit.authorId,
    workersReached: visit.workersReached,
    stageBefore: visit.stageBefore,
    stageAfter: visit.stageAfter,
    local: visit.localUpdatedAt !== undefined,
  }));
}

/**
 * The time stamp of each enterprise's latest visit, by the [enterpriseId+visitedAt] index: one
 * key per enterprise, no visit read whole. Enterprises never visited are absent.
 */
export function lastVisits(
  db: SotayDb,
  enterpriseIds: readonly string[],
): Promise<Map<string, string>> {
  return db.transaction('r', db.visits, async () => {
    const keys = await Promise.all(
      enterpriseIds.map((id) =>
        db.visits
          .where('[enterpriseId+visitedAt]')
          .between([id, ''], [id, '\uffff'], true, true)
          .reverse()
          .limit(1)
          .keys(),
      ),
    );
    const latest = new Map<string, string>();
    enterpriseIds.forEach((id, i) => {
      const key = keys[i]?.[0];
      if (Array.isArray(key) && typeof key[1] === 'string') latest.set(id, key[1]);
    });
    return latest;
  });
}
