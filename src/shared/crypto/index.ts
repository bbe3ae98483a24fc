/**
 * The device's and the server's cryptography (README.md in this folder): sealing for the server,
 * the data key at rest, unlocking by PIN or passkey, the device's sealing key for capture while
 * locked, encrypted backup files and the PIN policy. Web Crypto only.
 */

export {
  BACKUP_FILE_FORMAT,
  BACKUP_FILE_VERSION,
  type BackupFile,
  decryptBackup,
  encryptBackup,
  isEncryptedBackup,
} from './backup';
export type { Key } from './bytes';
export {
  createDataKey,
  DATA_KEY_USAGES,
  decryptJson,
  type EncryptedJson,
  encryptedJsonSchema,
  encryptJson,
  type RecordPlace,
} from './data-key';
export {
  createDeviceSealKey,
  type DeviceSealKey,
  deviceOpeningKeys,
  deviceSealKeySchema,
} from './device-key';
export {
  CRYPTO_ERROR_CODES,
  CryptoError,
  type CryptoErrorCode,
  cryptoMessageKey,
  isCryptoError,
} from './errors';
export {
  type PinWrappedKey,
  PRF_SECRET_BYTES,
  type PrfWrappedKey,
  pinWrapNeedsUpgrade,
  pinWrappedKeySchema,
  prfWrappedKeySchema,
  type UnwrapOptions,
  unwrapDataKeyWithPin,
  unwrapDataKeyWithPrf,
  wrapDataKeyWithPin,
  wrapDataKeyWithPrf,
} from './key-wrap';
export {
  MAX_PBKDF2_ITERATIONS,
  MIN_BACKUP_PASSPHRASE_LENGTH,
  MIN_PIN_DIGITS,
  PBKDF2_ITERATIONS,
} from './params';
export { checkBackupPassphrase, checkPin, hasPinErrors } from './pin-policy';
export {
  generateSealKeyPair,
  importSealPrivateKey,
  jwkThumbprint,
  open,
  publicJwkOf,
  type SealKeyPair,
  type SealOpeningKeys,
  type SealPrivateJwk,
  seal,
  sealPrivateJwkSchema,
} from './seal';
export { sessionTokenHash } from './token-hash';
