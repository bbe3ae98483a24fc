import type { Sql } from '../store/types';

/**
 * Failed-login throttling, counted in the database so that every server instance sees the same
 * counts (docs/design.md §6), at three levels:
 * - per (username, address) pair: stops password guessing on one account from one machine;
 * - per client address: stops one machine from trying many accounts;
 * - per username across addresses, at a much higher threshold: stops a distributed guess, yet an
 *   attacker elsewhere cannot lock the user out of their own phone with a handful of failures.
 *
 * An attempt is recorded BEFORE the password is checked and counted with the others, so that a
 * burst of parallel guesses cannot all pass the check before any failure is written. A
 * successful login removes the failures of its own (username, address) pair.
 */
export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_PAIR = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const MAX_FAILURES_PER_USERNAME = 100;

export type LoginAttempt = { id: number; username: string; address: string };

export type AttemptOutcome =
  | { allowed: true; attempt: LoginAttempt }
  | { allowed: false; retryAfterSeconds: number };

// Seconds until the failure that keeps a key at its limit leaves the window: the (max+1)-th
// newest row counting the attempt just recorded, i.e. the max-th among earlier failures.
const retryAfterFor = (where: string, offset: string) => `
  (SELECT ceil(extract(epoch FROM failed_at + make_interval(secs => $3) - now()))::int
   FROM login_failures
   WHERE ${where} AND failed_at > now() - make_interval(secs => $3)
   ORDER BY failed_at DESC, id DESC OFFSET ${offset} LIMIT 1)`;

export async function beginLoginAttempt(
  sql: Sql,
  username: string,
  address: string,
): Promise<AttemptOutcome> {
  // Usernames are case-insensitive: `Lan.NT` and `lan.nt` are one account, counted once.
  const name = username.toLowerCase();
  const inserted = await sql.query<{ id: number | string }>(
    'INSERT INTO login_failures (username, address) VALUES ($1, $2) RETURNING id',
    [name, address],
  );
  const attempt = { id: Number(inserted.rows[0]?.id), username: name, address };
  const limits = await sql.query<Record<'by_pair' | 'by_address' | 'by_user', number | null>>(
    `SELECT ${retryAfterFor('username = $1 AND address = $2', '$4')} AS by_pair,
            ${retryAfterFor('address = $2', '$5')} AS by_address,
            ${retryAfterFor('username = $1', '$6')} AS by_user`,
    [
      name,
      address,
      LOGIN_WINDOW_SECONDS,
      MAX_FAILURES_PER_PAIR,
      MAX_FAILURES_PER_ADDRESS,
      MAX_FAILURES_PER_USERNAME,
    ],
  );
  const row = limits.rows[0];
  const waits = [row?.by_pair, row?.by_address, row?.by_user].filter(
    (wait) => wait !== null && wait !== undefined,
  );
  if (waits.length === 0) return { allowed: true, attempt };
  // A refused attempt is not a guess: dropping it keeps the lock-out from extending itself.
  await sql.query('DELETE FROM login_failures WHERE id = $1', [attempt.id]);
  return { allowed: false, retryAfterSeconds: Math.max(1, ...waits.map(Number)) };
}

/** The attempt stays as a failure; rows that left the window are dropped on the way. */
export async function recordLoginFailure(sql: Sql): Promise<void> {
  await sql.query(
    'DELETE FROM login_failures WHERE failed_at < now() - make_interval(secs => $1)',
    [LOGIN_WINDOW_SECONDS],
  );
}

export async function recordLoginSuccess(sql: Sql, attempt: LoginAttempt): Promise<void> {
  await sql.query('DELETE FROM login_failures WHERE (username = $1 AND address = $2) OR id = $3', [
    attempt.username,
    attempt.address,
    attempt.id,
  ]);
}
