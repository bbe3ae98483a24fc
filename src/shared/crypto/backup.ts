import * as v from 'valibot';
import {
  fromBase64url,
  fromUtf8,
  jsonBytes,
  randomBytes,
  subtle,
  toBase64url,
  utf8,
} from './bytes';
import { CryptoError } from './errors';
import { deriveFromSecret, newPbkdf2Params } from './kdf';
import {
  ciphertextSchema,
  IV_BYTES,
  ivSchema,
  PBKDF2_ITERATIONS,
  type Pbkdf2Params,
  pbkdf2ParamsSchema,
} from './params';
import { checkBackupPassphrase } from './pin-policy';

/**
 * The encrypted backup file (README.md, "Backup file"):
 * `{format: 'sotay-backup', v: 1, kdf: {name, hash, iterations, salt}, iv, ct}`. Only the format,
 * the key derivation and the IV are visible; the content (with its export time) is AES-GCM under
 * a key from the passphrase, and the visible header is its associated data.
 */

export const BACKUP_FILE_FORMAT = 'sotay-backup';
export const BACKUP_FILE_VERSION = 1;

// Below V8's largest string, so the schema, not the engine, refuses an absurd file.
const MAX_BACKUP_CIPHERTEXT_LENGTH = 400 * 1024 * 1024;

const backupFileSchema = v.strictObject({
  format: v.literal(BACKUP_FILE_FORMAT),
  v: v.literal(BACKUP_FILE_VERSION),
  kdf: pbkdf2ParamsSchema,
  iv: ivSchema,
  ct: ciphertextSchema(MAX_BACKUP_CIPHERTEXT_LENGTH),
});
export type BackupFile = v.InferOutput<typeof backupFileSchema>;

function associatedData(kdf: Pbkdf2Params): Uint8Array<ArrayBuffer> {
  return utf8(
    JSON.stringify([
      BACKUP_FILE_FORMAT,
      BACKUP_FILE_VERSION,
      kdf.name,
      kdf.hash,
      kdf.iterations,
      kdf.salt,
    ]),
  );
}

/**
 * The text of an encrypted backup file holding `content` (any JSON value). The passphrase must
 * pass checkBackupPassphrase (else `backup_passphrase_weak`); `iterations` only for tests.
 */
export async function encryptBackup(
  passphrase: string,
  content: unknown,
  options: { iterations?: number } = {},
): Promise<string> {
  if (checkBackupPassphrase(passphrase).some((issue) => issue.level === 'error')) {
    throw new CryptoError('backup_passphrase_weak');
  }
  const kdf = newPbkdf2Params(options.iterations ?? PBKDF2_ITERATIONS);
  const key = await deriveFromSecret(passphrase, kdf, ['encrypt']);
  const iv = randomBytes(IV_BYTES);
  const ct = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(kdf) },
    key,
    jsonBytes(content),
  );
  const file: BackupFile = {
    format: BACKUP_FILE_FORMAT,
    v: BACKUP_FILE_VERSION,
    kdf,
    iv: toBase64url(iv),
    ct: toBase64url(new Uint8Array(ct)),
  };
  return JSON.stringify(file);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// What any version of the encrypted file has; the legacy plain export has `version`, not `v`.
const claimsEncryptedBackup = v.object({ format: v.literal(BACKUP_FILE_FORMAT), v: v.number() });

/** True when `fileText` claims to be an encrypted backup (of any version): ask the passphrase. */
export function isEncryptedBackup(fileText: string): boolean {
  return v.is(claimsEncryptedBackup, parseJson(fileText));
}

function readBackupFile(fileText: string): BackupFile {
  const parsed = parseJson(fileText);
  if (!v.is(claimsEncryptedBackup, parsed)) throw new CryptoError('backup_not_a_backup');
  if (parsed.v > BACKUP_FILE_VERSION) throw new CryptoError('backup_newer_version');
  const file = v.safeParse(backupFileSchema, parsed);
  if (!file.success) throw new CryptoError('backup_not_a_backup');
  return file.output;
}

/**
 * The content of an encrypted backup file, whole or not at all. A wrong passphrase (or a file
 * altered after export: AES-GCM cannot tell the two apart) → `backup_wrong_passphrase`; not a
 * backup → `backup_not_a_backup`; made by a newer app → `backup_newer_version`.
 */
export async function decryptBackup(passphrase: string, fileText: string): Promise<unknown> {
  const file = readBackupFile(fileText);
  const iv = fromBase64url(file.iv);
  const ct = fromBase64url(file.ct);
  if (!iv || !ct) throw new CryptoError('backup_not_a_backup');
  const key = await deriveFromSecret(passphrase, file.kdf, ['decrypt']);
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv, additionalData: associatedData(file.kdf) },
      key,
      ct,
    );
  } catch (error) {
    throw new CryptoError('backup_wrong_passphrase', { cause: error });
  }
  let content: unknown;
  try {
    content = JSON.parse(fromUtf8(new Uint8Array(plain)));
  } catch (error) {
    throw new CryptoError('backup_not_a_backup', { cause: error });
  }
  return content;
}
