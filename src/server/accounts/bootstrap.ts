import * as v from 'valibot';
import { createUserRequestSchema } from '../../shared/protocol';
import type { User } from '../../shared/schemas';
import { passwordIssues } from '../auth/password-policy';
import { ApiError } from '../http/errors';
import { StartupError, type Store } from '../store/types';
import { createUnit, createUser } from './manage';
import { firstRootUnit } from './units';
import { userExists } from './users';

/** Name of the top-level unit made for the first admin when the database has none. */
export const BOOTSTRAP_UNIT_NAME = 'Liên đoàn Lao động';

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/**
 * ADMIN_USERNAME / ADMIN_PASSWORD: creates that admin on start unless the username exists, in
 * the oldest top-level unit (made first if there is none). An existing account is never changed,
 * so a password changed later is not reset by a restart.
 */
export async function ensureAdmin(
  store: Store,
  username: string,
  password: string,
): Promise<User | undefined> {
  const request = { username, password, displayName: username, role: 'admin' as const };
  // Checked before anything is created: the unit id is filled in below.
  const parsed = v.safeParse(createUserRequestSchema, { ...request, unitId: PLACEHOLDER_ID });
  if (!parsed.success) {
    const problems = parsed.issues.map((issue) => v.getDotPath(issue) ?? 'value').join(', ');
    throw new StartupError(
      `ADMIN_USERNAME/ADMIN_PASSWORD cannot be used (${problems}): a username is 3–64 lowercase letters, digits, '.', '_' or '-', and a password at least 8 characters.`,
    );
  }
  if (await userExists(store, parsed.output.username)) return undefined;
  const weak = passwordIssues(parsed.output.password, parsed.output.username);
  if (weak.length > 0) {
    throw new StartupError(
      `ADMIN_PASSWORD cannot be used: ${weak.map((issue) => issue.message).join(' ')}`,
    );
  }
  const root =
    (await firstRootUnit(store)) ??
    (await createUnit(store, { name: BOOTSTRAP_UNIT_NAME, kind: 'federation' }));
  try {
    return await createUser(store, { ...parsed.output, unitId: root.id });
  } catch (error) {
    // Another server starting at the same moment created it first.
    if (error instanceof ApiError && error.status === 409) return undefined;
    throw error;
  }
}
