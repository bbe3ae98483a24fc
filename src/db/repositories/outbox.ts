import type { AnySyncRecord, PushResult } from '../../shared/protocol';
import type { Issue } from '../../shared/vn/issue';
import { nowIso } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage } from '../errors';
import type { OutboxRow } from '../rows';
import { protectAny } from '../vault';
import { type Acknowledged, acknowledgeRows } from './acknowledge';
import { CONFLICT_TABLES, resolveConflict } from './conflict';
import { syncRecordOf, syncTable } from './entity-tables';
import { entityOutboxRows, writeLocalChange } from './local-change';
import { settleEntity } from './settle';

/**
 * The outbox as the sync layer sees it (docs/design.md §6). Rows leave in seq order; a row's payload is
 * frozen from its first send, which markAttempt records before the request goes out.
 */

/** Rows waiting to be pushed, oldest first. */
export function pendingOutbox(db: SotayDb, limit: number): Promise<OutboxRow[]> {
  // Index entries with equal keys are ordered by primary key, so this is seq order.
  return db.outbox.where('state').equals('pending').limit(limit).toArray();
}

/** Rows the server refused, for the screen where the user fixes, resends or discards them. */
export function listRejected(db: SotayDb): Promise<OutboxRow[]> {
  return db.outbox.where('state').equals('rejected').toArray();
}

export type OutboxCount = { pending: number; rejected: number; total: number };

export async function outboxCount(db: SotayDb): Promise<OutboxCount> {
  const [pending, rejected] = await Promise.all([
    db.outbox.where('state').equals('pending').count(),
    db.outbox.where('state').equals('rejected').count(),
  ]);
  return { pending, rejected, total: pending + rejected };
}

/**
 * Records an attempt on each pending row BEFORE it is sent, and returns the rows as they are now:
 * send exactly these payloads. A local edit made after this point becomes a new mutation instead of
 * changing a payload the server may already have.
 */
export function markAttempt(db: SotayDb, seqs: readonly number[]): Promise<OutboxRow[]> {
  const now = nowIso();
  return guardStorage(() =>
    db.transaction('rw', db.outbox, async () => {
      const rows = (await db.outbox.bulkGet([...seqs])).filter(
        (row): row is OutboxRow => row?.state === 'pending',
      );
      const marked = rows.map((row) => ({
        ...row,
        attempts: row.attempts + 1,
        firstSentAt: row.firstSentAt ?? now,
      }));
      await db.outbox.bulkPut(marked);
      return marked;
    }),
  );
}

export type Acknowledgement = { version?: number; data?: AnySyncRecord };

/**
 * The server applied the row (or had already: `duplicate`). Removes it, stores the new version on
 * the entity row and the shadow; when nothing else of the entity waits, the entity takes the
 * server's copy. Without a version only the row is removed. False when the row was gone.
 */
export function acknowledge(db: SotayDb, seq: number, ack: Acknowledgement): Promise<boolean> {
  return guardStorage(() =>
    db.transaction('rw', CONFLICT_TABLES, async () => {
      const [found] = await acknowledgeRows(db, [{ seq, ...ack }]);
      return found === true;
    }),
  );
}

/** A push's answer for the outbox row `seq` (the row as it was sent). */
export type PushAnswer = { seq: number; result: PushResult };

/**
 * Applies the answers of one push in ONE transaction: applied and duplicate rows are
 * acknowledged, conflicts merged and queued again, refusals quarantined. A failure (a full
 * disk) leaves every row as it was, to be sent again and answered `duplicate`.
 */
export async function applyPushAnswers(
  db: SotayDb,
  received: readonly PushAnswer[],
): Promise<void> {
  const answers = await protectAnswers(db, received);
  return guardStorage(() =>
    db.transaction('rw', CONFLICT_TABLES, async () => {
      await applyAnswersInOrder(db, answers);
    }),
  );
}

/** The server's copies in conflict answers, personal fields encrypted before the transaction. */
function protectAnswers(db: SotayDb, answers: readonly PushAnswer[]): Promise<PushAnswer[]> {
  return Promise.all(
    answers.map(async (answer) => {
      const { current } = answer.result;
      if (answer.result.status !== 'conflict' || typeof current !== 'object' || current === null) {
        return answer;
      }
      const row = await db.outbox.get(answer.seq);
      if (row === undefined) return answer;
      return {
        ...answer,
        result: { ...answer.result, current: await protectAny(db, row.entity, current) },
      };
    }),
  );
}

/**
 * The answers in order; each run of applied and duplicate rows is acknowledged at once
 * (acknowledgeRows), the others one by one between them.
 */
async function applyAnswersInOrder(db: SotayDb, answers: readonly PushAnswer[]): Promise<void> {
  let acks: Acknowledged[] = [];
  for (const { seq, result } of answers) {
    if (result.status === 'applied' || result.status === 'duplicate') {
      acks.push(result.version === undefined ? { seq } : { seq, version: result.version });
      continue;
    }
    await acknowledgeRows(db, acks);
    acks = [];
    await applyRefusal(db, seq, result);
  }
  await acknowledgeRows(db, acks);
}

async function applyRefusal(db: SotayDb, seq: number, result: PushResult): Promise<void> {
  if (result.status === 'conflict') {
    await resolveConflict(db, seq, result.current ?? null, result.currentByName);
    return;
  }
  await quarantine(
    db,
    seq,
    result.error?.fields?.length
      ? result.error.fields.map((field) => ({ ...field, level: 'error' as const }))
      : (result.error?.message ?? 'rejected'),
  );
}

/** The server refused the row: keep it, with the reason, for the user to see. Never dropped. */
export function quarantine(
  db: SotayDb,
  seq: number,
  reason: Issue[] | string | Error,
): Promise<boolean> {
  const detail = Array.isArray(reason)
    ? { issues: reason }
    : { lastError: typeof reason === 'string' ? reason : reason.message };
  return guardStorage(async () => {
    const updated = await db.outbox.update(seq, { state: 'rejected', ...detail });
    return updated > 0;
  });
}

/**
 * The user gives up a refused change: the row goes and the record returns to the server's copy
 * (or disappears when the server never had it), unless later changes of it still wait.
 */
export function discardRejected(db: SotayDb, seq: number): Promise<boolean> {
  return takeRejected(db, seq, (row) => settleEntity(db, row.entity, row.entityId));
}

/**
 * Tries a refused change again. The server answers a known mutationId with its recorded result, so
 * this queues a NEW mutation carrying the record as it is now (the user may have fixed it), at the
 * end of the outbox, with the usual baseVersion rules.
 */
export function resend(db: SotayDb, seq: number): Promise<boolean> {
  const now = nowIso();
  return takeRejected(db, seq, async (row) => {
    const current = await syncTable(db, row.entity).get(row.entityId);
    const data = current === undefined ? row.data : syncRecordOf(current);
    const change = { entity: row.entity, entityId: row.entityId, op: row.op };
    await writeLocalChange(db, data === undefined ? change : { ...change, data }, current, now);
  });
}

/**
 * Removes a rejected row and runs `then` with it, in one transaction over the outbox, the shadows
 * and every synced table; false (and nothing changed) when the row is gone or not rejected.
 */
function takeRejected(
  db: SotayDb,
  seq: number,
  then: (row: OutboxRow) => Promise<unknown>,
): Promise<boolean> {
  return guardStorage(() =>
    db.transaction('rw', CONFLICT_TABLES, async () => {
      const row = await db.outbox.get(seq);
      if (row?.state !== 'rejected') return false;
      await db.outbox.delete(seq);
      await then(row);
      return true;
    }),
  );
}

export { entityOutboxRows };
