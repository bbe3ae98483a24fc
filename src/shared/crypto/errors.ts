import { type MessageKey, t } from '../i18n';

/**
 * Every way a crypto operation can refuse, as a stable code the caller branches on and a message
 * the UI can show as it is. A refusal never returns partial data.
 */
export const CRYPTO_ERROR_CODES = [
  /** The envelope names a key the opener does not hold (retired, or never issued here). */
  'sealed_unknown_key',
  /** The envelope is malformed, tampered with, or sealed for another key or another record. */
  'sealed_invalid',
  /** A public key is not a P-256 key, or the key id given with it is not its thumbprint. */
  'key_invalid',
  /** A record (or the device key) stored at rest does not open with this data key in this place. */
  'record_unreadable',
  'wrong_pin',
  'wrong_prf_secret',
  /** The PIN fails the PIN policy (checkPin); the UI should have said why before. */
  'pin_weak',
  /** A backup passphrase fails checkBackupPassphrase. */
  'backup_passphrase_weak',
  'backup_wrong_passphrase',
  'backup_not_a_backup',
  'backup_newer_version',
] as const;
export type CryptoErrorCode = (typeof CRYPTO_ERROR_CODES)[number];

// The sealed codes are also API error codes (a push mutation's rejection), so they share the
// `api_error.*` messages instead of saying the same thing twice.
const MESSAGE_KEYS: Record<CryptoErrorCode, MessageKey> = {
  sealed_unknown_key: 'api_error.sealed_unknown_key',
  sealed_invalid: 'api_error.sealed_invalid',
  key_invalid: 'crypto.key_invalid',
  record_unreadable: 'crypto.record_unreadable',
  wrong_pin: 'crypto.wrong_pin',
  wrong_prf_secret: 'crypto.wrong_prf_secret',
  pin_weak: 'crypto.pin_weak',
  backup_passphrase_weak: 'crypto.backup_passphrase_weak',
  backup_wrong_passphrase: 'crypto.backup_wrong_passphrase',
  backup_not_a_backup: 'crypto.backup_not_a_backup',
  backup_newer_version: 'crypto.backup_newer_version',
};

export function cryptoMessageKey(code: CryptoErrorCode): MessageKey {
  return MESSAGE_KEYS[code];
}

/** A refusal of src/shared/crypto; `message` is rendered in the current UI language. */
export class CryptoError extends Error {
  override readonly name = 'CryptoError';

  constructor(
    readonly code: CryptoErrorCode,
    options?: { cause?: unknown },
  ) {
    super(t(MESSAGE_KEYS[code]), options);
  }
}

export function isCryptoError(error: unknown, code?: CryptoErrorCode): error is CryptoError {
  return error instanceof CryptoError && (code === undefined || error.code === code);
}

/** Runs a Web Crypto step; any failure of it (a wrong key, a bad tag) becomes `code`. */
export async function refuseAs<T>(code: CryptoErrorCode, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError(code, { cause: error });
  }
}
