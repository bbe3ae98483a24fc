import * as v from 'valibot';
import {
  SEALED_VERSION,
  type SealedEnvelope,
  type SealPublicJwk,
  sealedEnvelopeSchema,
  sealPublicJwkSchema,
} from '../protocol/sealed';
import {
  type Bytes,
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

/**
 * Sealing: hybrid public-key encryption that anyone holding the public key can write and only
 * the holder of the private key can read (README.md, "Sealed for the server").
 *
 *   ephemeral ECDH P-256 key pair per message → shared secret Z with the recipient's key
 *   HKDF-SHA-256(ikm = Z, salt = epk, info = "sotay/seal/v1") → AES-GCM-256 key
 *   AES-GCM(iv = 96 random bits, aad = JSON ["sotay/seal/v1", kid, context]) over the JSON text
 *
 * `context` binds the envelope to where it belongs (the outbox uses `entity:entityId`): an
 * envelope moved to another record does not open.
 */

const LABEL = 'sotay/seal/v1';
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** A private sealing key as a JWK (the public coordinates and `d`); kept by its owner only. */
export const sealPrivateJwkSchema = v.object({
  ...sealPublicJwkSchema.entries,
  d: sealPublicJwkSchema.entries.x,
});
export type SealPrivateJwk = v.InferOutput<typeof sealPrivateJwkSchema>;

export type SealKeyPair = { kid: string; publicJwk: SealPublicJwk; privateJwk: SealPrivateJwk };

/** The private keys an opener holds, by key id. */
export type SealOpeningKeys = ReadonlyMap<string, Key>;

/** RFC 7638 JWK thumbprint (SHA-256, base64url): the key id of a sealing key. */
export async function jwkThumbprint(jwk: SealPublicJwk): Promise<string> {
  // Required members only, in lexicographic order, no whitespace (RFC 7638 §3.2).
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return toBase64url(new Uint8Array(await subtle().digest('SHA-256', utf8(canonical))));
}

/** The public half of a private JWK. */
export function publicJwkOf(jwk: SealPrivateJwk): SealPublicJwk {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}

/** A fresh sealing key pair, exported as JWKs; its key id is its thumbprint. */
export async function generateSealKeyPair(): Promise<SealKeyPair> {
  const pair = await subtle().generateKey(ECDH, true, ['deriveBits']);
  const privateJwk = v.parse(
    sealPrivateJwkSchema,
    await subtle().exportKey('jwk', pair.privateKey),
  );
  const publicJwk = publicJwkOf(privateJwk);
  return { kid: await jwkThumbprint(publicJwk), publicJwk, privateJwk };
}

/** Imports a private JWK for opening; a JWK that is not a P-256 private key → `key_invalid`. */
export async function importSealPrivateKey(jwk: unknown): Promise<Key> {
  const parsed = v.safeParse(sealPrivateJwkSchema, jwk);
  if (!parsed.success) throw new CryptoError('key_invalid');
  return refuseAs('key_invalid', () =>
    subtle().importKey('jwk', { ...parsed.output, ext: false }, ECDH, false, ['deriveBits']),
  );
}

async function importRecipient(publicKeyJwk: unknown, kid: string): Promise<Key> {
  const parsed = v.safeParse(sealPublicJwkSchema, publicKeyJwk);
  if (!parsed.success || (await jwkThumbprint(parsed.output)) !== kid) {
    throw new CryptoError('key_invalid');
  }
  return refuseAs('key_invalid', () => subtle().importKey('jwk', parsed.output, ECDH, false, []));
}

async function messageKey(
  privateKey: Key,
  publicKey: Key,
  epk: Bytes,
  usage: 'encrypt' | 'decrypt',
): Promise<Key> {
  const shared = await subtle().deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const ikm = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: epk, info: utf8(LABEL) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

function associatedData(kid: string, context: string): Bytes {
  return utf8(JSON.stringify([LABEL, kid, context]));
}

/**
 * Seals `plaintext` (any JSON value) for the holder of `publicKeyJwk`. `kid` must be the key's
 * thumbprint (as the server sends it): a mismatch is `key_invalid` here, on the device, rather
 * than a record the server can never open.
 */
export async function seal(
  publicKeyJwk: SealPublicJwk,
  kid: string,
  plaintext: unknown,
  context = '',
): Promise<SealedEnvelope> {
  const body = jsonBytes(plaintext);
  const recipient = await importRecipient(publicKeyJwk, kid);
  const ephemeral = await subtle().generateKey(ECDH, false, ['deriveBits']);
  const epk = new Uint8Array(await subtle().exportKey('raw', ephemeral.publicKey));
  const key = await messageKey(ephemeral.privateKey, recipient, epk, 'encrypt');
  const iv = randomBytes(12);
  const ct = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(kid, context) },
    key,
    body,
  );
  return {
    v: SEALED_VERSION,
    kid,
    epk: toBase64url(epk),
    iv: toBase64url(iv),
    ct: toBase64url(new Uint8Array(ct)),
  };
}

function decoded(text: string): Bytes {
  const bytes = fromBase64url(text);
  if (!bytes) throw new CryptoError('sealed_invalid');
  return bytes;
}

/**
 * Opens an envelope with the key its `kid` names, among `keys`; returns the JSON value sealed.
 * Malformed, tampered or sealed for another key or `context` → `sealed_invalid`; a `kid` not in
 * `keys` → `sealed_unknown_key`. Never returns anything partial.
 */
export async function open(
  keys: SealOpeningKeys,
  envelope: unknown,
  context = '',
): Promise<unknown> {
  const parsed = v.safeParse(sealedEnvelopeSchema, envelope);
  if (!parsed.success) throw new CryptoError('sealed_invalid');
  const { kid } = parsed.output;
  const privateKey = keys.get(kid);
  if (!privateKey) throw new CryptoError('sealed_unknown_key');
  const epk = decoded(parsed.output.epk);
  const iv = decoded(parsed.output.iv);
  const ct = decoded(parsed.output.ct);
  return refuseAs('sealed_invalid', async () => {
    const sender = await subtle().importKey('raw', epk, ECDH, false, []);
    const key = await messageKey(privateKey, sender, epk, 'decrypt');
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv, additionalData: associatedData(kid, context) },
      key,
      ct,
    );
    // Anyone may seal for a public key, so what opens is still untrusted input: bad UTF-8 or
    // bad JSON is refused like a bad tag, never thrown as a crash.
    return JSON.parse(fromUtf8(new Uint8Array(plain))) as unknown;
  });
}
