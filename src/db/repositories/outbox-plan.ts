import type { AnySyncRecord, MutationOp } from '../../shared/protocol';
import type { OutboxRow } from '../rows';

/**
 * Where a new local change of an entity goes in the outbox (docs/design.md §6). Pure, so the rules can
 * be tested as a table:
 *
 * - A payload never changes after its first send. While the entity's latest row has never been
 *   sent and is the newest row of the outbox, the change replaces that row's data in place (same
 *   mutationId) instead of queueing. Once another record's row is queued behind it, the change
 *   is queued too: merged into the earlier row it would reach the server before the rows queued
 *   meanwhile, and the server judges some changes on them (an enterprise taken to `eligible` on
 *   the 5 applications collected since it was registered, docs/design.md §5 Pipeline).
 * - Otherwise a new row is added. Its baseVersion is the entity's last acknowledged version when
 *   no earlier row of the entity is waiting, else the version predicted after the latest waiting
 *   row: the server adds exactly 1 per applied mutation, and a create yields version 1.
 * - Rejected rows are skipped when predicting: the server did not apply them.
 * - Deleting a record whose only waiting row is an unsent create drops that row, and deleting one
 *   with nothing acknowledged and nothing waiting queues nothing: the server never heard of it.
 *   Any other delete carries the baseVersion it deletes, like an edit.
 * - A new row also remembers its `base`: the record as the server will hold it at baseVersion (the
 *   latest waiting row's data, else the acknowledged record), for three-way conflict merges.
 */

export type OutboxPlan =
  | { kind: 'merge'; seq: number }
  | { kind: 'drop'; seq: number }
  | { kind: 'none' }
  | { kind: 'add'; baseVersion: number | undefined; base: AnySyncRecord | undefined };

export function isUnsent(row: OutboxRow): boolean {
  return row.state === 'pending' && row.attempts === 0 && row.firstSentAt === undefined;
}

function latestWaiting(rows: readonly OutboxRow[]): OutboxRow | undefined {
  return rows.filter((row) => row.state === 'pending').at(-1);
}

/** The version the server will hold once every waiting row before the new one is applied. */
export function predictBaseVersion(
  rows: readonly OutboxRow[],
  ackedVersion: number | undefined,
): number | undefined {
  const previous = latestWaiting(rows);
  if (previous === undefined) return ackedVersion;
  return previous.baseVersion === undefined ? 1 : previous.baseVersion + 1;
}

/**
 * `rows`: the entity's outbox rows in seq order; `ackedVersion` and `ackedRecord`: the version
 * and record the device last had from the server (both absent for a record the server lacks);
 * `newestSeq`: the seq of the newest row in the whole outbox (undefined when it is empty).
 */
export function planMutation(
  rows: readonly OutboxRow[],
  op: MutationOp,
  ackedVersion: number | undefined,
  ackedRecord?: AnySyncRecord,
  newestSeq?: number,
): OutboxPlan {
  const latest = rows.at(-1);
  if (latest !== undefined && isUnsent(latest)) {
    const unsentCreate = latest.op === 'put' && latest.baseVersion === undefined;
    // Dropping a create the server never saw reorders nothing.
    if (op === 'delete' && unsentCreate) return { kind: 'drop', seq: latest.seq };
    const queuedBehind = newestSeq !== undefined && newestSeq > latest.seq;
    if (!queuedBehind) return { kind: 'merge', seq: latest.seq };
  }
  const previous = latestWaiting(rows);
  const baseVersion = predictBaseVersion(rows, ackedVersion);
  if (op === 'delete' && baseVersion === undefined) return { kind: 'none' };
  const base = previous === undefined ? ackedRecord : previous.data;
  return { kind: 'add', baseVersion, base };
}
