import * as v from 'valibot';
import { base64urlSchema } from '../protocol/sealed';
import {
  type Bytes,
  fromBase64url,
  type Key,
  randomBytes,
  subtle,
  toBase64url,
  utf8,
} from './bytes';
import { DATA_KEY_USAGES } from './data-key';
import { CryptoError, type CryptoErrorCode, refuseAs } from './errors';
import { deriveFromKeyMaterial, deriveFromSecret, newPbkdf2Params } from './kdf';
import {
  IV_BYTES,
  ivSchema,
  PBKDF2_ITERATIONS,
  pbkdf2ParamsSchema,
  SALT_BYTES,
  saltSchema,
} from './params';
import { hasPinErrors } from './pin-policy';

/**
 * The data key at rest, wrapped (AES-GCM key wrap) by a key the user unlocks with (README.md,
 * "Unlocking"): a PIN through PBKDF2-SHA-256, or a passkey's WebAuthn PRF output through HKDF.
 * Each wrapped form carries its own parameters, so the iterations can be raised later.
 */

/** A wrapped 32-byte key plus its 16-byte tag: 48 bytes, 64 base64url characters. */
const wrappedKeySchema = base64urlSchema(64);

export const pinWrappedKeySchema = v.strictObject({
  kind: v.literal('pin'),
  v: v.literal(1),
  kdf: pbkdf2ParamsSchema,
  iv: ivSchema,
  wrapped: wrappedKeySchema,
});
export type PinWrappedKey = v.InferOutput<typeof pinWrappedKeySchema>;

export const prfWrappedKeySchema = v.strictObject({
  kind: v.literal('prf'),
  v: v.literal(1),
  kdf: v.strictObject({ name: v.literal('HKDF'), hash: v.literal('SHA-256'), salt: saltSchema }),
  iv: ivSchema,
  wrapped: wrappedKeySchema,
});
export type PrfWrappedKey = v.InferOutput<typeof prfWrappedKeySchema>;

/** The length of a WebAuthn PRF output (HMAC-SHA-256). */
export const PRF_SECRET_BYTES = 32;

const PRF_INFO = 'sotay/data-key/prf/v1';

/** Associated data: a PIN-wrapped key cannot be passed off as a PRF-wrapped one, or back. */
const aad = (kind: 'pin' | 'prf') => utf8(JSON.stringify(['sotay/data-key/v1', kind]));

export type UnwrapOptions = {
  /** Only to wrap it again (a new PIN, a new passkey, more iterations); default false. */
  extractable?: boolean;
};

async function wrapWith(kek: Key, dataKey: Key, kind: 'pin' | 'prf') {
  const iv = randomBytes(IV_BYTES);
  const wrapped = await subtle().wrapKey('raw', dataKey, kek, {
    name: 'AES-GCM',
    iv,
    additionalData: aad(kind),
  });
  return { iv: toBase64url(iv), wrapped: toBase64url(new Uint8Array(wrapped)) };
}

async function unwrapWith(
  kek: () => Promise<Key>,
  stored: { iv: string; wrapped: string },
  kind: 'pin' | 'prf',
  refusal: CryptoErrorCode,
  options: UnwrapOptions,
): Promise<Key> {
  const iv = fromBase64url(stored.iv);
  const wrapped = fromBase64url(stored.wrapped);
  if (!iv || !wrapped) throw new CryptoError('record_unreadable');
  return refuseAs(refusal, async () =>
    subtle().unwrapKey(
      'raw',
      wrapped,
      await kek(),
      { name: 'AES-GCM', iv, additionalData: aad(kind) },
      { name: 'AES-GCM', length: 256 },
      options.extractable ?? false,
      [...DATA_KEY_USAGES],
    ),
  );
}

/**
 * Wraps the data key under `pin` (which must pass checkPin). `iterations` defaults to
 * PBKDF2_ITERATIONS; tests pass a lower count explicitly.
 */
export async function wrapDataKeyWithPin(
  dataKey: Key,
  pin: string,
  options: { iterations?: number } = {},
): Promise<PinWrappedKey> {
  if (hasPinErrors(pin)) throw new CryptoError('pin_weak');
  const kdf = newPbkdf2Params(options.iterations ?? PBKDF2_ITERATIONS);
  const kek = await deriveFromSecret(pin, kdf, ['wrapKey']);
  return { kind: 'pin', v: 1, kdf, ...(await wrapWith(kek, dataKey, 'pin')) };
}

/** The data key from its PIN-wrapped form; a wrong PIN → `wrong_pin`. */
export async function unwrapDataKeyWithPin(
  stored: unknown,
  pin: string,
  options: UnwrapOptions = {},
): Promise<Key> {
  const parsed = v.safeParse(pinWrappedKeySchema, stored);
  if (!parsed.success || !fromBase64url(parsed.output.kdf.salt)) {
    throw new CryptoError('record_unreadable');
  }
  const { kdf } = parsed.output;
  return unwrapWith(
    () => deriveFromSecret(pin, kdf, ['unwrapKey']),
    parsed.output,
    'pin',
    'wrong_pin',
    options,
  );
}

/** True when the PIN-wrapped key was made with fewer iterations than today's: wrap it again. */
export function pinWrapNeedsUpgrade(
  stored: PinWrappedKey,
  iterations = PBKDF2_ITERATIONS,
): boolean {
  return stored.kdf.iterations < iterations;
}

function prfBytes(secret: ArrayBuffer | Uint8Array): Bytes {
  return secret instanceof ArrayBuffer ? new Uint8Array(secret.slice(0)) : new Uint8Array(secret);
}

/** Wraps the data key under a passkey's 32-byte WebAuthn PRF output. */
export async function wrapDataKeyWithPrf(
  dataKey: Key,
  prfSecret: ArrayBuffer | Uint8Array,
): Promise<PrfWrappedKey> {
  const secret = prfBytes(prfSecret);
  if (secret.length !== PRF_SECRET_BYTES) {
    throw new RangeError(`A PRF secret has ${PRF_SECRET_BYTES} bytes, got ${secret.length}.`);
  }
  const salt = randomBytes(SALT_BYTES);
  const kek = await deriveFromKeyMaterial(secret, salt, PRF_INFO, ['wrapKey']);
  return {
    kind: 'prf',
    v: 1,
    kdf: { name: 'HKDF', hash: 'SHA-256', salt: toBase64url(salt) },
    ...(await wrapWith(kek, dataKey, 'prf')),
  };
}

/** The data key from its PRF-wrapped form; another passkey's secret → `wrong_prf_secret`. */
export async function unwrapDataKeyWithPrf(
  stored: unknown,
  prfSecret: ArrayBuffer | Uint8Array,
  options: UnwrapOptions = {},
): Promise<Key> {
  const parsed = v.safeParse(prfWrappedKeySchema, stored);
  const salt = parsed.success ? fromBase64url(parsed.output.kdf.salt) : undefined;
  if (!parsed.success || !salt) throw new CryptoError('record_unreadable');
  const secret = prfBytes(prfSecret);
  if (secret.length !== PRF_SECRET_BYTES) throw new CryptoError('wrong_prf_secret');
  return unwrapWith(
    () => deriveFromKeyMaterial(secret, salt, PRF_INFO, ['unwrapKey']),
    parsed.output,
    'prf',
    'wrong_prf_secret',
    options,
  );
}
