import * as v from 'valibot';
import {
  fromBase64url,
  fromUtf8,
  jsonBytes,
  type Key,
  randomBytes,
  subtle,
  toBase64url,
  utf8,
} from './bytes';
import { CryptoError, refuseAs } from './errors';
import { ciphertextSchema, IV_BYTES, ivSchema } from './params';

/**
 * Encryption at rest with the installation's data key (README.md, "The data key"): AES-GCM-256,
 * a fresh random 96-bit IV for every encryption, and associated data naming the table and the
 * record, so a ciphertext copied onto another record (or another table) does not decrypt.
 */

const LABEL = 'sotay/record/v1';

/** What a stored ciphertext belongs to: its table and its record's id. */
export type RecordPlace = { table: string; id: string };

/** The largest encrypted value: bounds what a damaged row can make the device decode. */
const MAX_CIPHERTEXT_LENGTH = 16 * 1024 * 1024;

export const encryptedJsonSchema = v.strictObject({
  v: v.literal(1),
  iv: ivSchema,
  ct: ciphertextSchema(MAX_CIPHERTEXT_LENGTH),
});
export type EncryptedJson = v.InferOutput<typeof encryptedJsonSchema>;

/** What the data key may do: records, and wrapping the device's sealing key (device-key.ts). */
export const DATA_KEY_USAGES = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] as const;

/**
 * A new random data key. It is extractable so that it can be wrapped (key-wrap.ts) right after;
 * the key the app keeps while unlocked comes from unwrapping, and is not extractable.
 */
export function createDataKey(): Promise<Key> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, [...DATA_KEY_USAGES]);
}

function associatedData(place: RecordPlace): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify([LABEL, place.table, place.id]));
}

/** Encrypts a JSON value for `place`. */
export async function encryptJson(
  dataKey: Key,
  place: RecordPlace,
  value: unknown,
): Promise<EncryptedJson> {
  const iv = randomBytes(IV_BYTES);
  const ct = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(place) },
    dataKey,
    jsonBytes(value),
  );
  return { v: 1, iv: toBase64url(iv), ct: toBase64url(new Uint8Array(ct)) };
}

/**
 * Decrypts what encryptJson stored for `place`. Tampered, moved, malformed or under another key
 * → `record_unreadable`; nothing partial is ever returned.
 */
export async function decryptJson(
  dataKey: Key,
  place: RecordPlace,
  encrypted: unknown,
): Promise<unknown> {
  const parsed = v.safeParse(encryptedJsonSchema, encrypted);
  const iv = parsed.success ? fromBase64url(parsed.output.iv) : undefined;
  const ct = parsed.success ? fromBase64url(parsed.output.ct) : undefined;
  if (!iv || !ct) throw new CryptoError('record_unreadable');
  return refuseAs('record_unreadable', async () => {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv, additionalData: associatedData(place) },
      dataKey,
      ct,
    );
    return JSON.parse(fromUtf8(new Uint8Array(plain))) as unknown;
  });
}
