import * as v from 'valibot';
import { USER_ROLES, uuidSchema } from '../schemas';

/**
 * `GET /api/units/users[?unitId]` (docs/design.md §5): the people of the user's scope as the
 * progress screens name them — id, display name, unit, role, whether the account is active, and
 * nothing else (no username, nothing personal beyond the name).
 */

/** `unitId` defaults to the user's own unit; one outside the user's scope is 403. */
export const unitUsersQuerySchema = v.object({ unitId: v.optional(uuidSchema) });

export const directoryUserSchema = v.object({
  id: uuidSchema,
  displayName: v.string(),
  unitId: uuidSchema,
  role: v.picklist(USER_ROLES),
  active: v.boolean(),
});
export type DirectoryUser = v.InferOutput<typeof directoryUserSchema>;

export const unitUsersResponseSchema = v.object({ users: v.array(directoryUserSchema) });
export type UnitUsersResponse = v.InferOutput<typeof unitUsersResponseSchema>;
