import type { PushResult } from '../../shared/protocol';
import type { Sql, Statement } from '../store/types';

/**
 * The idempotency record of a mutation id (docs/design.md §5–§6). A push transaction takes the
 * write lock first (write-lock.ts), then reads the claims of all its mutation ids in one
 * statement (readClaims); each mutation is then judged on them, and its claim INSERTed with its
 * result in the same transaction as its effect: all of them in one statement at its end
 * (claimsInsert), or, in the pass with a savepoint per mutation, each in the mutation's
 * savepoint (settleClaim). Every push writes claims under that lock, so no claim can appear
 * between the read and the insert; and the insert has no ON CONFLICT: if one ever did, the
 * insert would fail and undo the effect with it. A replay, or a twin racing in another request
 * (which waits for the lock, then reads the committed claim), has no second effect.
 *
 * An id belongs to the user who first sent it and to its content (content-hash.ts): the same id
 * from another user, or with other content, is refused (`taken`) and learns nothing of the
 * first — not even its result.
 */
export type ClaimKey = { mutationId: string; clientId: string; userId: string; hash: string };

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; result: PushResult }
  | { kind: 'taken' };

type StoredClaim = { user_id: string; content_hash: string | null; result: PushResult | null };

/**
 * The claims of one transaction's mutation ids: read once, then kept as the transaction writes
 * them, so that an id sent twice in one batch finds its first occurrence's claim.
 */
export type Claims = Map<string, StoredClaim>;

function replayOf(mutationId: string, result: PushResult | null): PushResult {
  if (result?.status === 'rejected') return result;
  return {
    mutationId,
    status: 'duplicate',
    ...(result?.version !== undefined ? { version: result.version } : {}),
  };
}

/** Reads the stored claims of `mutationIds`; the caller holds the write lock. */
export async function readClaims(tx: Sql, mutationIds: readonly string[]): Promise<Claims> {
  const stored = await tx.query<StoredClaim & { mutation_id: string }>(
    `SELECT mutation_id, user_id, content_hash, result FROM mutations
     WHERE mutation_id = ANY($1::uuid[])`,
    [mutationIds],
  );
  return new Map(stored.rows.map(({ mutation_id, ...claim }) => [mutation_id, claim]));
}

/** What `key` is to the claims read: free, its owner's replay, or taken. */
export function claimOf(claims: Claims, key: ClaimKey): Claim {
  // uuid columns come back lower-case (the protocol's uuids are lower-case already).
  const row = claims.get(key.mutationId.toLowerCase());
  if (!row) return { kind: 'claimed' };
  const sameContent = row.content_hash === null || row.content_hash === key.hash;
  if (row.user_id !== key.userId || !sameContent) return { kind: 'taken' };
  return { kind: 'replay', result: replayOf(key.mutationId, row.result) };
}

async function insertClaim(tx: Sql, key: ClaimKey, result: PushResult, orNothing: boolean) {
  await tx.query(
    `INSERT INTO mutations (mutation_id, client_id, user_id, content_hash, result)
     VALUES ($1, $2, $3, $4, $5::jsonb)${orNothing ? ' ON CONFLICT (mutation_id) DO NOTHING' : ''}`,
    [key.mutationId, key.clientId, key.userId, key.hash, JSON.stringify(result)],
  );
}

/**
 * Claims the id with the answer kept for replays, in the mutation's savepoint; a conflict is not
 * kept (its replay is judged again). Call `remember` once the mutation is done.
 */
export async function settleClaim(tx: Sql, key: ClaimKey, result: PushResult): Promise<void> {
  if (result.status !== 'conflict') await insertClaim(tx, key, result, false);
}

/** A mutation's claim with its result, kept to be inserted at its transaction's end. */
export type SettledClaim = { key: ClaimKey; result: PushResult };

/**
 * settleClaim of a whole transaction's mutations in one statement, its one parameter numbered
 * `first`, to be sent before it commits: the optimistic pass of a push (apply.ts, applyBatch),
 * where one mutation's failure rolls back all of them anyway. No ON CONFLICT, as in settleClaim.
 * Undefined when no claim is kept.
 */
export function claimsInsert(settled: readonly SettledClaim[], first = 1): Statement | undefined {
  const kept = settled.filter(({ result }) => result.status !== 'conflict');
  if (kept.length === 0) return undefined;
  const rows = kept.map(({ key, result }) => ({
    mutation_id: key.mutationId,
    client_id: key.clientId,
    user_id: key.userId,
    content_hash: key.hash,
    result,
  }));
  return {
    text: `INSERT INTO mutations (mutation_id, client_id, user_id, content_hash, result)
     SELECT mutation_id, client_id, user_id, content_hash, result
     FROM jsonb_to_recordset($${first}::jsonb)
       AS claim(mutation_id uuid, client_id uuid, user_id uuid, content_hash text, result jsonb)`,
    params: [JSON.stringify(rows)],
  };
}

/** The claims as `settleClaim` or `recordFailure` left them in the database. */
export function remember(claims: Claims, key: ClaimKey, result: PushResult): void {
  if (result.status === 'conflict') return;
  const id = key.mutationId.toLowerCase();
  if (!claims.has(id)) claims.set(id, { user_id: key.userId, content_hash: key.hash, result });
}

/**
 * After a database error rolled the mutation back: the id is claimed with its `internal`
 * rejection, so that the device quarantines it and a replay answers the same.
 */
export async function recordFailure(tx: Sql, key: ClaimKey, result: PushResult): Promise<void> {
  await insertClaim(tx, key, result, true);
}
