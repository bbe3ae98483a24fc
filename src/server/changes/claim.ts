import type { PushResult } from '../../shared/protocol';
import type { Sql } from '../store/types';

/**
 * The idempotency record of a mutation id (docs/design.md §5–§6). The id is claimed FIRST, in the
 * same transaction as the effect: a replay, or a twin racing in another request (which waits for
 * this transaction to commit), finds it taken and has no second effect.
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

function replayOf(mutationId: string, result: PushResult | null): PushResult {
  if (result?.status === 'rejected') return result;
  return {
    mutationId,
    status: 'duplicate',
    ...(result?.version !== undefined ? { version: result.version } : {}),
  };
}

export async function claimMutation(tx: Sql, key: ClaimKey): Promise<Claim> {
  // Twice at most: a row that vanished between the two statements (purged, or a racing twin
  // that ended in a conflict) leaves the id free again.
  for (let attempt = 0; attempt < 2; attempt++) {
    const claimed = await tx.query(
      `INSERT INTO mutations (mutation_id, client_id, user_id, content_hash)
       VALUES ($1, $2, $3, $4) ON CONFLICT (mutation_id) DO NOTHING RETURNING mutation_id`,
      [key.mutationId, key.clientId, key.userId, key.hash],
    );
    if (claimed.rowCount > 0) return { kind: 'claimed' };
    const stored = await tx.query<StoredClaim>(
      'SELECT user_id, content_hash, result FROM mutations WHERE mutation_id = $1',
      [key.mutationId],
    );
    const row = stored.rows[0];
    if (!row) continue;
    const sameContent = row.content_hash === null || row.content_hash === key.hash;
    if (row.user_id !== key.userId || !sameContent) return { kind: 'taken' };
    return { kind: 'replay', result: replayOf(key.mutationId, row.result) };
  }
  return { kind: 'taken' };
}

/** Keeps the answer for replays; a conflict is not kept (its replay is judged again). */
export async function settleClaim(tx: Sql, key: ClaimKey, result: PushResult): Promise<void> {
  if (result.status === 'conflict') {
    await tx.query('DELETE FROM mutations WHERE mutation_id = $1', [key.mutationId]);
    return;
  }
  await tx.query('UPDATE mutations SET result = $2::jsonb WHERE mutation_id = $1', [
    key.mutationId,
    JSON.stringify(result),
  ]);
}

/**
 * After a database error rolled the mutation back: the id is claimed again with its `internal`
 * rejection, so that the device quarantines it and a replay answers the same.
 */
export async function recordFailure(tx: Sql, key: ClaimKey, result: PushResult): Promise<void> {
  await tx.query(
    `INSERT INTO mutations (mutation_id, client_id, user_id, content_hash, result)
     VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (mutation_id) DO NOTHING`,
    [key.mutationId, key.clientId, key.userId, key.hash, JSON.stringify(result)],
  );
}
