import { beforeAll, describe, expect, it } from 'vitest';
import {
  createDataKey,
  decryptJson,
  type EncryptedJson,
  encryptJson,
  type Key,
  type RecordPlace,
} from '../../../../src/shared/crypto';
import { APPLICANT, flipBit, refusal } from './support';

const place: RecordPlace = { table: 'signups', id: APPLICANT.id };
let dataKey: Key;
let stored: EncryptedJson;

beforeAll(async () => {
  dataKey = await createDataKey();
  stored = await encryptJson(dataKey, place, APPLICANT);
});

describe('records at rest', () => {
  it('decrypt to what was encrypted', async () => {
    expect(await decryptJson(dataKey, place, stored)).toEqual(APPLICANT);
  });

  it('show nothing personal once stored', () => {
    const text = JSON.stringify(stored);
    for (const secret of [APPLICANT.fullName, APPLICANT.idNumber, APPLICANT.phone, 'Nhung']) {
      expect(text).not.toContain(secret);
    }
    expect(Object.keys(stored).sort()).toEqual(['ct', 'iv', 'v']);
  });

  it('take a fresh IV every time, even for the same value in the same place', async () => {
    const again = await encryptJson(dataKey, place, APPLICANT);
    expect(again.iv).not.toBe(stored.iv);
    expect(again.ct).not.toBe(stored.ct);
  });

  it('are AES-GCM-256 keys that may wrap the device key', () => {
    expect(dataKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect([...dataKey.usages].sort()).toEqual(['decrypt', 'encrypt', 'unwrapKey', 'wrapKey']);
  });
});

describe('decryptJson refuses with record_unreadable', () => {
  it.each<[string, () => Promise<unknown>]>([
    [
      'a flipped bit in the ciphertext',
      () => decryptJson(dataKey, place, { ...stored, ct: flipBit(stored.ct, 2) }),
    ],
    [
      'a flipped bit in the tag',
      () => decryptJson(dataKey, place, { ...stored, ct: flipBit(stored.ct, -1) }),
    ],
    [
      'a flipped bit in the IV',
      () => decryptJson(dataKey, place, { ...stored, iv: flipBit(stored.iv) }),
    ],
    [
      'a ciphertext moved to another record',
      () => decryptJson(dataKey, { ...place, id: crypto.randomUUID() }, stored),
    ],
    [
      'a ciphertext moved to another table',
      () => decryptJson(dataKey, { ...place, table: 'visits' }, stored),
    ],
    [
      'another installation’s data key',
      async () => decryptJson(await createDataKey(), place, stored),
    ],
    ['nothing stored', () => decryptJson(dataKey, place, undefined)],
    ['a plaintext record', () => decryptJson(dataKey, place, APPLICANT)],
    ['a newer format', () => decryptJson(dataKey, place, { ...stored, v: 2 })],
    [
      'an IV that is not base64url',
      () => decryptJson(dataKey, place, { ...stored, iv: `${stored.iv.slice(1)}/` }),
    ],
  ])('%s', async (_label, work) => {
    expect(await refusal(work())).toBe('record_unreadable');
  });
});
