import type { User } from '../../shared/schemas';
import { toUser, USER_COLUMNS, type UserRow } from '../accounts/users';
import type { Sql } from '../store/types';
import { hashToken, newSessionToken } from './tokens';

/** A session ends after this long without use… */
export const SESSION_IDLE_DAYS = 30;
/** …and this long after sign-in however much it is used: a stolen token does not live forever. */
export const SESSION_MAX_DAYS = 90;
/** last_used_at is refreshed at most this often, so that a request is not also a write. */
export const TOUCH_INTERVAL_SECONDS = 60;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The condition of a live session, on the sessions table or its alias `s.`. */
const live = (alias = '') =>
  `${alias}last_used_at > now() - make_interval(days => ${SESSION_IDLE_DAYS})
   AND ${alias}created_at > now() - make_interval(days => ${SESSION_MAX_DAYS})`;

export async function createSession(sql: Sql, userId: string): Promise<string> {
  const token = newSessionToken();
  await sql.query('INSERT INTO sessions (token_hash, user_id) VALUES ($1, $2)', [
    hashToken(token),
    userId,
  ]);
  // Housekeeping where it costs nothing noticeable: expired sessions are never used again.
  await sql.query(`DELETE FROM sessions WHERE NOT (${live()})`);
  return token;
}

/** The active user of a live session, refreshing its last use; undefined otherwise. */
export async function resolveSession(sql: Sql, token: string): Promise<User | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const tokenHash = hashToken(token);
  const result = await sql.query<UserRow & { stale: boolean }>(
    `SELECT ${USER_COLUMNS.split(', ')
      .map((column) => `u.${column}`)
      .join(', ')},
            s.last_used_at < now() - make_interval(secs => $2) AS stale
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND ${live('s.')}`,
    [tokenHash, TOUCH_INTERVAL_SECONDS],
  );
  const row = result.rows[0];
  if (!row?.active) return undefined;
  if (row.stale) {
    await sql.query('UPDATE sessions SET last_used_at = now() WHERE token_hash = $1', [tokenHash]);
  }
  return toUser(row);
}

export async function deleteSession(sql: Sql, token: string): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}

/** Signs the user out everywhere, except on the device of `keepToken` when given. */
export async function deleteUserSessions(
  sql: Sql,
  userId: string,
  keepToken?: string,
): Promise<number> {
  const result = await sql.query(
    'DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2',
    [userId, keepToken === undefined ? null : hashToken(keepToken)],
  );
  return result.rowCount;
}
