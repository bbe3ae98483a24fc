import { beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_FILE_FORMAT,
  CryptoError,
  decryptBackup,
  encryptBackup,
  isEncryptedBackup,
  PBKDF2_ITERATIONS,
} from '../../../../src/shared/crypto';
import { setLanguage } from '../../../../src/shared/i18n';
import { APPLICANT, flipBit, refusal, TEST_ITERATIONS } from './support';

const PASSPHRASE = 'mùa xuân trên xưởng may';
const CONTENT = {
  format: 'sotay-backup',
  version: 1,
  exportedAt: '2026-11-22T08:00:00+07:00',
  tables: { signups: [APPLICANT] },
};

let fileText: string;
let file: Record<string, unknown> & { kdf: Record<string, unknown>; ct: string; iv: string };

beforeAll(async () => {
  fileText = await encryptBackup(PASSPHRASE, CONTENT, { iterations: TEST_ITERATIONS });
  file = JSON.parse(fileText);
});

const edited = (change: Record<string, unknown>) => JSON.stringify({ ...file, ...change });

describe('the encrypted backup file', () => {
  it('gives back exactly what was exported', async () => {
    expect(await decryptBackup(PASSPHRASE, fileText)).toEqual(CONTENT);
  });

  it('shows only the format, the key derivation and the IV', () => {
    expect(Object.keys(file).sort()).toEqual(['ct', 'format', 'iv', 'kdf', 'v']);
    expect(Object.keys(file.kdf).sort()).toEqual(['hash', 'iterations', 'name', 'salt']);
    expect(file).toMatchObject({
      format: BACKUP_FILE_FORMAT,
      v: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256' },
    });
    for (const secret of [
      APPLICANT.fullName,
      APPLICANT.idNumber,
      APPLICANT.phone,
      '2026-11-22',
      PASSPHRASE,
    ]) {
      expect(fileText).not.toContain(secret);
    }
  });

  it('accepts the passphrase typed in another Unicode normal form', async () => {
    expect(await decryptBackup(PASSPHRASE.normalize('NFD'), fileText)).toEqual(CONTENT);
  });

  it('says a wrong passphrase in words the user reads', async () => {
    setLanguage('vi');
    const error = await decryptBackup('mùa thu trên xưởng may', fileText).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CryptoError);
    expect(error).toMatchObject({
      code: 'backup_wrong_passphrase',
      message: 'Sai mật khẩu tệp sao lưu.',
    });
  });

  it.each<[string, () => string]>([
    ['a flipped bit in the content', () => edited({ ct: flipBit(file.ct, 100) })],
    ['a flipped bit in the tag', () => edited({ ct: flipBit(file.ct, -1) })],
    ['another IV', () => edited({ iv: flipBit(file.iv) })],
    [
      'a changed iteration count',
      () => edited({ kdf: { ...file.kdf, iterations: TEST_ITERATIONS + 1 } }),
    ],
  ])('refuses %s as a wrong passphrase, whole', async (_label, text) => {
    expect(await refusal(decryptBackup(PASSPHRASE, text()))).toBe('backup_wrong_passphrase');
  });

  it.each<[string, () => string]>([
    ['an empty file', () => ''],
    ['text that is not JSON', () => 'Nguyễn Văn A, 079301004512'],
    ['a half-written file', () => fileText.slice(0, fileText.length / 2)],
    ['a JSON array', () => '[]'],
    ['another app’s file', () => edited({ format: 'odk-backup' })],
    ['the plain export of an older version', () => JSON.stringify(CONTENT)],
    ['an unknown key derivation', () => edited({ kdf: { ...file.kdf, name: 'scrypt' } })],
    [
      'an iteration count that would freeze the phone',
      () => edited({ kdf: { ...file.kdf, iterations: 1e9 } }),
    ],
    ['an extra visible member', () => edited({ owner: 'Nguyễn Văn A' })],
  ])('refuses %s: not a backup', async (_label, text) => {
    expect(await refusal(decryptBackup(PASSPHRASE, text()))).toBe('backup_not_a_backup');
  });

  it('asks for a newer app for a newer format', async () => {
    expect(await refusal(decryptBackup(PASSPHRASE, edited({ v: 2 })))).toBe('backup_newer_version');
  });

  it.each([
    ['an encrypted backup', () => fileText, true],
    ['a newer encrypted backup', () => edited({ v: 7 }), true],
    ['the plain export', () => JSON.stringify(CONTENT), false],
    ['not JSON', () => '{', false],
  ])('tells %s: %s', (_label, text, encrypted) => {
    expect(isEncryptedBackup(text())).toBe(encrypted);
  });

  it.each(['', 'short', '123456789'])(
    'refuses to encrypt under the weak passphrase %j',
    async (weak) => {
      expect(await refusal(encryptBackup(weak, CONTENT, { iterations: TEST_ITERATIONS }))).toBe(
        'backup_passphrase_weak',
      );
    },
  );

  it('uses at least 600,000 PBKDF2 iterations unless told otherwise', async () => {
    const byDefault = JSON.parse(await encryptBackup(PASSPHRASE, { a: 1 }));
    expect(byDefault.kdf.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });
});
