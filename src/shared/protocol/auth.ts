import * as v from 'valibot';
import {
  MAX_LENGTH,
  requiredText,
  UNIT_KINDS,
  USER_ROLES,
  usernameSchema,
  userSchema,
  uuidSchema,
} from '../schemas';
import { serverSealKeySchema } from './sealed';

/**
 * Passwords are NFC-normalised (a Vietnamese password typed with Unikey may arrive as NFD) and
 * otherwise kept exactly: no trimming. The ceiling bounds the hashing cost of hostile input.
 */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

const passwordInput = v.pipe(v.string(), v.normalize('NFC'), v.maxLength(MAX_PASSWORD_LENGTH));

/** `POST /api/auth/login`. */
export const loginRequestSchema = v.object({
  username: usernameSchema,
  password: v.pipe(passwordInput, v.nonEmpty()),
});
export type LoginRequest = v.InferOutput<typeof loginRequestSchema>;

export const loginResponseSchema = v.object({
  token: v.pipe(v.string(), v.nonEmpty()),
  user: userSchema,
  /**
   * The server's current sealing key, for the installation to pin and seal its outbox for
   * (docs/design.md §5 "Sealing"). Every login of this server sends it; optional so that an
   * answer without it (a server before sealed delivery) still signs in, and the device then
   * sends `data` in clear over TLS until it has a key.
   */
  sealKey: v.optional(serverSealKeySchema),
});
export type LoginResponse = v.InferOutput<typeof loginResponseSchema>;

/** `POST /api/admin/units` (admin only) → 201 with the Unit. `id` is made by the server if absent. */
export const createUnitRequestSchema = v.object({
  id: v.optional(uuidSchema),
  name: requiredText(MAX_LENGTH.name),
  kind: v.picklist(UNIT_KINDS),
  parentId: v.optional(uuidSchema),
});
export type CreateUnitRequest = v.InferOutput<typeof createUnitRequestSchema>;

/** `POST /api/admin/users` (admin only) → 201 with the User (never the password). */
export const createUserRequestSchema = v.object({
  username: usernameSchema,
  password: v.pipe(passwordInput, v.minLength(MIN_PASSWORD_LENGTH)),
  displayName: requiredText(MAX_LENGTH.name),
  role: v.picklist(USER_ROLES),
  unitId: uuidSchema,
});
export type CreateUserRequest = v.InferOutput<typeof createUserRequestSchema>;

/**
 * `POST /api/auth/password` (Bearer) → 204. The current password is checked (and throttled like a
 * login); the new one must pass the server's password rules. Every other session of the user
 * ends: a password changed because it leaked also signs the thief out.
 */
export const changePasswordRequestSchema = v.object({
  currentPassword: v.pipe(passwordInput, v.nonEmpty()),
  newPassword: v.pipe(passwordInput, v.minLength(MIN_PASSWORD_LENGTH)),
});
export type ChangePasswordRequest = v.InferOutput<typeof changePasswordRequestSchema>;

/**
 * `POST /api/auth/revoke` (no session) → 204: ends the session whose token hashes to
 * `tokenHash` (sessionTokenHash in src/shared/crypto: SHA-256 hex of the token). A device that
 * signs out offline wipes its token at once and queues this for its next connection. Answered 204
 * whether or not such a session lives (idempotent, and it tells nothing); throttled per address.
 */
export const revokeRequestSchema = v.object({
  tokenHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'invalid')),
});
export type RevokeRequest = v.InferOutput<typeof revokeRequestSchema>;
