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

export type KnownOutboxState = { rows: OutboxRow[]; shadow: ShadowRow | undefined };

export const NEW_RECORD: KnownOutboxState = { rows: [], shadow: undefined };

/** The entity's outbox rows and shadow: what planning its next outbox row needs. */
export function readOutboxState(
  db: SotayDb,
  entity: SyncEntity,
  entityId: string,
): Promise<[OutboxRow[], ShadowRow | undefined]> {
  return Promise.all([entityOutboxRows(db, entity, entityId), db.shadows.get([entity, entityId])]);
}

/**
 * Queues a local change; must run inside a rw transaction that includes `db.outbox`, next to the
 * write of the entity itself, so that both land or neither does. `ackedVersion` is the version
 * stored on the entity row before this change. The transaction must include `db.shadows` too:
 * the server's copy at that version becomes the new row's merge base.
 */
export async function enqueueMutation(
  db: SotayDb,
  mutation: Mutation,
  ackedVersion: number | undefined,
  now: string,
  /**
   * What the caller already read in this transaction: the entity's outbox rows and shadow
   * (`NEW_RECORD` when the record is new on this device, so neither can exist).
   */
  known?: KnownOutboxState,
): Promise<void> {
  const [rows, shadow] = known
    ? [known.rows, known.shadow]
    : await readOutboxState(db, mutation.entity, mutation.entityId);
  const ackedRecord = shadow?.version === ackedVersion ? shadow?.data : undefined;
  const plan = planMutation(rows, mutation.op, ackedVersion, ackedRecord);
  if (plan.kind === 'drop') {
    await db.outbox.delete(plan.seq);
    return;
  }
  if (plan.kind === 'merge') {
    const latest = rows.find((row) => row.seq === plan.seq);
    if (latest === undefined) return;
    const { data: _previous, ...rest } = latest;
    await db.outbox.put({ ...rest, op: mutation.op, ...dataOf(mutation) });
    return;
  }
  await db.outbox.add({
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
  });
}

function dataOf(mutation: Mutation): { data?: SyncRecord } {
  return mutation.op === 'put' && mutation.data !== undefined ? { data: mutation.data } : {};
}
