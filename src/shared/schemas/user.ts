import * as v from 'valibot';
import { MAX_LENGTH, requiredText, syncFields, uuidSchema } from './common';
import { USER_ROLES } from './enums';

// Lowercased so that `Lan.NT` and `lan.nt` are one account: organizers type on phone keyboards
// that capitalise the first letter.
const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export const usernameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.regex(USERNAME_RE, 'invalid'),
);

/** An account. Never carries a password or its hash: those stay in the server's storage. */
export const userSchema = v.object({
  id: uuidSchema,
  username: usernameSchema,
  displayName: requiredText(MAX_LENGTH.name),
  role: v.picklist(USER_ROLES),
  unitId: uuidSchema,
  active: v.boolean(),
  ...syncFields,
});
export type User = v.InferOutput<typeof userSchema>;
