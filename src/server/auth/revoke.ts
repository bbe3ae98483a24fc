import type { Sql } from '../store/types';

/**
 * `POST /api/auth/revoke` (docs/design.md §5): a device that signed out offline sends the hash
 * of its old token at its next connection. No session is asked (the token is gone), so the
 * route is throttled per client address: a hash is 256 bits and cannot be guessed, but an
 * endpoint open to anyone must not be a free write to the database.
 */
export const REVOKE_WINDOW_SECONDS = 15 * 60;
export const MAX_REVOCATIONS_PER_ADDRESS = 30;

/** Records the attempt; the seconds to wait when the address is over its limit, else undefined. */
export async function throttleRevocation(sql: Sql, address: string): Promise<number | undefined> {
  await sql.query(
    'DELETE FROM revocation_attempts WHERE attempted_at < now() - make_interval(secs => $1)',
    [REVOKE_WINDOW_SECONDS],
  );
  // The oldest attempt still counted says when the address may try again.
  const counted = await sql.query<{ n: number | string; wait: number | string | null }>(
    `SELECT count(*) AS n,
            ceil(extract(epoch FROM min(attempted_at) + make_interval(secs => $2) - now()))::int AS wait
     FROM revocation_attempts WHERE address = $1`,
    [address, REVOKE_WINDOW_SECONDS],
  );
  const row = counted.rows[0];
  if (Number(row?.n ?? 0) >= MAX_REVOCATIONS_PER_ADDRESS) {
    return Math.max(1, Number(row?.wait ?? REVOKE_WINDOW_SECONDS));
  }
  await sql.query('INSERT INTO revocation_attempts (address) VALUES ($1)', [address]);
  return undefined;
}

/** Ends the session stored under `tokenHash`, if it still lives. */
export async function revokeSession(sql: Sql, tokenHash: string): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}
