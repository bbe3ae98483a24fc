import Dexie from 'dexie';
import {
  acceptSignups,
  type IdNumberHolder,
  idNumberKey,
  rejectSignup,
} from '../../shared/domain/admission';
import { fieldIssue } from '../../shared/domain/issues';
import type { Actor } from '../../shared/domain/roles';
import type { Decision, SignupRecord } from '../../shared/schemas';
import type { Issue } from '../../shared/vn/issue';
import { nowIso } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage, ValidationError } from '../errors';
import { type EnterpriseRow, type SignupRow, toServerRecord, type UnitRow } from '../rows';
import { protectRecord, revealRows, sealForServer, withProtection } from '../vault';
import { ChangedMeanwhile, sameRecord } from './changed-meanwhile';
import {
  type LocalChange,
  type LocalWrite,
  readOutboxStates,
  writeLocalChange,
  writeLocalChanges,
} from './local-change';
import { writeRefusals } from './supervision';

/**
 * The supervisor's admissions (duyệt đơn, docs/design.md §3): the queue of submitted
 * applications, and decisions on them. A decision is judged on the device by the functions the
 * server runs (acceptSignups, rejectSignup, checkWriteRules), then stored with its outbox rows
 * through writeLocalChanges: one transaction for all the applications of one decision, their
 * records in one request and their outbox rows in another.
 *
 * The applicants' identities are personal fields, encrypted at rest (docs/design.md §6): the
 * queue and a decision read them revealed, which needs the unlocked app, and nothing derived
 * from them is stored in clear or indexed (an index of ID numbers would be a list of them). So
 * the duplicate warnings (one ID number among the waiting applications and the members) need
 * every waiting and accepted application revealed: the whole queue's read, after the first
 * screen is painted. A decision is judged on the rows as read and revealed BEFORE its
 * transaction, encrypted and sealed for the server there too (Web Crypto inside the transaction
 * would let IndexedDB commit it); the transaction checks the rows did not change meanwhile, else
 * the decision is judged again.
 */

/** Who else holds an ID number: submitted and accepted applications, by idNumberKey. */
export type IdNumberIndex = ReadonlyMap<string, readonly IdNumberHolder[]>;

export type AdmissionQueue = {
  /** Submitted applications, the earliest signed first: all of them when `complete`. */
  waiting: SignupRow[];
  /** How many applications wait. */
  total: number;
  /**
   * Whether `waiting` holds every waiting application. The first screen holds the first rows
   * only: no filter or "select all" works on it yet.
   */
  complete: boolean;
  /** The enterprises of the waiting applications. */
  enterprises: ReadonlyMap<string, EnterpriseRow>;
  units: UnitRow[];
  /**
   * The holders of every waiting and accepted application's ID number, for the duplicate
   * warnings; undefined on the first screen (the check needs them all revealed: still running).
   */
  idNumbers: IdNumberIndex | undefined;
};

export const ADMISSION_TABLES = ['signups', 'enterprises', 'units'] as const;

function holderOf(row: SignupRow): IdNumberHolder {
  return { id: row.id, status: row.status, idNumber: row.idNumber };
}

function indexIdNumbers(rows: readonly SignupRow[]): Map<string, IdNumberHolder[]> {
  const index = new Map<string, IdNumberHolder[]>();
  for (const row of rows) {
    const key = idNumberKey(row.idNumber);
    if (key === '') continue;
    const list = index.get(key);
    if (list === undefined) index.set(key, [holderOf(row)]);
    else list.push(holderOf(row));
  }
  return index;
}

/** The submitted applications in the queue's order (signed first, then id): the index's order. */
function waitingInOrder(db: SotayDb) {
  return db.signups
    .where('[status+signedAt]')
    .between(['submitted', Dexie.minKey], ['submitted', Dexie.maxKey]);
}

async function enterprisesOf(
  db: SotayDb,
  rows: readonly SignupRow[],
): Promise<Map<string, EnterpriseRow>> {
  const ids = [...new Set(rows.map((row) => row.enterpriseId))];
  const enterprises = new Map<string, EnterpriseRow>();
  for (const row of await db.enterprises.bulkGet(ids)) {
    if (row !== undefined) enterprises.set(row.id, row);
  }
  return enterprises;
}

/**
 * The queue's first screen: the `first` earliest signed waiting applications through the
 * [status+signedAt] index, revealed, the count of all, their enterprises and the unit tree: what
 * a dozen rows need, not the 2,000 waiting and the members behind them (issue 12: < 300 ms on a
 * slow phone). No duplicate warnings yet (`idNumbers` undefined): see the note at the top.
 */
export async function loadAdmissionFirstScreen(
  db: SotayDb,
  first: number,
): Promise<AdmissionQueue> {
  const [stored, total, units] = await Promise.all([
    waitingInOrder(db).limit(first).toArray(),
    db.signups.where('status').equals('submitted').count(),
    db.units.toArray(),
  ]);
  const [enterprises, waiting] = await Promise.all([
    enterprisesOf(db, stored),
    revealRows(db, 'signup', stored),
  ]);
  return {
    waiting,
    total,
    complete: waiting.length === total,
    enterprises,
    units,
    idNumbers: undefined,
  };
}

/** Applications read per request of the whole queue: 2,000 at once are one long task. */
export const QUEUE_SLICE = 250;

/**
 * The applications `ids` still of `status`, read and revealed QUEUE_SLICE at a time, in the
 * order of `ids`, `between` awaited before each slice.
 */
async function readInSlices(
  db: SotayDb,
  ids: readonly string[],
  status: 'submitted' | 'accepted',
  between: () => Promise<void>,
): Promise<SignupRow[]> {
  const rows: SignupRow[] = [];
  for (let start = 0; start < ids.length; start += QUEUE_SLICE) {
    await between();
    const found = await db.signups.bulkGet(ids.slice(start, start + QUEUE_SLICE));
    const present = found.filter((row): row is SignupRow => row?.status === status);
    rows.push(...(await revealRows(db, 'signup', present)));
  }
  return rows;
}

/**
 * The whole queue: every waiting application in order, revealed, their enterprises, the unit
 * tree, and the holders of their ID numbers (the waiting ones themselves, and the members, all
 * revealed: nothing stored tells whose ID number is whose). The applications are read
 * QUEUE_SLICE at a time by their keys (the index's order, read without the records), `between`
 * awaited before each slice: a screen lets the browser paint and answer taps there instead of
 * taking the 4,000 rows in one task. A write between two slices makes the screen read again
 * (useLoad), and an application gone by then is left out.
 */
export async function loadAdmissionQueue(
  db: SotayDb,
  between: () => Promise<void> = () => Promise.resolve(),
): Promise<AdmissionQueue> {
  const [waitingIds, acceptedIds, units] = await Promise.all([
    waitingInOrder(db).primaryKeys(),
    db.signups.where('status').equals('accepted').primaryKeys(),
    db.units.toArray(),
  ]);
  const waiting = await readInSlices(db, waitingIds, 'submitted', between);
  const accepted = await readInSlices(db, acceptedIds, 'accepted', between);
  return {
    waiting,
    total: waiting.length,
    complete: true,
    enterprises: await enterprisesOf(db, waiting),
    units,
    idNumbers: indexIdNumbers([...waiting, ...accepted]),
  };
}

export type AdmissionResult = {
  accepted: string[];
  /** Applications the decision could not admit, with why (nothing of theirs was written). */
  refused: { id: string; issues: Issue[] }[];
};

type DecisionContext = {
  /** The decided applications, revealed. */
  rows: Map<string, SignupRow>;
  /** The same as stored (protected): what the writes build on and the transaction compares. */
  stored: Map<string, SignupRow>;
  /** The ids of the accepted applications as read: the transaction compares them too. */
  acceptedIds: string[];
  units: UnitRow[];
  enterprises: { id: string; unitId: string }[];
  members: Map<string, IdNumberHolder[]>;
};

/** Read and revealed before the decision's transaction (see the note at the top). */
async function readDecisionContext(db: SotayDb, ids: readonly string[]): Promise<DecisionContext> {
  const [found, units, acceptedStored] = await Promise.all([
    db.signups.bulkGet([...ids]),
    db.units.toArray(),
    db.signups.where('status').equals('accepted').toArray(),
  ]);
  const present = found.filter((row): row is SignupRow => row !== undefined);
  const [revealed, accepted] = await Promise.all([
    revealRows(db, 'signup', present),
    revealRows(db, 'signup', acceptedStored),
  ]);
  const rows = new Map(revealed.map((row) => [row.id, row]));
  const stored = new Map(present.map((row) => [row.id, row]));
  const enterpriseIds = [...new Set(present.map((row) => row.enterpriseId))];
  const enterprises = (await db.enterprises.bulkGet(enterpriseIds)).flatMap((row) =>
    row === undefined ? [] : [{ id: row.id, unitId: row.unitId }],
  );
  return {
    rows,
    stored,
    acceptedIds: acceptedStored.map((row) => row.id),
    units,
    enterprises,
    members: indexIdNumbers(accepted),
  };
}

/** In the decision's transaction: the rows it was judged on are still those stored. */
async function checkUnchanged(
  db: SotayDb,
  ids: readonly string[],
  context: DecisionContext,
): Promise<void> {
  const [found, acceptedIds] = await Promise.all([
    db.signups.bulkGet([...ids]),
    db.signups.where('status').equals('accepted').primaryKeys(),
  ]);
  const same =
    found.every((row, i) => sameRecord(row, context.stored.get(ids[i] ?? ''))) &&
    sameRecord([...acceptedIds].sort(), [...context.acceptedIds].sort());
  if (!same) throw new ChangedMeanwhile();
}

/** A decided application ready to be written: stored form and seal made before the transaction. */
type Prepared = { change: LocalChange; existing: SignupRow | undefined };

async function prepare(
  db: SotayDb,
  record: SignupRecord,
  existing: SignupRow | undefined,
): Promise<Prepared> {
  const [encrypted, sealed] = await Promise.all([
    protectRecord(db, 'signup', record),
    sealForServer(db, 'signup', record),
  ]);
  const data = withProtection('signup', record, encrypted);
  return {
    change: {
      entity: 'signup',
      entityId: record.id,
      op: 'put',
      data,
      ...(sealed === undefined ? {} : { sealed }),
    },
    existing,
  };
}

/** Runs `attempt` again when its transaction found the rows changed meanwhile (at most 3 times). */
async function retried<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ChangedMeanwhile) || tries >= 3) throw error;
    }
  }
}

/** The server's write rules for one decided application, with what the device knows. */
function writeIssues(
  actor: Actor,
  context: DecisionContext,
  stored: SignupRecord,
  incoming: SignupRecord,
): Issue[] {
  const sameIdNumber = context.members.get(idNumberKey(incoming.idNumber)) ?? [];
  return writeRefusals(
    actor,
    { entity: 'signup', op: 'put', stored, incoming },
    { units: context.units, enterprises: context.enterprises, sameIdNumber },
  );
}

/**
 * Admits the applications `ids` with one decision, in one transaction: each that the shared
 * rules accept (acceptSignups, then checkWriteRules: the role, the issuing unit, one member per
 * ID number — counting those admitted earlier in the same decision) is stored as accepted with
 * its outbox row; the others are returned with their issues and left as they were. The admitted
 * are written by one writeLocalChanges (their records in one request, their outbox rows in
 * another: < 2 s for 200 on a slow phone).
 */
export function acceptApplications(
  db: SotayDb,
  actor: Actor,
  ids: readonly string[],
  decision: Decision,
  today: string,
): Promise<AdmissionResult> {
  const now = nowIso();
  const tables = [db.signups, db.enterprises, db.units, db.outbox, db.shadows];
  return retried(async () => {
    const context = await readDecisionContext(db, ids);
    const { result, accepted } = judgeAcceptance(actor, context, ids, decision, today);
    const prepared = await Promise.all(
      accepted.map((record) => prepare(db, record, context.stored.get(record.id))),
    );
    return guardStorage(() =>
      db.transaction('rw', tables, async () => {
        // The outbox states of the admitted, read beside the check: three requests for 200.
        const [states] = await Promise.all([
          readOutboxStates(
            db,
            'signup',
            prepared.map(({ change }) => change.entityId),
          ),
          checkUnchanged(db, ids, context),
        ]);
        const writes = prepared.flatMap(({ change, existing }): LocalWrite[] => {
          const state = states.get(change.entityId);
          return state === undefined ? [] : [{ change, stored: existing, state }];
        });
        await writeLocalChanges(db, writes, now);
        return result;
      }),
    );
  });
}

/** Which of `ids` one decision admits, and why the others are refused (pure). */
function judgeAcceptance(
  actor: Actor,
  context: DecisionContext,
  ids: readonly string[],
  decision: Decision,
  today: string,
): { result: AdmissionResult; accepted: SignupRecord[] } {
  const result: AdmissionResult = { accepted: [], refused: [] };
  const accepted: SignupRecord[] = [];
  const missing = ids.filter((id) => !context.rows.has(id));
  for (const id of missing) {
    result.refused.push({ id, issues: [fieldIssue('signup', 'id', 'invalid')] });
  }
  const stored = [...context.rows.values()].map((row) => toServerRecord('signup', row));
  const outcome = acceptSignups(stored, decision, today);
  result.refused.push(...outcome.refused);
  for (const incoming of outcome.accepted) {
    const row = context.rows.get(incoming.id);
    const before = row === undefined ? undefined : toServerRecord('signup', row);
    const issues = before === undefined ? [] : writeIssues(actor, context, before, incoming);
    if (issues.length > 0) {
      result.refused.push({ id: incoming.id, issues });
      continue;
    }
    const key = idNumberKey(incoming.idNumber);
    const holder: IdNumberHolder = { id: incoming.id, status: 'accepted', idNumber: key };
    context.members.set(key, [...(context.members.get(key) ?? []), holder]);
    result.accepted.push(incoming.id);
    accepted.push(incoming);
  }
  return { result, accepted };
}

/** Rejects one submitted application with a reason (required); throws ValidationError otherwise. */
export function rejectApplication(
  db: SotayDb,
  actor: Actor,
  id: string,
  reason: string,
): Promise<SignupRecord> {
  const now = nowIso();
  const tables = [db.signups, db.enterprises, db.units, db.outbox, db.shadows];
  return retried(async () => {
    const context = await readDecisionContext(db, [id]);
    const row = context.rows.get(id);
    if (row === undefined) {
      throw new ValidationError('signup', [fieldIssue('signup', 'id', 'invalid')]);
    }
    const stored = toServerRecord('signup', row);
    const { value, issues } = rejectSignup(stored, reason);
    if (value === undefined) throw new ValidationError('signup', issues);
    const refused = writeIssues(actor, context, stored, value);
    if (refused.length > 0) throw new ValidationError('signup', refused);
    const { change, existing } = await prepare(db, value, context.stored.get(id));
    return guardStorage(() =>
      db.transaction('rw', tables, async () => {
        await checkUnchanged(db, [id], context);
        await writeLocalChange(db, change, existing, now);
        return value;
      }),
    );
  });
}
