import * as v from 'valibot';
import { MAX_PUSH_BYTES } from './limits';

/**
 * Sealed delivery (docs/design.md §5): a push mutation may carry `sealed`, its `data` encrypted
 * on the device for the server's public key, in place of `data`. The algorithms and the meaning
 * of each field are in src/shared/crypto/README.md; this file is only the wire shape, so the
 * server can refuse a malformed envelope before it spends any work on it.
 */

/** Unpadded base64url (RFC 4648 §5) text of `min` characters, or `min`..`max`. */
export function base64urlSchema(min: number, max = min) {
  return v.pipe(
    v.string(),
    v.minLength(min),
    v.maxLength(max),
    v.regex(/^[A-Za-z0-9_-]*$/, 'invalid'),
  );
}

/** Envelope versions this code can open. */
export const SEALED_VERSION = 1;

/** A key id: the RFC 7638 thumbprint of the public key (43 characters), at most 64. */
export const sealKeyIdSchema = base64urlSchema(1, 64);

/** The P-256 coordinates of a public key: 32 bytes each, 43 base64url characters. */
const coordinate = base64urlSchema(43);

/** The public half of a sealing key as a JWK (members beyond these four are dropped). */
export const sealPublicJwkSchema = v.object({
  kty: v.literal('EC'),
  crv: v.literal('P-256'),
  x: coordinate,
  y: coordinate,
});
export type SealPublicJwk = v.InferOutput<typeof sealPublicJwkSchema>;

/**
 * `{v, kid, epk, iv, ct}`: `kid` names the server key it was sealed for, `epk` is the sender's
 * ephemeral P-256 public key (65-byte uncompressed point), `iv` 96 bits, `ct` the AES-GCM
 * ciphertext with its 128-bit tag. Unknown members are refused: an envelope is never guessed at.
 */
export const sealedEnvelopeSchema = v.strictObject({
  v: v.literal(SEALED_VERSION),
  kid: sealKeyIdSchema,
  epk: base64urlSchema(87),
  iv: base64urlSchema(16),
  ct: base64urlSchema(22, MAX_PUSH_BYTES),
});
export type SealedEnvelope = v.InferOutput<typeof sealedEnvelopeSchema>;

/** The server's current sealing key, as the login answer delivers it for the device to pin. */
export const serverSealKeySchema = v.object({
  kid: sealKeyIdSchema,
  jwk: sealPublicJwkSchema,
});
export type ServerSealKey = v.InferOutput<typeof serverSealKeySchema>;

/**
 * Why the server could not open a `sealed` mutation; the mutation is `rejected` with one of these
 * codes (a 4xx-style answer, never a 5xx). `sealed_unknown_key`: sealed for a key this server
 * does not hold (retired, or never issued here); `sealed_invalid`: malformed or tampered with.
 */
export const SEALED_REJECTION_CODES = ['sealed_unknown_key', 'sealed_invalid'] as const;
export type SealedRejectionCode = (typeof SEALED_REJECTION_CODES)[number];

/**
 * What a mutation's envelope is bound to (the `context` of seal/open in src/shared/crypto): its
 * record. The device seals with it and the server opens with it, so an envelope copied into
 * another record's mutation does not open.
 */
export function sealedContext(mutation: { entity: string; entityId: string }): string {
  return `${mutation.entity}:${mutation.entityId}`;
}
