import * as v from 'valibot';
import { MAX_LENGTH, requiredText, USER_ROLES, uuidSchema } from '../schemas';

/**
 * `GET /api/people` (docs/design.md §5): the active users of the caller's subtree whom an
 * enterprise may be assigned to (`assignedTo`), for a role that may assign. A supervisor's device
 * keeps the last list, so assigning works offline.
 */
export const personSchema = v.object({
  id: uuidSchema,
  displayName: requiredText(MAX_LENGTH.name),
  role: v.picklist(USER_ROLES),
  unitId: uuidSchema,
  active: v.boolean(),
});
export type Person = v.InferOutput<typeof personSchema>;

export const peopleResponseSchema = v.object({ people: v.array(personSchema) });
export type PeopleResponse = v.InferOutput<typeof peopleResponseSchema>;
