import {
  CryptoError,
  generateSealKeyPair,
  importSealPrivateKey,
  open,
  publicJwkOf,
  type SealOpeningKeys,
} from '../../shared/crypto';
import {
  SEALED_REJECTION_CODES,
  type SealedRejectionCode,
  type ServerSealKey,
} from '../../shared/protocol/sealed';
import type { SealKeyStore } from './key-store';

/**
 * The server's side of sealed delivery (docs/design.md §5): the public key devices seal for, and
 * the private keys that open what they sent. Read from the key store on each call, never cached
 * across requests, so a rotation or a retirement made by the CLI or another server counts at
 * once.
 */

/**
 * The current key's public half and id, for the login answer. The first call on a new database
 * (or a new SEAL_KEY_FILE) makes the first key; servers starting together agree on one.
 */
export async function currentSealKey(keys: SealKeyStore): Promise<ServerSealKey> {
  const listed = await keys.list();
  const current =
    listed.find((key) => key.current) ?? (await keys.add(await generateSealKeyPair(), 'if-none'));
  return { kid: current.kid, jwk: publicJwkOf(current.privateJwk) };
}

/** Every key not retired, by id, ready for open(): load once per request, use for each mutation. */
export async function sealOpeningKeys(keys: SealKeyStore): Promise<SealOpeningKeys> {
  const active = (await keys.list()).filter((key) => key.retiredAt === null);
  const imported = await Promise.all(
    active.map(async (key) => [key.kid, await importSealPrivateKey(key.privateJwk)] as const),
  );
  return new Map(imported);
}

export type OpenedSealed =
  | { ok: true; data: unknown }
  | { ok: false; code: SealedRejectionCode; message: string };

function isRejectionCode(code: string): code is SealedRejectionCode {
  return (SEALED_REJECTION_CODES as readonly string[]).includes(code);
}

/**
 * Opens a mutation's `sealed` with `openers`, bound to `context` (sealedContext(mutation)).
 * What a device could have sent wrong is an answer, `{ok: false, code}`, for the mutation's
 * `rejected` result; never a throw, never a 5xx.
 */
export async function openSealed(
  openers: SealOpeningKeys,
  envelope: unknown,
  context: string,
): Promise<OpenedSealed> {
  try {
    return { ok: true, data: await open(openers, envelope, context) };
  } catch (error) {
    if (error instanceof CryptoError && isRejectionCode(error.code)) {
      return { ok: false, code: error.code, message: error.message };
    }
    throw error;
  }
}
