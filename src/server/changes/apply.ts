import { asRecord } from '../../shared/domain/record-input';
import { t } from '../../shared/i18n';
import type { ApiErrorCode, Mutation, PushResult, SyncRecord } from '../../shared/protocol';
import { validateMutation } from '../../shared/protocol';
import { SERVER_SET_FIELDS, type SyncEntity, type User } from '../../shared/schemas';
import type { Issue } from '../../shared/vn';
import { containsNul } from '../http/body';
import { apiErrorMessage } from '../http/errors';
import type { Sql, Store } from '../store/types';
import { findRecord, moveEnterpriseChildren, type StoredRecord, writeRecord } from './records';
import type { Scope } from './scope';
import { lockWrites } from './write-lock';

export type PushContext = { user: User; scope: Scope; clientId: string };

type RawMutation = { mutationId: string } & Record<string, unknown>;

function withoutServerFields(raw: RawMutation): RawMutation {
  if (typeof raw['data'] !== 'object' || raw['data'] === null || Array.isArray(raw['data'])) {
    return raw;
  }
  const data = { ...asRecord(raw['data']) };
  // Set by the server whatever the client sends (docs/design.md §3): dropped before validation.
  for (const field of SERVER_SET_FIELDS) delete data[field];
  return { ...raw, data };
}

function rejected(mutationId: string, code: ApiErrorCode, fields?: Issue[]): PushResult {
  const error = { code, message: apiErrorMessage(code), ...(fields ? { fields } : {}) };
  return { mutationId, status: 'rejected', error };
}

function conflict(mutationId: string, existing: StoredRecord): PushResult {
  // `version` is not required on a conflict, but without it a client could not rebase on a
  // deleted record (whose `current` is null).
  const current = existing.deleted ? null : existing.data;
  return { mutationId, status: 'conflict', version: existing.version, current };
}

function notFound(mutationId: string, field: string): PushResult {
  return rejected(mutationId, 'not_found', [
    { field, level: 'error', code: 'mutation.not_found', message: apiErrorMessage('not_found') },
  ]);
}

/** The unit a put writes into: an enterprise's own, a visit's or signup's enterprise's. */
async function targetUnit(
  tx: Sql,
  entity: SyncEntity,
  value: SyncRecord[SyncEntity],
): Promise<string | undefined> {
  if (entity === 'enterprise') return asRecord(value)['unitId'] as string;
  const enterpriseId = asRecord(value)['enterpriseId'] as string;
  const enterprise = await findRecord(tx, 'enterprise', enterpriseId);
  return enterprise && !enterprise.deleted ? enterprise.unitId : undefined;
}

async function applyDelete(
  tx: Sql,
  ctx: PushContext,
  mutation: Mutation,
  existing: StoredRecord | undefined,
): Promise<PushResult> {
  const { mutationId } = mutation;
  if (!existing) return notFound(mutationId, 'entityId');
  if (!ctx.scope.has(existing.unitId)) return rejected(mutationId, 'forbidden');
  if (mutation.baseVersion !== undefined && mutation.baseVersion !== existing.version) {
    return conflict(mutationId, existing);
  }
  if (existing.deleted) return { mutationId, status: 'applied', version: existing.version };
  const version = existing.version + 1;
  await writeRecord(tx, {
    ...existing,
    data: null,
    deleted: true,
    version,
    updatedAt: new Date().toISOString(),
    updatedBy: ctx.user.id,
  });
  return { mutationId, status: 'applied', version };
}

async function applyPut(
  tx: Sql,
  ctx: PushContext,
  mutation: Mutation,
  value: SyncRecord[SyncEntity],
  existing: StoredRecord | undefined,
): Promise<PushResult> {
  const { mutationId, entity } = mutation;
  if (existing && !ctx.scope.has(existing.unitId)) return rejected(mutationId, 'forbidden');
  const unitId = await targetUnit(tx, entity, value);
  if (unitId === undefined) return notFound(mutationId, 'enterpriseId');
  if (!ctx.scope.has(unitId)) return rejected(mutationId, 'forbidden');
  // A put without baseVersion creates; if the record exists, the client has not seen it.
  if (existing && mutation.baseVersion !== existing.version) return conflict(mutationId, existing);
  if (!existing && mutation.baseVersion !== undefined) return notFound(mutationId, 'entityId');
  const version = (existing?.version ?? 0) + 1;
  const updatedAt = new Date().toISOString();
  const author = existing?.data?.['authorId'] ?? ctx.user.id;
  const data = {
    ...value,
    ...(entity === 'visit' ? { authorId: author } : {}),
    version,
    updatedAt,
    updatedBy: ctx.user.id,
  };
  const enterpriseId =
    entity === 'enterprise' ? undefined : (asRecord(value)['enterpriseId'] as string);
  await writeRecord(tx, {
    entity,
    id: mutation.entityId,
    unitId,
    enterpriseId,
    data,
    version,
    updatedAt,
    updatedBy: ctx.user.id,
  });
  if (entity === 'enterprise' && existing && existing.unitId !== unitId) {
    await moveEnterpriseChildren(tx, mutation.entityId, unitId);
  }
  return { mutationId, status: 'applied', version };
}

async function replayOf(tx: Sql, mutationId: string): Promise<PushResult> {
  const stored = await tx.query<{ result: PushResult | null }>(
    'SELECT result FROM mutations WHERE mutation_id = $1',
    [mutationId],
  );
  const result = stored.rows[0]?.result;
  if (result?.status === 'rejected') return result;
  return {
    mutationId,
    status: 'duplicate',
    ...(result?.version !== undefined ? { version: result.version } : {}),
  };
}

function invalidInput(mutationId: string): PushResult {
  return rejected(mutationId, 'validation_failed', [
    { field: 'data', level: 'error', code: 'mutation.invalid', message: t('mutation.invalid') },
  ]);
}

/**
 * One mutation in one transaction with its effect (docs/design.md §5–§6). The mutation id is claimed
 * FIRST under its primary key: a replay, or a twin racing in another request, finds it taken
 * (the twin waits for this transaction to commit) and answers `duplicate` — or the same
 * `rejected` — without a second effect. A conflict is not recorded: its replay is judged again
 * against the record as it is then.
 */
export function applyMutation(
  store: Store,
  ctx: PushContext,
  raw: RawMutation,
): Promise<PushResult> {
  return store.transaction((tx) => applyInTransaction(tx, ctx, raw));
}

/**
 * A whole push in ONE transaction: one commit (one fsync on PostgreSQL) per request instead of
 * one per mutation. Every mutation still gets its own result, and one that is rejected or in
 * conflict leaves the others untouched; only an unexpected database error fails the request,
 * which the device then retries (its replays answer `duplicate`).
 */
export function applyMutations(
  store: Store,
  ctx: PushContext,
  mutations: readonly RawMutation[],
): Promise<PushResult[]> {
  return store.transaction(async (tx) => {
    const results: PushResult[] = [];
    for (const raw of mutations) results.push(await applyInTransaction(tx, ctx, raw));
    return results;
  });
}

async function applyInTransaction(
  tx: Sql,
  ctx: PushContext,
  raw: RawMutation,
): Promise<PushResult> {
  const { mutationId } = raw;
  const check = containsNul(raw) ? undefined : validateMutation(withoutServerFields(raw));
  const claimed = await tx.query(
    `INSERT INTO mutations (mutation_id, client_id, user_id) VALUES ($1, $2, $3)
     ON CONFLICT (mutation_id) DO NOTHING RETURNING mutation_id`,
    [mutationId, ctx.clientId, ctx.user.id],
  );
  if (claimed.rowCount === 0) return replayOf(tx, mutationId);
  let result: PushResult;
  if (!check) result = invalidInput(mutationId);
  else if (!check.ok) result = rejected(mutationId, 'validation_failed', check.issues);
  else {
    await lockWrites(tx);
    const { mutation } = check;
    const existing = await findRecord(tx, mutation.entity, mutation.entityId);
    result =
      mutation.op === 'delete' || check.value === undefined
        ? await applyDelete(tx, ctx, mutation, existing)
        : await applyPut(tx, ctx, mutation, check.value, existing);
  }
  if (result.status === 'conflict') {
    await tx.query('DELETE FROM mutations WHERE mutation_id = $1', [mutationId]);
  } else {
    await tx.query('UPDATE mutations SET result = $2::jsonb WHERE mutation_id = $1', [
      mutationId,
      JSON.stringify(result),
    ]);
  }
  return result;
}
