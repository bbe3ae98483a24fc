import {
  type Bytes,
  fromBase64url,
  type Key,
  randomBytes,
  subtle,
  toBase64url,
  utf8,
} from './bytes';
import { PBKDF2_ITERATIONS, type Pbkdf2Params, SALT_BYTES } from './params';

/** Key derivation shared by PIN wrapping and backup files. */

type AesUsage = 'encrypt' | 'decrypt' | 'wrapKey' | 'unwrapKey';

/** Fresh PBKDF2 parameters: a new random salt and `iterations` (PBKDF2_ITERATIONS by default). */
export function newPbkdf2Params(iterations = PBKDF2_ITERATIONS): Pbkdf2Params {
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new RangeError(`PBKDF2 iterations must be a positive integer, got ${iterations}.`);
  }
  return {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations,
    salt: toBase64url(randomBytes(SALT_BYTES)),
  };
}

/** An AES-GCM-256 key from a secret the user types (PIN, passphrase), NFC-normalised. */
export async function deriveFromSecret(
  secret: string,
  params: Pbkdf2Params,
  usages: readonly AesUsage[],
): Promise<Key> {
  const salt = fromBase64url(params.salt);
  if (!salt) throw new TypeError('PBKDF2 salt is not base64url.');
  const base = await subtle().importKey('raw', utf8(secret.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: params.iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    [...usages],
  );
}

/** An AES-GCM-256 key from high-entropy key material (a WebAuthn PRF output) with HKDF. */
export async function deriveFromKeyMaterial(
  material: Bytes,
  salt: Bytes,
  info: string,
  usages: readonly AesUsage[],
): Promise<Key> {
  const base = await subtle().importKey('raw', material, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8(info) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    [...usages],
  );
}
