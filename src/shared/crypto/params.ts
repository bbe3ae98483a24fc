import * as v from 'valibot';
import { base64urlSchema } from '../protocol/sealed';

/** Parameters of the device's protections; README.md says why each value. */

/** PBKDF2-HMAC-SHA-256 work factor for PINs and backup passphrases (OWASP, 2023). */
export const PBKDF2_ITERATIONS = 600_000;

/**
 * The most iterations a stored key or a backup file may ask for: a hostile file claiming a
 * billion would freeze the phone, so it is refused as unreadable instead.
 */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

/** Salts are 128 bits; AES-GCM IVs are 96 bits, fresh for every encryption. */
export const SALT_BYTES = 16;
export const IV_BYTES = 12;

export const MIN_PIN_DIGITS = 6;
export const MIN_BACKUP_PASSPHRASE_LENGTH = 10;

/** base64url lengths: 16 bytes → 22 characters, 12 → 16; an AES-GCM tag alone is 22. */
export const saltSchema = base64urlSchema(22);
export const ivSchema = base64urlSchema(16);
export const ciphertextSchema = (max: number) => base64urlSchema(22, max);

/** The key derivation from a PIN or a passphrase, stored next to what it protects. */
export const pbkdf2ParamsSchema = v.strictObject({
  name: v.literal('PBKDF2'),
  hash: v.literal('SHA-256'),
  iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PBKDF2_ITERATIONS)),
  salt: saltSchema,
});
export type Pbkdf2Params = v.InferOutput<typeof pbkdf2ParamsSchema>;
