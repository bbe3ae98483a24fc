import Dexie from 'dexie';
import * as v from 'valibot';
import { fieldIssue, fromValibot } from '../../shared/domain/issues';
import { checkVisit } from '../../shared/domain/visit-check';
import { type Enterprise, enterpriseSchema, type Visit } from '../../shared/schemas';
import { nowIso, timeOf } from '../clock';
import type { SotayDb } from '../database';
import { ValidationError } from '../errors';
import { type EnterpriseRow, toServerRecord, type VisitRow } from '../rows';
import { protectRecord, revealRows, withProtection } from '../vault';
import { type SealFor, sealedWrite } from './changed-meanwhile';
import { enterpriseChange } from './enterprises';
import {
  type LocalChange,
  type LocalWrite,
  type OutboxState,
  readOutboxState,
  writeLocalChange,
  writeLocalChanges,
} from './local-change';
import { withStoredServerFields } from './server-fields';

/**
 * Logs (or edits) a visit. When it is the enterprise's latest visit, the enterprise follows it in
 * the SAME transaction, with its own outbox row:
 * - `stageAfter` differing from the enterprise's stage → stage, stageChangedAt (= visitedAt), and
 *   the visit's stageBefore is filled in when missing;
 * - the visit's nextFollowUp becomes the enterprise's; without one, a follow-up due on or before
 *   the visit's day is cleared (this visit was it).
 * An older visit, logged late or edited, never moves the enterprise back.
 */
export async function logVisit(db: SotayDb, visit: Visit): Promise<Visit> {
  const checked = checkVisit(visit);
  if (checked.value === undefined) throw new ValidationError('visit', checked.issues);
  const value = checked.value;
  const now = nowIso();
  return sealedWrite(db, {
    entity: 'visit',
    tables: [db.visits, db.enterprises, db.outbox, db.shadows],
    guess: toServerRecord('visit', value),
    prepare: (basis) => protectRecord(db, 'visit', value, basis),
    write: (encrypted, sealFor) => saveVisit(db, value, encrypted, sealFor, now),
  });
}

type VisitInputs = [
  existing: VisitRow | undefined,
  enterprise: EnterpriseRow | undefined,
  latest: VisitRow | undefined,
  enterpriseOutbox: OutboxState,
];

/** Every read of a visit save, in one round. */
function readVisitInputs(db: SotayDb, value: Visit): Promise<VisitInputs> {
  return Promise.all([
    db.visits.get(value.id),
    db.enterprises.get(value.enterpriseId),
    visitsOf(db, value.enterpriseId).last(),
    readOutboxState(db, 'enterprise', value.enterpriseId),
  ]);
}

/** The visit as saved and the enterprise it moves, from the save's reads. Pure. */
function planVisit(value: Visit, [existing, enterprise, latest]: VisitInputs) {
  if (enterprise === undefined) {
    throw new ValidationError('visit', [fieldIssue('visit', 'enterpriseId', 'invalid')]);
  }
  const record = withStoredServerFields(value, existing);
  const update = isLatestVisit(latest, record)
    ? enterpriseAfterVisit(enterprise, record)
    : undefined;
  return { enterprise, update, record: update?.visit ?? record };
}

/**
 * The organizer's most frequent write (< 30 ms p95 on a slow phone): every read in one round,
 * then every write in the next, chained on Dexie's promises (a native await in a transaction
 * costs a zone switch).
 */
function saveVisit(
  db: SotayDb,
  value: Visit,
  encrypted: Visit,
  sealFor: SealFor,
  now: string,
): Promise<Visit> {
  return readVisitInputs(db, value).then((inputs) => {
    const [existing, , , enterpriseOutbox] = inputs;
    const { enterprise, update, record } = planVisit(value, inputs);
    const sealed = sealFor(toServerRecord('visit', record));
    // Before the visit's: outbox rows keep their order, and the server takes the enterprise's
    // change before a visit of it.
    const writes: LocalWrite[] = [];
    if (update !== undefined) {
      // Only a stage move can make the enterprise invalid (e.g. `founded` needs a decision); a
      // new follow-up date was checked with the visit.
      const moved =
        update.enterprise.stage === enterprise.stage
          ? update.enterprise
          : validEnterprise(update.enterprise);
      writes.push({ change: enterpriseChange(moved), stored: enterprise, state: enterpriseOutbox });
    }
    const change: LocalChange = {
      entity: 'visit',
      entityId: record.id,
      op: 'put',
      data: withProtection('visit', toServerRecord('visit', record), encrypted),
      ...(sealed === undefined ? {} : { sealed }),
    };
    if (existing === undefined) {
      // A visit new to this device has nothing queued yet: both changes are written at once.
      writes.push({ change, stored: undefined, state: NOTHING_QUEUED });
      return writeLocalChanges(db, writes, now).then(() => record);
    }
    // An edit reads its outbox state after the enterprise's writes left, so the outbox keeps
    // their order.
    return Promise.all([
      writeLocalChanges(db, writes, now),
      writeLocalChange(db, change, existing, now),
    ]).then(() => record);
  });
}

function isLatestVisit(
  latest: Pick<VisitRow, 'id' | 'visitedAt'> | undefined,
  visit: Visit,
): boolean {
  return (
    latest === undefined ||
    latest.id === visit.id ||
    timeOf(visit.visitedAt) >= timeOf(latest.visitedAt)
  );
}

const NOTHING_QUEUED: OutboxState = { rows: [], shadow: undefined };

type VisitEffect = { enterprise: Enterprise; visit: Visit };

/** The enterprise as the visit leaves it; undefined when the visit changes nothing. */
export function enterpriseAfterVisit(
  enterprise: EnterpriseRow,
  visit: Visit,
): VisitEffect | undefined {
  const {
    searchKey: _key,
    listOrder: _order,
    localUpdatedAt: _local,
    nextFollowUp,
    ...rest
  } = enterprise;
  const stageMoves = visit.stageAfter !== undefined && visit.stageAfter !== enterprise.stage;
  const followUp = nextFollowUpAfter(nextFollowUp, visit);
  if (!stageMoves && followUp === nextFollowUp) return undefined;
  const updated: Enterprise = {
    ...rest,
    ...(followUp === undefined ? {} : { nextFollowUp: followUp }),
    ...(stageMoves && visit.stageAfter !== undefined
      ? { stage: visit.stageAfter, stageChangedAt: visit.visitedAt }
      : {}),
  };
  const filled =
    stageMoves && visit.stageBefore === undefined
      ? { ...visit, stageBefore: enterprise.stage }
      : visit;
  return { enterprise: updated, visit: filled };
}

function nextFollowUpAfter(current: string | undefined, visit: Visit): string | undefined {
  if (visit.nextFollowUp !== undefined) return visit.nextFollowUp;
  // visitedAt is local time with its offset, so its first 10 characters are the visit's day.
  const visitDay = visit.visitedAt.slice(0, 10);
  return current !== undefined && current <= visitDay ? undefined : current;
}

/** The enterprise after a stage move must still be valid (e.g. `founded` needs a decision). */
function validEnterprise(enterprise: Enterprise): Enterprise {
  const parsed = v.safeParse(enterpriseSchema, enterprise);
  if (!parsed.success) {
    throw new ValidationError('enterprise', fromValibot('enterprise', parsed.issues));
  }
  return enterprise;
}

function visitsOf(db: SotayDb, enterpriseId: string) {
  return db.visits
    .where('[enterpriseId+visitedAt]')
    .between([enterpriseId, Dexie.minKey], [enterpriseId, Dexie.maxKey]);
}

/** The enterprise's visits, newest first. */
export async function listVisits(db: SotayDb, enterpriseId: string): Promise<VisitRow[]> {
  // Read forward (one getAll) and reversed here: a reverse read walks a cursor row by row.
  return revealRows(db, 'visit', (await visitsOf(db, enterpriseId).toArray()).reverse());
}
