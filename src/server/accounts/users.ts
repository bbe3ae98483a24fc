import { randomUUID } from 'node:crypto';
import type { CreateUserRequest, DirectoryUser } from '../../shared/protocol';
import type { User, UserRole } from '../../shared/schemas';
import { hashPassword } from '../auth/password';
import type { Sql } from '../store/types';

export type UserRow = {
  id: string;
  username: string;
  display_name: string;
  role: UserRole;
  unit_id: string;
  active: boolean;
};

export const USER_COLUMNS = 'id, username, display_name, role, unit_id, active';

/** The wire shape of an account: never the password or its hash. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unitId: row.unit_id,
    active: row.active,
  };
}

/**
 * Creates an account; undefined when the username is taken (whatever its letter case). A caller
 * inside a transaction may hash beforehand (`passwordHash`) so as not to hold locks while hashing.
 */
export async function insertUser(
  sql: Sql,
  input: CreateUserRequest,
  passwordHash?: string,
): Promise<User | undefined> {
  const hash = passwordHash ?? (await hashPassword(input.password));
  const result = await sql.query<UserRow>(
    `INSERT INTO users (id, username, display_name, role, unit_id, password_hash)
     VALUES ($1, lower($2), $3, $4, $5, $6)
     ON CONFLICT DO NOTHING
     RETURNING ${USER_COLUMNS}`,
    [randomUUID(), input.username, input.displayName, input.role, input.unitId, hash],
  );
  const row = result.rows[0];
  return row ? toUser(row) : undefined;
}

export async function findUserForLogin(
  sql: Sql,
  username: string,
): Promise<{ user: User; passwordHash: string } | undefined> {
  const result = await sql.query<UserRow & { password_hash: string }>(
    `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE lower(username) = lower($1)`,
    [username],
  );
  const row = result.rows[0];
  return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined;
}

export async function userExists(sql: Sql, username: string): Promise<boolean> {
  const result = await sql.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [
    username,
  ]);
  return result.rowCount > 0;
}

export async function countUsers(sql: Sql): Promise<number> {
  const result = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return Number(result.rows[0]?.n ?? 0);
}

export async function listUsers(sql: Sql): Promise<User[]> {
  const result = await sql.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users ORDER BY lower(username)`,
  );
  return result.rows.map(toUser);
}

export async function setPassword(sql: Sql, userId: string, password: string): Promise<void> {
  await sql.query('UPDATE users SET password_hash = $2 WHERE id = $1', [
    userId,
    await hashPassword(password),
  ]);
}

export async function findUserById(sql: Sql, id: string): Promise<User | undefined> {
  const result = await sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  const row = result.rows[0];
  return row ? toUser(row) : undefined;
}

/**
 * The people of some units as the device names them (GET /api/units/users): no username, no
 * session, nothing but the name, unit, role and whether the account is active.
 */
export async function directoryOf(sql: Sql, unitIds: readonly string[]): Promise<DirectoryUser[]> {
  const result = await sql.query<Omit<UserRow, 'username'>>(
    `SELECT id, display_name, role, unit_id, active FROM users
     WHERE unit_id = ANY($1::uuid[]) ORDER BY display_name, id`,
    [unitIds],
  );
  return result.rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    unitId: row.unit_id,
    role: row.role,
    active: row.active,
  }));
}
