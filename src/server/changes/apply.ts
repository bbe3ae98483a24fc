import type { Write } from '../../shared/domain/access';
import { isRedacted, namesPeople, restorePersonal } from '../../shared/domain/need-to-know';
import { asRecord } from '../../shared/domain/record-input';
import type {
  ApiErrorCode,
  FieldIssue,
  Mutation,
  PushResult,
  SyncRecord,
} from '../../shared/protocol';
import { validateMutation } from '../../shared/protocol';
import { SERVER_SET_FIELDS, type SyncEntity, type User, type Visit } from '../../shared/schemas';
import { makeIssue } from '../../shared/vn/issue';
import { apiErrorMessage } from '../http/errors';
import { logServerError } from '../http/log';
import { sendTogether } from '../store/together';
import type { Sql, Store } from '../store/types';
import {
  type BatchRecords,
  forgetChildren,
  forgetRecord,
  readBatchRecords,
  recordsOf,
} from './batch-records';
import { type BatchWrites, writesAtOnce, writesBehind } from './batch-writes';
import {
  type ClaimKey,
  type Claims,
  claimOf,
  claimsInsert,
  readClaims,
  recordFailure,
  remember,
  type SettledClaim,
  settleClaim,
} from './claim';
import { mutationContentHash } from './content-hash';
import { displayNameOf, recordNotices, replacementsOf } from './notices';
import {
  findRecord,
  moveEnterpriseChildren,
  type RecordEntity,
  type RecordKey,
  recordScopeExit,
  recordsUpsert,
  type StoredRecord,
} from './records';
import type { Scope } from './scope';
import { stageMovedEnterprise, visitStageMove } from './stage-rules';
import type { Unsealed } from './unseal';
import { judgeWrite, type TxFacts, txFacts } from './write-facts';
import { lockWrites } from './write-lock';

export type PushContext = {
  user: User;
  scope: Scope;
  clientId: string;
  /** Opens a sealed mutation into its plain form (unseal.ts). */
  unseal: (raw: RawMutation) => Promise<Unsealed>;
};

/**
 * The push's context within one transaction: the facts and the claims of its mutation ids, read
 * once under its write lock.
 */
type BatchContext = PushContext & {
  facts: TxFacts;
  claims: Claims;
  /** The records the batch names, as read after the lock (batch-records.ts). */
  records: BatchRecords;
  /** How the pass writes records: at once, or together before the next statement. */
  writes: BatchWrites;
  /** The optimistic pass's claims, inserted together before it commits (applyInTransaction). */
  deferredClaims?: SettledClaim[];
};

export type RawMutation = { mutationId: string } & Record<string, unknown>;

/**
 * Mutations applied per transaction. A push of 500 is several short transactions, not one long
 * one: PGlite runs one transaction at a time, so another user's pull waits for about one of these
 * (issue 14 point 11), while a commit still covers many mutations. It was 10 while each mutation
 * cost its own statements; now that a batch's reads and writes are a few statements whatever its
 * size, 20 visits hold the lock for less time than 10 did then (issue 16: another user's pull p99
 * beside four pushing devices 38 → 45 ms on PGlite, 24 → 23 ms on PostgreSQL; 50 clients' push
 * p99 1,006 → 669 ms on PostgreSQL). At most 20 savepoints are open in the savepoint pass.
 */
export const MUTATIONS_PER_TRANSACTION = 20;

const PUSH_ROUTE = 'POST /api/sync/push';

function withoutServerFields(raw: RawMutation): RawMutation {
  if (typeof raw['data'] !== 'object' || raw['data'] === null || Array.isArray(raw['data'])) {
    return raw;
  }
  const data = { ...asRecord(raw['data']) };
  // Set by the server whatever the client sends (docs/design.md §3): dropped before validation.
  for (const field of SERVER_SET_FIELDS) delete data[field];
  return { ...raw, data };
}

function rejected(mutationId: string, code: ApiErrorCode, fields?: FieldIssue[]): PushResult {
  const error = { code, message: apiErrorMessage(code), ...(fields ? { fields } : {}) };
  return { mutationId, status: 'rejected', error };
}

async function conflict(tx: Sql, mutationId: string, existing: StoredRecord): Promise<PushResult> {
  // `version` is not required on a conflict, but without it a client could not rebase on a
  // deleted record (whose `current` is null).
  const current = existing.deleted ? null : existing.data;
  // Named for the merge's note: the device knows no other user's name.
  const name = await displayNameOf(tx, current?.['updatedBy']);
  return {
    mutationId,
    status: 'conflict',
    version: existing.version,
    current,
    ...(name === undefined ? {} : { currentByName: name }),
  };
}

function notFound(mutationId: string, field: string): PushResult {
  return rejected(mutationId, 'not_found', [
    { field, level: 'error', code: 'mutation.not_found', message: apiErrorMessage('not_found') },
  ]);
}

function mutationIdTaken(mutationId: string): PushResult {
  return rejected(mutationId, 'mutation_id_taken', [
    makeIssue('mutationId', 'error', 'mutation.id_taken'),
  ]);
}

/** Entities that belong to their enterprise's unit; the others name their own `unitId`. */
const AT_ENTERPRISE: ReadonlySet<SyncEntity> = new Set(['visit', 'signup']);

/** What a mutation writes over, and the enterprise a visit or application is written into. */
type Stored = { existing: StoredRecord | undefined; parent: StoredRecord | undefined };

/** The record a mutation writes and, for a put of a visit or application, its enterprise. */
function recordsNamed(mutation: Mutation, value: SyncRecord[SyncEntity] | undefined): RecordKey[] {
  const own: RecordKey = { entity: mutation.entity, id: mutation.entityId };
  const enterpriseId =
    value !== undefined && AT_ENTERPRISE.has(mutation.entity)
      ? asRecord(value)['enterpriseId']
      : undefined;
  return typeof enterpriseId === 'string'
    ? [own, { entity: 'enterprise', id: enterpriseId }]
    : [own];
}

/** The stored record and, for a put of a visit or application, its enterprise: one read. */
async function readStored(
  tx: Sql,
  known: BatchRecords,
  mutation: Mutation,
  value: SyncRecord[SyncEntity] | undefined,
): Promise<Stored> {
  const [existing, enterprise] = await recordsOf(tx, known, recordsNamed(mutation, value));
  // Only a live enterprise takes visits and applications.
  return { existing, parent: enterprise && !enterprise.deleted ? enterprise : undefined };
}

/** Every record the batch's checked mutations name, for readBatchRecords. */
function batchRecordKeys(batch: readonly Prepared[]): RecordKey[] {
  return batch.flatMap(({ check }) => (check.ok ? recordsNamed(check.mutation, check.value) : []));
}

/** The write a mutation makes, as the shared rules read it (Write, domain/access.ts). */
function writeOf(
  mutation: Mutation,
  existing: StoredRecord | undefined,
  value: SyncRecord[SyncEntity] | undefined,
): Write {
  const stored = existing && !existing.deleted ? (existing.data ?? undefined) : undefined;
  // The entity names the record's type: data passed its entity's schema (validateMutation).
  return (
    value === undefined
      ? { entity: mutation.entity, op: 'delete', stored }
      : { entity: mutation.entity, op: 'put', stored, incoming: value }
  ) as Write;
}

/** A record the user cannot reach at all: judged before anything about it is said. */
function outOfReach(mutationId: string): PushResult {
  return rejected(mutationId, 'forbidden', [
    makeIssue('entityId', 'error', 'forbidden.out_of_scope'),
  ]);
}

async function applyDelete(
  tx: Sql,
  ctx: BatchContext,
  mutation: Mutation,
  existing: StoredRecord | undefined,
): Promise<PushResult> {
  const { mutationId } = mutation;
  if (!existing) return notFound(mutationId, 'entityId');
  if (!ctx.scope.has(existing.unitId)) return outOfReach(mutationId);
  // Already gone: what the delete wanted holds, and nothing can be lost.
  if (existing.deleted) return { mutationId, status: 'applied', version: existing.version };
  // A delete names the version it was made on: a record edited since is not deleted blindly.
  if (mutation.baseVersion !== existing.version) return conflict(tx, mutationId, existing);
  const verdict = await judgeWrite(tx, ctx.facts, writeOf(mutation, existing, undefined), {
    storedUnit: existing.unitId,
  });
  if (!verdict.ok) return rejected(mutationId, verdict.code, verdict.issues);
  const version = existing.version + 1;
  await ctx.writes.write({
    ...existing,
    data: null,
    deleted: true,
    version,
    updatedAt: new Date().toISOString(),
    updatedBy: ctx.user.id,
  });
  forgetRecord(ctx.records, existing);
  return { mutationId, status: 'applied', version };
}

async function applyPut(
  tx: Sql,
  ctx: BatchContext,
  mutation: Mutation,
  value: SyncRecord[SyncEntity],
  { existing, parent }: Stored,
): Promise<PushResult> {
  const { mutationId, entity } = mutation;
  if (existing && !ctx.scope.has(existing.unitId)) return outOfReach(mutationId);
  const unitId = AT_ENTERPRISE.has(entity) ? parent?.unitId : (value as { unitId: string }).unitId;
  if (unitId === undefined) return notFound(mutationId, 'enterpriseId');
  // A put without baseVersion creates; if the record exists, the client has not seen it.
  if (existing && mutation.baseVersion !== existing.version) {
    return conflict(tx, mutationId, existing);
  }
  if (!existing && mutation.baseVersion !== undefined) return notFound(mutationId, 'entityId');
  const write = writeOf(mutation, existing, value);
  const verdict = await judgeWrite(tx, ctx.facts, write, {
    storedUnit: existing?.unitId,
    parent: parent && { id: parent.id, unitId: parent.unitId },
  });
  if (!verdict.ok) return rejected(mutationId, verdict.code, verdict.issues);
  const record = verdict.write.op === 'put' ? verdict.write.incoming : value;
  const stageMove =
    entity === 'visit' && parent
      ? await visitStageMove(tx, ctx.facts, record as Visit, parent)
      : ({ kind: 'none' } as const);
  if (stageMove.kind === 'refused') return rejected(mutationId, stageMove.code, stageMove.issues);
  const version = (existing?.version ?? 0) + 1;
  const updatedAt = new Date().toISOString();
  // The author of a visit or an application is who first sent it (docs/design.md §3), never
  // changed by an edit or a decision. An application stored before the server named authors
  // keeps none rather than take the name of whoever edits it next.
  const author = existing ? existing.data?.['authorId'] : ctx.user.id;
  const authored = AT_ENTERPRISE.has(entity) && author !== undefined;
  const data = {
    ...record,
    ...(authored ? { authorId: author } : {}),
    version,
    updatedAt,
    updatedBy: ctx.user.id,
  };
  await ctx.writes.write({
    entity,
    id: mutation.entityId,
    unitId,
    enterpriseId: parent?.id,
    data,
    version,
    updatedAt,
    updatedBy: ctx.user.id,
  });
  forgetRecord(ctx.records, { entity, id: mutation.entityId });
  if (existing && mutation.replaced) {
    await recordNotices(tx, {
      entity,
      entityId: mutation.entityId,
      author: existing.data?.['updatedBy'],
      version,
      replacedBy: ctx.user.id,
      replacedAt: updatedAt,
      replacements: replacementsOf(existing.data, data, mutation.replaced),
    });
  }
  if (stageMove.kind === 'move') {
    await ctx.writes.write(stageMovedEnterprise(stageMove.enterprise, ctx.user.id));
    forgetRecord(ctx.records, stageMove.enterprise);
  }
  if (existing && existing.unitId !== unitId) {
    // Out of the old unit's sight: its devices pull the record (and an enterprise's children)
    // as deleted (docs/design.md §5 "Need to know").
    await recordScopeExit(tx, { entity, id: mutation.entityId, version }, existing.unitId);
    if (entity === 'enterprise') {
      await moveEnterpriseChildren(tx, mutation.entityId, unitId);
      forgetChildren(ctx.records, mutation.entityId);
    }
  }
  return { mutationId, status: 'applied', version };
}

/**
 * A mutation read, opened and checked before its transaction starts: no CPU work while it is
 * open. `refused`: a sealed envelope that did not open, answered without looking further.
 */
type Prepared = {
  key: ClaimKey;
  entity: string | undefined;
  check: ReturnType<typeof validateMutation>;
  refused?: PushResult;
  /**
   * A put of a redacted copy (need-to-know): judged in the transaction, once the stored record
   * has given back the fields its sender never saw (restorePersonal).
   */
  redacted?: RawMutation;
};

async function prepare(ctx: PushContext, sent: RawMutation): Promise<Prepared> {
  const entity = typeof sent['entity'] === 'string' ? sent['entity'] : undefined;
  const unsealed = await ctx.unseal(sent);
  // The content hash is taken over the plain form when the envelope opened (content-hash.ts).
  const raw = unsealed.raw;
  const key = {
    mutationId: sent.mutationId,
    clientId: ctx.clientId,
    userId: ctx.user.id,
    hash: mutationContentHash(raw),
  };
  if (!unsealed.ok) {
    const { code, fields } = unsealed.error;
    return {
      key,
      entity,
      check: { ok: false, issues: [] },
      refused: rejected(sent.mutationId, code, fields),
    };
  }
  const plain = withoutServerFields(raw);
  if (raw['op'] === 'put' && namesPeople(String(entity)) && isRedacted(raw['data'])) {
    return { key, entity, check: { ok: false, issues: [] }, redacted: plain };
  }
  return { key, entity, check: validateMutation(plain) };
}

/**
 * A redacted copy made whole from the stored record, then checked like any put. Without a
 * stored record there is nothing to restore from: rejected, field `redacted`.
 */
async function checkRedacted(
  tx: Sql,
  raw: RawMutation,
): Promise<ReturnType<typeof validateMutation>> {
  const entity = raw['entity'] as RecordEntity;
  const stored = await findRecord(tx, entity, String(raw['entityId']));
  if (!stored?.data) {
    return {
      ok: false,
      issues: [makeIssue('redacted', 'error', 'mutation.redacted_without_record')],
    };
  }
  return validateMutation({
    ...raw,
    data: restorePersonal(entity, asRecord(raw['data']), stored.data),
  });
}

async function judge(tx: Sql, ctx: BatchContext, prepared: Prepared): Promise<PushResult> {
  const { key } = prepared;
  const claim = claimOf(ctx.claims, key);
  if (claim.kind === 'taken') return mutationIdTaken(key.mutationId);
  if (claim.kind === 'replay') return claim.result;
  const check = prepared.redacted ? await checkRedacted(tx, prepared.redacted) : prepared.check;
  let result: PushResult;
  if (prepared.refused) result = prepared.refused;
  else if (!check.ok) result = rejected(key.mutationId, 'validation_failed', check.issues);
  else {
    const { mutation } = check;
    const stored = await readStored(tx, ctx.records, mutation, check.value);
    result =
      mutation.op === 'delete' || check.value === undefined
        ? await applyDelete(tx, ctx, mutation, stored.existing)
        : await applyPut(tx, ctx, mutation, check.value, stored);
  }
  await settle(tx, ctx, key, result);
  return result;
}

/** The mutation's claim: inserted now, or kept for the end of an optimistic pass. */
function settle(tx: Sql, ctx: BatchContext, key: ClaimKey, result: PushResult): Promise<void> {
  if (ctx.deferredClaims === undefined) return settleClaim(tx, key, result);
  ctx.deferredClaims.push({ key, result });
  return Promise.resolve();
}

/**
 * Thrown out of the optimistic transaction (applyDirect) when one of its mutations fails, so that
 * the transaction rolls back whole and applyBatch applies the batch again, each mutation in its
 * savepoint. Only a mutation's failure is wrapped: one of the write lock, the claims or the commit
 * is not, and propagates as it is.
 */
class MutationFailed extends Error {
  override readonly name = 'MutationFailed';
}

/**
 * One mutation of the optimistic pass: no savepoint, so a database error aborts the whole
 * transaction. Not logged here: the savepoint pass that follows logs the mutation that fails.
 */
async function applyDirect(tx: Sql, ctx: BatchContext, prepared: Prepared): Promise<PushResult> {
  let result: PushResult;
  try {
    result = await judge(tx, ctx, prepared);
  } catch (error) {
    throw new MutationFailed(prepared.key.mutationId, { cause: error });
  }
  remember(ctx.claims, prepared.key, result);
  return result;
}

/**
 * One mutation inside a savepoint, in the pass that follows an optimistic one a mutation failed
 * (applyBatch): a database error undoes this mutation only, which is then `rejected` (`internal`)
 * and recorded like any rejection, so that one record the database refuses never fails — and
 * never blocks, through the device's retries — the others. Not the first pass: the SAVEPOINT is a
 * round trip of its own, about a fifth of a push's, for a failure that is rare.
 *
 * The savepoint is not released (one round trip less per mutation): the next mutation's
 * `SAVEPOINT mutation` nests inside it, and ROLLBACK TO names the latest savepoint of that name,
 * so a rollback still undoes the failing mutation only (the SAVEPOINT stays outside the `try`:
 * had it failed, a rollback would reach the previous mutation's). The commit keeps them all; at
 * most MUTATIONS_PER_TRANSACTION are open, well under the 64 subtransactions PostgreSQL caches
 * per session (beyond them, every snapshot of every session looks them up in pg_subtrans).
 */
async function applyIsolated(tx: Sql, ctx: BatchContext, prepared: Prepared): Promise<PushResult> {
  await tx.query('SAVEPOINT mutation');
  try {
    const result = await judge(tx, ctx, prepared);
    remember(ctx.claims, prepared.key, result);
    return result;
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT mutation');
    const { mutationId } = prepared.key;
    logServerError(
      { route: PUSH_ROUTE, mutationId, ...(prepared.entity ? { entity: prepared.entity } : {}) },
      error,
    );
    const result = rejected(mutationId, 'internal');
    await recordFailure(tx, prepared.key, result);
    remember(ctx.claims, prepared.key, result);
    return result;
  }
}

/**
 * What a pass does. Optimistic: each mutation without a savepoint, its record writes sent
 * together before the next statement (batch-writes.ts), the last of them with its claims, so
 * that a batch of visits costs one statement for all its records and claims. Isolated: each
 * mutation in its savepoint, its writes and its claim sent at once, so that the one the database
 * refuses is found.
 */
const PASSES = {
  optimistic: { applyOne: applyDirect, writes: writesBehind, claimsAtEnd: true },
  isolated: { applyOne: applyIsolated, writes: writesAtOnce, claimsAtEnd: false },
} as const;

/**
 * The batch's context in its transaction: the write lock, then the claims and the facts, read
 * afresh in every transaction (a rolled-back one's are not what the database holds).
 */
async function openBatch(
  tx: Sql,
  ctx: PushContext,
  batch: readonly Prepared[],
  writes: BatchWrites,
): Promise<BatchContext> {
  // The lock first, once, outside any savepoint (a lock taken in a savepoint that is rolled back
  // is released): every claim read and every check below sees the latest commit, and holds
  // until this transaction commits (write-lock.ts).
  await lockWrites(tx);
  const claims = await readClaims(
    tx,
    batch.map((prepared) => prepared.key.mutationId),
  );
  const records = await readBatchRecords(tx, batchRecordKeys(batch));
  return { ...ctx, facts: txFacts(ctx.user), claims, records, writes };
}

/**
 * What the optimistic pass still holds when its last mutation is done: its waiting record writes
 * and its claims, sent as one statement. Should it fail, the savepoint pass finds which
 * mutation's write or claim the database refuses.
 */
async function finishBatch(tx: Sql, ctx: BatchContext): Promise<void> {
  const records = ctx.writes.take();
  const claims = ctx.deferredClaims ?? [];
  try {
    await sendTogether(tx, [
      (first) => recordsUpsert(records, first),
      (first) => claimsInsert(claims, first),
    ]);
  } catch (error) {
    throw new MutationFailed('records and claims', { cause: error });
  }
}

/** The batch in one transaction, each mutation applied as `pass` does, in order. */
function applyInTransaction(
  store: Store,
  ctx: PushContext,
  batch: readonly Prepared[],
  pass: keyof typeof PASSES,
): Promise<PushResult[]> {
  const { applyOne, writes, claimsAtEnd } = PASSES[pass];
  return store.transaction(async (raw) => {
    const batchWrites = writes(raw);
    // Every other statement through the writes' own door: it sends the writes waiting before it.
    const tx = batchWrites.tx;
    const opened = await openBatch(tx, ctx, batch, batchWrites);
    const batchCtx = claimsAtEnd ? { ...opened, deferredClaims: [] } : opened;
    const out: PushResult[] = [];
    for (const prepared of batch) out.push(await applyOne(tx, batchCtx, prepared));
    await finishBatch(tx, batchCtx);
    return out;
  });
}

/**
 * One batch, optimistically first: its mutations without savepoints, since the database seldom
 * refuses one and a savepoint per mutation costs a round trip each. If one fails, the whole
 * transaction is rolled back and the batch applied once more, each mutation in its savepoint, so
 * that the failing one alone is rejected and the others apply — the same results, claims and
 * records as had the savepoints been there from the start. Any other error propagates, from
 * either pass: the batch is retried once, never in a loop.
 */
async function applyBatch(
  store: Store,
  ctx: PushContext,
  batch: readonly Prepared[],
): Promise<PushResult[]> {
  try {
    return await applyInTransaction(store, ctx, batch, 'optimistic');
  } catch (error) {
    if (!(error instanceof MutationFailed)) throw error;
    return applyInTransaction(store, ctx, batch, 'isolated');
  }
}

/**
 * A push (docs/design.md §5–§6): every mutation gets its own result, in order; one that is
 * rejected, in conflict or refused by the database leaves the others untouched. Mutations are
 * committed MUTATIONS_PER_TRANSACTION at a time; a request that fails midway is retried by the
 * device, and the mutations already committed answer `duplicate`.
 */
export async function applyMutations(
  store: Store,
  ctx: PushContext,
  mutations: readonly RawMutation[],
): Promise<PushResult[]> {
  const results: PushResult[] = [];
  for (let start = 0; start < mutations.length; start += MUTATIONS_PER_TRANSACTION) {
    const batch: Prepared[] = [];
    for (const raw of mutations.slice(start, start + MUTATIONS_PER_TRANSACTION)) {
      batch.push(await prepare(ctx, raw));
    }
    const applied = await applyBatch(store, ctx, batch);
    results.push(...applied);
    // PGlite answers from WebAssembly in this thread, its promises settling as microtasks: a
    // push could run to its end without Node reading another request. A macrotask turn here lets
    // the requests that arrived meanwhile in, and queue their queries before the next batch.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}
