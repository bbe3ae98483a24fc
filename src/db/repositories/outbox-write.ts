import type { SyncEntity } from '../../shared/schemas';
import { newId } from '../clock';
import type { SotayDb } from '../database';
import type { OutboxOp, OutboxRow, ShadowRow, SyncRecord } from '../rows';
import { planMutation } from './outbox-plan';

export type Mutation = {
  entity: SyncEntity;
  entityId: string;
  op: OutboxOp;
  data?: SyncRecord;
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
 * (oldest first) and shadow. `ackedVersion` is the version stored on the entity row before this
 * change; the server's copy at that version becomes the new row's merge base. Pure, so that the
 * Dexie writes and the visit's raw IndexedDB path apply the same decision.
 */
export function outboxChange(
  rows: readonly OutboxRow[],
  shadow: ShadowRow | undefined,
  mutation: Mutation,
  ackedVersion: number | undefined,
  now: string,
): OutboxChange {
  const ackedRecord = shadow?.version === ackedVersion ? shadow?.data : undefined;
  const plan = planMutation(rows, mutation.op, ackedVersion, ackedRecord);
  if (plan.kind === 'drop') return { kind: 'delete', seq: plan.seq };
  if (plan.kind === 'merge') {
    const latest = rows.find((row) => row.seq === plan.seq);
    if (latest === undefined) return { kind: 'none' };
    const { data: _previous, ...rest } = latest;
    return { kind: 'put', row: { ...rest, op: mutation.op, ...dataOf(mutation) } };
  }
  return {
    kind: 'add',
    row: {
      mutationId: newId(),
      entity: mutation.entity,
      entityId: mutation.entityId,
      op: mutation.op,
      ...(plan.baseVersion === undefined ? {} : { baseVersion: plan.baseVersion }),
      ...dataOf(mutation),
      ...(plan.base === undefined ? {} : { base: plan.base }),
      createdAt: now,
      state: 'pending',
      attempts: 0,
    },
  };
}

/**
 * Queues a local change; must run inside a rw transaction that includes `db.outbox` and
 * `db.shadows`, next to the write of the entity itself, so that both land or neither does.
 */
export async function enqueueMutation(
  db: SotayDb,
  mutation: Mutation,
  ackedVersion: number | undefined,
  now: string,
): Promise<void> {
  const [rows, shadow] = await Promise.all([
    entityOutboxRows(db, mutation.entity, mutation.entityId),
    db.shadows.get([mutation.entity, mutation.entityId]),
  ]);
  const change = outboxChange(rows, shadow, mutation, ackedVersion, now);
  if (change.kind === 'delete') await db.outbox.delete(change.seq);
  if (change.kind === 'add') await db.outbox.add(change.row);
  if (change.kind === 'put') await db.outbox.put(change.row);
}

function dataOf(mutation: Mutation): { data?: SyncRecord } {
  return mutation.op === 'put' && mutation.data !== undefined ? { data: mutation.data } : {};
}
