import * as v from 'valibot';
import { base64urlSchema, sealKeyIdSchema, sealPublicJwkSchema } from '../protocol/sealed';
import { fromBase64url, type Key, randomBytes, subtle, toBase64url, utf8 } from './bytes';
import { CryptoError, refuseAs } from './errors';
import { IV_BYTES, ivSchema } from './params';
import { jwkThumbprint, type SealOpeningKeys } from './seal';

/**
 * The device's own sealing key, for capture while the app is locked (README.md, "Capture while
 * locked"): its public half is stored in clear, so a record typed at the gate is sealed to it
 * without the data key; its private half is wrapped by the data key, so only an unlocked app
 * reads those records back. Records are sealed with seal() like those for the server.
 */

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

export const deviceSealKeySchema = v.strictObject({
  kid: sealKeyIdSchema,
  publicJwk: sealPublicJwkSchema,
  iv: ivSchema,
  /** PKCS #8 of the private key (about 138 bytes) plus the tag, AES-GCM under the data key. */
  wrappedPrivate: base64urlSchema(22, 1024),
});
export type DeviceSealKey = v.InferOutput<typeof deviceSealKeySchema>;

const aad = (kid: string) => utf8(JSON.stringify(['sotay/device-key/v1', kid]));

/** A new device sealing key pair, its private half wrapped by `dataKey`. */
export async function createDeviceSealKey(dataKey: Key): Promise<DeviceSealKey> {
  const pair = await subtle().generateKey(ECDH, true, ['deriveBits']);
  const publicJwk = v.parse(sealPublicJwkSchema, await subtle().exportKey('jwk', pair.publicKey));
  const kid = await jwkThumbprint(publicJwk);
  const iv = randomBytes(IV_BYTES);
  const wrapped = await subtle().wrapKey('pkcs8', pair.privateKey, dataKey, {
    name: 'AES-GCM',
    iv,
    additionalData: aad(kid),
  });
  return {
    kid,
    publicJwk,
    iv: toBase64url(iv),
    wrappedPrivate: toBase64url(new Uint8Array(wrapped)),
  };
}

/**
 * The device's private sealing key, ready for open(); only with the data key it was wrapped by
 * (else `record_unreadable`). Not extractable.
 */
export async function deviceOpeningKeys(dataKey: Key, stored: unknown): Promise<SealOpeningKeys> {
  const parsed = v.safeParse(deviceSealKeySchema, stored);
  const iv = parsed.success ? fromBase64url(parsed.output.iv) : undefined;
  const wrapped = parsed.success ? fromBase64url(parsed.output.wrappedPrivate) : undefined;
  if (!parsed.success || !iv || !wrapped) throw new CryptoError('record_unreadable');
  const { kid } = parsed.output;
  const privateKey = await refuseAs('record_unreadable', () =>
    subtle().unwrapKey(
      'pkcs8',
      wrapped,
      dataKey,
      { name: 'AES-GCM', iv, additionalData: aad(kid) },
      ECDH,
      false,
      ['deriveBits'],
    ),
  );
  return new Map([[kid, privateKey]]);
}
