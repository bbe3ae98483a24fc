import { CryptoError } from '../../../../src/shared/crypto';
import { fromBase64url, toBase64url } from '../../../../src/shared/crypto/bytes';

/** A PBKDF2 count low enough for unit tests; always passed explicitly, never a default. */
export const TEST_ITERATIONS = 1_000;

/** The CryptoError code `work` refuses with, or 'accepted'; any other failure is rethrown. */
export async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'accepted';
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
}

/** `text` (base64url) with one bit flipped in byte `index` (negative: from the end). */
export function flipBit(text: string, index = 0): string {
  const bytes = fromBase64url(text);
  if (!bytes) throw new Error(`not base64url: ${text}`);
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return toBase64url(bytes);
}

/** What a worker's application holds that must never be readable by a finder of the phone. */
export const APPLICANT = {
  id: '0b8f3c52-6d1e-4c39-9a57-3f0e2d4b8a61',
  fullName: 'Nguyễn Thị Hồng Nhung',
  idNumber: '079301004512',
  phone: '+84912345678',
  dateOfBirth: '1995-03-14',
  notes: 'Làm ca đêm, xưởng may số 3 🧵',
};
