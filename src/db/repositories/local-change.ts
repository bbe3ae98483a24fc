import type { AnySyncRecord, MutationOp, ReplacedValue } from '../../shared/protocol';
import type { SealedEnvelope } from '../../shared/protocol/sealed';
import type { SyncEntity } from '../../shared/schemas';
import { newId } from '../clock';
import type { SotayDb } from '../database';
import type { OutboxRow, ShadowRow } from '../rows';
import { syncTable, toStoredRow } from './entity-tables';
import { planMutation } from './outbox-plan';

/** A change the user made to a synced record: what its outbox row will send. */
export type LocalChange = {
  entity: SyncEntity;
  entityId: string;
  op: MutationOp;
  /** The whole record after the change (a put); absent for a delete. */
  data?: AnySyncRecord;
  /** A merge's put: the server's values it overwrites (docs/design.md §6). */
  replaced?: ReplacedValue[];
  /** The same record sealed for the server (vault/sealForServer), made before the transaction. */
  sealed?: SealedEnvelope;
};

/** The entity's outbox rows, oldest first. */
export function entityOutboxRows(
  db: SotayDb,
  entity: SyncEntity,
  entityId: string,
): Promise<OutboxRow[]> {
  return db.outbox.where('[entity+entityId]').equals([entity, entityId]).sortBy('seq');
}

/** What a change does to the outbox: one row dropped, replaced in place or added. */
export type OutboxChange =
  | { kind: 'delete'; seq: number }
  | { kind: 'put'; row: OutboxRow }
  | { kind: 'add'; row: Omit<OutboxRow, 'seq'> }
  | { kind: 'none' };

/**
 * The outbox change for a local change (rules in outbox-plan.ts), from the entity's outbox rows
 * (oldest first) and shadow. `ackedVersion` is the server version the change was made on; the
 * server's copy at that version becomes the new row's merge base. Pure, for its table test.
 */
export function outboxChange(
  rows: readonly OutboxRow[],
  shadow: ShadowRow | undefined,
  change: LocalChange,
  ackedVersion: number | undefined,
  now: string,
  newestSeq?: number,
): OutboxChange {
  const ackedRecord = shadow?.version === ackedVersion ? shadow?.data : undefined;
  const plan = planMutation(rows, change.op, ackedVersion, ackedRecord, newestSeq);
  if (plan.kind === 'none') return { kind: 'none' };
  if (plan.kind === 'drop') return { kind: 'delete', seq: plan.seq };
  if (plan.kind === 'merge') {
    const latest = rows.find((row) => row.seq === plan.seq);
    if (latest === undefined) return { kind: 'none' };
    const { data: _previous, sealed: _previousSealed, ...rest } = latest;
    const replaced = change.replaced === undefined ? {} : { replaced: change.replaced };
    return { kind: 'put', row: { ...rest, op: change.op, ...dataOf(change), ...replaced } };
  }
  return {
    kind: 'add',
    row: {
      mutationId: newId(),
      entity: change.entity,
      entityId: change.entityId,
      op: change.op,
      ...(plan.baseVersion === undefined ? {} : { baseVersion: plan.baseVersion }),
      ...dataOf(change),
      ...(change.replaced === undefined ? {} : { replaced: change.replaced }),
      ...(plan.base === undefined ? {} : { base: plan.base }),
      createdAt: now,
      state: 'pending',
      attempts: 0,
    },
  };
}

/**
 * What the outbox holds of one entity: its rows (oldest first) and its shadow, and the seq of the
 * newest row of the whole outbox (whether anything was queued behind the entity's rows).
 */
export type OutboxState = {
  rows: OutboxRow[];
  shadow: ShadowRow | undefined;
  newestSeq?: number | undefined;
};

/*
 * The functions below chain Dexie's promises instead of awaiting them: each native await inside
 * a Dexie transaction costs a zone switch, and the visit save is counted in milliseconds.
 */

/** Reads an entity's outbox state, for a caller that starts it with its own reads. */
export function readOutboxState(
  db: SotayDb,
  entity: SyncEntity,
  entityId: string,
): Promise<OutboxState> {
  return Promise.all([
    entityOutboxRows(db, entity, entityId),
    db.shadows.get([entity, entityId]),
    db.outbox.toCollection().lastKey(),
  ]).then(([rows, shadow, newest]) => ({
    rows,
    shadow,
    newestSeq: typeof newest === 'number' ? newest : undefined,
  }));
}

/**
 * readOutboxState of many records of one entity (a decision on 200 applications): three requests
 * in all, not three per record. Every record's rows come oldest first, as entityOutboxRows.
 */
export function readOutboxStates(
  db: SotayDb,
  entity: SyncEntity,
  entityIds: readonly string[],
): Promise<Map<string, OutboxState>> {
  const keys = entityIds.map((id): [string, string] => [entity, id]);
  return Promise.all([
    db.outbox.where('[entity+entityId]').anyOf(keys).sortBy('seq'),
    db.shadows.bulkGet(keys),
    db.outbox.toCollection().lastKey(),
  ]).then(([rows, shadows, newest]) => {
    const newestSeq = typeof newest === 'number' ? newest : undefined;
    const states = new Map<string, OutboxState>();
    entityIds.forEach((id, i) => {
      states.set(id, { rows: [], shadow: shadows[i], newestSeq });
    });
    for (const row of rows) states.get(row.entityId)?.rows.push(row);
    return states;
  });
}

/** A local change to write, with what the caller read of it in the same transaction. */
export type LocalWrite = {
  change: LocalChange;
  /** The entity's row as read (undefined when new or gone). */
  stored: { version?: number | undefined } | undefined;
  /** The entity's outbox state as read (readOutboxState). */
  state: OutboxState;
};

/**
 * THE write of a local change to a synced record (docs/design.md §6): the entity's row (stored
 * with the change's record, or deleted) and its outbox row, in the caller's rw transaction over
 * the entity's table, the outbox and the shadows, so that both land or neither does.
 * `stored` is the entity's row as the caller read it in that transaction (undefined when new or
 * gone). The change was made on the version the device last had from the server: the stored
 * row's, else, for a record no longer stored here, its shadow's: a delete of a synced record
 * always says which version it deletes. A caller that read the entity's outbox state already
 * (readOutboxState, in the same transaction) passes it: the writes then leave at once, in the
 * order of the calls, so two changes written one after the other keep their outbox order.
 */
export function writeLocalChange(
  db: SotayDb,
  change: LocalChange,
  stored: { version?: number | undefined } | undefined,
  now: string,
  state?: OutboxState,
): Promise<void> {
  if (state === undefined) {
    return readOutboxState(db, change.entity, change.entityId).then((read) =>
      writeLocalChanges(db, [{ change, stored, state: read }], now),
    );
  }
  return writeLocalChanges(db, [{ change, stored, state }], now);
}

/**
 * writeLocalChange of several changes of different entities at once (a visit and the enterprise
 * it moves), each with its outbox state already read: their outbox rows are written by one
 * request, in the order given, so the server takes them in that order. One request less on the
 * organizer's most frequent save.
 */
export function writeLocalChanges(
  db: SotayDb,
  writes: readonly LocalWrite[],
  now: string,
): Promise<void> {
  const requests: Promise<unknown>[] = [];
  const rows: (OutboxRow | Omit<OutboxRow, 'seq'>)[] = [];
  // The records stored, one bulk request per table (200 applications of one decision).
  const records = new Map<string, Record<string, unknown>[]>();
  for (const { change, stored, state } of writes) {
    const { rows: queued, shadow } = state;
    // A row added by an earlier change of this batch is queued after every row read: an older
    // row of this entity is then behind it, and is not merged into (outbox-plan.ts).
    const newestSeq = rows.some((row) => !('seq' in row))
      ? Number.POSITIVE_INFINITY
      : state.newestSeq;
    const acked = stored?.version ?? shadow?.version;
    const outbox = outboxChange(queued, shadow, change, acked, now, newestSeq);
    const table = syncTable(db, change.entity);
    // Issued together: IndexedDB runs them in order within the transaction anyway.
    if (change.op === 'delete' || change.data === undefined) {
      requests.push(table.delete(change.entityId));
    } else {
      const put = records.get(table.name) ?? [];
      put.push(toStoredRow(change.entity, change.data, now));
      records.set(table.name, put);
    }
    if (outbox.kind === 'delete') requests.push(db.outbox.delete(outbox.seq));
    else if (outbox.kind !== 'none') rows.push(outbox.row);
  }
  for (const [name, ofTable] of records) {
    const [one] = ofTable;
    const table = db.table(name);
    requests.push(
      ofTable.length === 1 && one !== undefined ? table.put(one) : table.bulkPut(ofTable),
    );
  }
  // A row without `seq` is added with the next one; a row with one replaces it in place.
  const [only] = rows;
  if (rows.length > 1) requests.push(db.outbox.bulkPut(rows as OutboxRow[]));
  else if (only !== undefined && 'seq' in only) requests.push(db.outbox.put(only));
  else if (only !== undefined) requests.push(db.outbox.add(only));
  return Promise.all(requests).then(() => undefined);
}

function dataOf(change: LocalChange): { data?: AnySyncRecord; sealed?: SealedEnvelope } {
  if (change.op !== 'put' || change.data === undefined) return {};
  return change.sealed === undefined
    ? { data: change.data }
    : { data: change.data, sealed: change.sealed };
}
