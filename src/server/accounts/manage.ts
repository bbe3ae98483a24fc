import type { CreateUnitRequest, CreateUserRequest } from '../../shared/protocol';
import type { Unit, User } from '../../shared/schemas';
import { passwordIssues } from '../auth/password-policy';
import { deleteUserSessions } from '../auth/sessions';
import { lockWrites } from '../changes/write-lock';
import { apiError, apiErrorMessage } from '../http/errors';
import type { Sql, Store } from '../store/types';
import { findUnit, insertUnit, subtreeIds } from './units';
import { findUserById, insertUser } from './users';

/**
 * Creating units and accounts, for the admin API and the CLI alike. `actor` is the admin making
 * the change (absent for the CLI, which acts with the operator's full authority): an admin works
 * in their unit's subtree, and only an admin of a top-level unit may add another top-level unit.
 */

function missingUnit(field: string) {
  return apiError(400, 'validation_failed', {
    fields: [{ field, code: 'unit.not_found', message: apiErrorMessage('not_found') }],
  });
}

async function assertInScope(tx: Sql, actor: User | undefined, unitId: string): Promise<void> {
  if (!actor) return;
  if (!(await subtreeIds(tx, actor.unitId)).includes(unitId)) throw apiError(403, 'forbidden');
}

export async function createUnit(
  store: Store,
  input: CreateUnitRequest,
  actor?: User,
): Promise<Unit> {
  const unit = await store.transaction(async (tx) => {
    await lockWrites(tx);
    if (input.parentId !== undefined) {
      if (!(await findUnit(tx, input.parentId))) throw missingUnit('parentId');
      await assertInScope(tx, actor, input.parentId);
    } else if (actor && (await findUnit(tx, actor.unitId))?.parentId !== undefined) {
      throw apiError(403, 'forbidden');
    }
    const created = await insertUnit(tx, input, actor?.id);
    if (!created) throw apiError(409, 'conflict');
    return created;
  });
  await store.flush();
  return unit;
}

export async function createUser(
  store: Store,
  input: CreateUserRequest,
  actor?: User,
): Promise<User> {
  const weak = passwordIssues(input.password, input.username);
  if (weak.length > 0) throw apiError(400, 'validation_failed', { fields: weak });
  if (!(await findUnit(store, input.unitId))) throw missingUnit('unitId');
  await assertInScope(store, actor, input.unitId);
  const user = await insertUser(store, input);
  if (!user) {
    throw apiError(409, 'conflict', {
      fields: [
        { field: 'username', code: 'user.username.taken', message: apiErrorMessage('conflict') },
      ],
    });
  }
  await store.flush();
  return user;
}

/**
 * Signs a user out on every device (an admin, for a user of their subtree; the CLI, anyone):
 * a lost phone, or a departure, no longer opens the server.
 */
export async function signOutEverywhere(store: Store, userId: string, actor?: User): Promise<void> {
  const user = await findUserById(store, userId);
  if (!user) throw apiError(404, 'not_found');
  await assertInScope(store, actor, user.unitId);
  await deleteUserSessions(store, user.id);
  await store.flush();
}
