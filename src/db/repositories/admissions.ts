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
import {
  type LocalChange,
  type LocalWrite,
  type OutboxState,
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
  /** The holders of the ID numbers of `waiting`, for the duplicate warnings. */
  idNumbers: IdNumberIndex;
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

/** The distinct ID number keys of `rows` (none for an ID number without letters or digits). */
function keysOf(rows: Iterable<SignupRow>): string[] {
  const keys = new Set<string>();
  for (const row of rows) {
    const key = idNumberKey(row.idNumber);
    if (key !== '') keys.add(key);
  }
  return [...keys];
}

/** The applications of `status` holding one of the ID number keys (the [status+idKey] index). */
function holding(
  db: SotayDb,
  status: 'submitted' | 'accepted',
  keys: readonly string[],
): Promise<SignupRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db.signups
    .where('[status+idKey]')
    .anyOf(keys.map((key) => [status, key]))
    .toArray();
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
 * [status+signedAt] index, the count of all, their enterprises, the unit tree, and the
 * applications and members holding their ID numbers through [status+idKey]: what a dozen rows
 * need, not the 2,000 waiting and the members behind them (issue 12: < 300 ms on a slow phone).
 */
export async function loadAdmissionFirstScreen(
  db: SotayDb,
  first: number,
): Promise<AdmissionQueue> {
  const [waiting, total, units] = await Promise.all([
    waitingInOrder(db).limit(first).toArray(),
    db.signups.where('status').equals('submitted').count(),
    db.units.toArray(),
  ]);
  const keys = keysOf(waiting);
  const [enterprises, submitted, accepted] = await Promise.all([
    enterprisesOf(db, waiting),
    holding(db, 'submitted', keys),
    holding(db, 'accepted', keys),
  ]);
  return {
    waiting,
    total,
    complete: waiting.length === total,
    enterprises,
    units,
    idNumbers: indexIdNumbers([...submitted, ...accepted]),
  };
}

/** Applications read per request of the whole queue: 2,000 at once are one long task. */
export const QUEUE_SLICE = 250;

/**
 * The whole queue: every waiting application in order, their enterprises, the unit tree, and
 * the holders of their ID numbers (the waiting ones themselves, and the members sharing one).
 * The applications are read QUEUE_SLICE at a time by their keys (the index's order, read without
 * the records), `between` awaited before each slice: a screen lets the browser paint and answer
 * taps there instead of taking the 2,000 rows in one task. A write between two slices makes the
 * screen read again (useLoad), and an application gone by then is left out.
 */
export async function loadAdmissionQueue(
  db: SotayDb,
  between: () => Promise<void> = () => Promise.resolve(),
): Promise<AdmissionQueue> {
  const [ids, units] = await Promise.all([waitingInOrder(db).primaryKeys(), db.units.toArray()]);
  const waiting: SignupRow[] = [];
  for (let start = 0; start < ids.length; start += QUEUE_SLICE) {
    await between();
    for (const row of await db.signups.bulkGet(ids.slice(start, start + QUEUE_SLICE))) {
      if (row?.status === 'submitted') waiting.push(row);
    }
  }
  const [enterprises, accepted] = await Promise.all([
    enterprisesOf(db, waiting),
    holding(db, 'accepted', keysOf(waiting)),
  ]);
  return {
    waiting,
    total: waiting.length,
    complete: true,
    enterprises,
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
  rows: Map<string, SignupRow>;
  units: UnitRow[];
  enterprises: { id: string; unitId: string }[];
  members: Map<string, IdNumberHolder[]>;
  /** The outbox state of each application read (readOutboxStates). */
  outbox: Map<string, OutboxState>;
};

/**
 * Everything a decision reads, in two rounds of requests: the applications, the unit tree and
 * their outbox states; then their enterprises and the members holding their ID numbers.
 */
async function readDecisionContext(db: SotayDb, ids: readonly string[]): Promise<DecisionContext> {
  const [found, units, outbox] = await Promise.all([
    db.signups.bulkGet([...ids]),
    db.units.toArray(),
    readOutboxStates(db, 'signup', ids),
  ]);
  const rows = new Map<string, SignupRow>();
  for (const row of found) if (row !== undefined) rows.set(row.id, row);
  const [enterprises, accepted] = await Promise.all([
    enterprisesOf(db, [...rows.values()]),
    holding(db, 'accepted', keysOf(rows.values())),
  ]);
  return {
    rows,
    units,
    enterprises: [...enterprises.values()].map((row) => ({ id: row.id, unitId: row.unitId })),
    members: indexIdNumbers(accepted),
    outbox,
  };
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
 * its outbox row; the others are returned with their issues and left as they were.
 */
export async function acceptApplications(
  db: SotayDb,
  actor: Actor,
  ids: readonly string[],
  decision: Decision,
  today: string,
): Promise<AdmissionResult> {
  const now = nowIso();
  const tables = [db.signups, db.enterprises, db.units, db.outbox, db.shadows];
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
      const context = await readDecisionContext(db, ids);
      const result: AdmissionResult = { accepted: [], refused: [] };
      const missing = ids.filter((id) => !context.rows.has(id));
      for (const id of missing) {
        result.refused.push({ id, issues: [fieldIssue('signup', 'id', 'invalid')] });
      }
      const stored = [...context.rows.values()].map((row) => toServerRecord('signup', row));
      const outcome = acceptSignups(stored, decision, today);
      result.refused.push(...outcome.refused);
      const writes: LocalWrite[] = [];
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
        const change: LocalChange = {
          entity: 'signup',
          entityId: incoming.id,
          op: 'put',
          data: incoming,
        };
        const state = context.outbox.get(incoming.id);
        if (state !== undefined) writes.push({ change, stored: row, state });
      }
      await writeLocalChanges(db, writes, now);
      return result;
    }),
  );
}

/** Rejects one submitted application with a reason (required); throws ValidationError otherwise. */
export async function rejectApplication(
  db: SotayDb,
  actor: Actor,
  id: string,
  reason: string,
): Promise<SignupRecord> {
  const now = nowIso();
  const tables = [db.signups, db.enterprises, db.units, db.outbox, db.shadows];
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
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
      await writeLocalChange(
        db,
        { entity: 'signup', entityId: id, op: 'put', data: value },
        row,
        now,
        context.outbox.get(id),
      );
      return value;
    }),
  );
}
