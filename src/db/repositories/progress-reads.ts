import type {
  IndicatorData,
  IndicatorEnterprise,
  IndicatorSignup,
} from '../../shared/domain/indicators';
import type { Enterprise, Stage, Visit } from '../../shared/schemas';
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

/** What the headline figures need, and nothing more (see loadProgressHeadline). */
export type ProgressHeadline = ProgressReference & { indicators: IndicatorData };

/**
 * Stages at which an enterprise can hold a founding: `founded`, and the side states it may move
 * to while keeping it (docs/design.md §3: moving back into the pipeline undoes the founding).
 */
const FOUNDING_STAGES: readonly Stage[] = ['founded', 'refused', 'closed', 'has_union'];

/**
 * The records behind the headline figures, read narrowly so that they show before the rest: the
 * accepted applications (by the status index), each enterprise's unit (index keys, no rows) and
 * only the enterprises at a stage that can hold a founding. The full read (loadProgressRecords)
 * follows and is the one every other figure is computed from.
 */
export function loadProgressHeadline(db: SotayDb): Promise<ProgressHeadline> {
  const tables = [db.units, db.targets, db.indicatorEntries, db.signups, db.enterprises];
  return db.transaction('r', tables, async () => {
    const [units, targets, entries, accepted, founding] = await Promise.all([
      db.units.toArray(),
      db.targets.toArray(),
      db.indicatorEntries.toArray(),
      db.signups.where('status').equals('accepted').toArray(),
      db.enterprises.where('stage').anyOf(FOUNDING_STAGES).toArray(),
    ]);
    const keysByUnit = await Promise.all(
      units.map((unit) => db.enterprises.where('unitId').equals(unit.id).primaryKeys()),
    );
    const foundingIds = new Set(founding.map((enterprise) => enterprise.id));
    const enterprises: IndicatorEnterprise[] = founding.map(indicatorEnterprise);
    units.forEach((unit, i) => {
      for (const id of keysByUnit[i] ?? []) {
        if (!foundingIds.has(id)) enterprises.push({ id, unitId: unit.id });
      }
    });
    return {
      units,
      targets,
      indicators: { enterprises, signups: accepted.map(progressSignup), entries },
    };
  });
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

const DAY_MS = 24 * 60 * 60 * 1000;

function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

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
