import { beforeAll, describe, expect, it } from 'vitest';
import {
  createDataKey,
  decryptJson,
  encryptJson,
  type Key,
  PBKDF2_ITERATIONS,
  type PinWrappedKey,
  type PrfWrappedKey,
  pinWrapNeedsUpgrade,
  unwrapDataKeyWithPin,
  unwrapDataKeyWithPrf,
  wrapDataKeyWithPin,
  wrapDataKeyWithPrf,
} from '../../../../src/shared/crypto';
import { APPLICANT, flipBit, refusal, TEST_ITERATIONS } from './support';

const PIN = '480137';
const place = { table: 'signups', id: APPLICANT.id };
const subtleExport = (key: Key) => crypto.subtle.exportKey('raw', key);
const prfSecret = () => crypto.getRandomValues(new Uint8Array(32));

let dataKey: Key;
let stored: Awaited<ReturnType<typeof encryptJson>>;

beforeAll(async () => {
  dataKey = await createDataKey();
  stored = await encryptJson(dataKey, place, APPLICANT);
});

describe('the data key wrapped by a PIN', () => {
  let wrapped: PinWrappedKey;
  beforeAll(async () => {
    wrapped = await wrapDataKeyWithPin(dataKey, PIN, { iterations: TEST_ITERATIONS });
  });

  it('unwraps with the PIN into a key that reads the records', async () => {
    const unlocked = await unwrapDataKeyWithPin(wrapped, PIN);
    expect(await decryptJson(unlocked, place, stored)).toEqual(APPLICANT);
  });

  it('stores its KDF parameters, so they can be raised later', () => {
    expect(wrapped.kind).toBe('pin');
    expect(wrapped.kdf).toMatchObject({
      name: 'PBKDF2',
      hash: 'SHA-256',
      iterations: TEST_ITERATIONS,
    });
    expect(wrapped.kdf.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(JSON.stringify(wrapped)).not.toContain(PIN);
  });

  it('takes a new random salt and IV for each wrapping', async () => {
    const again = await wrapDataKeyWithPin(dataKey, PIN, { iterations: TEST_ITERATIONS });
    expect(again.kdf.salt).not.toBe(wrapped.kdf.salt);
    expect(again.iv).not.toBe(wrapped.iv);
  });

  it('unwraps to a key that cannot be exported, unless asked for re-wrapping', async () => {
    const locked = await unwrapDataKeyWithPin(wrapped, PIN);
    expect(locked.extractable).toBe(false);
    await expect(subtleExport(locked)).rejects.toThrow();
    const forRewrap = await unwrapDataKeyWithPin(wrapped, PIN, { extractable: true });
    const rewrapped = await wrapDataKeyWithPin(forRewrap, '531790', {
      iterations: TEST_ITERATIONS + 1,
    });
    const unlocked = await unwrapDataKeyWithPin(rewrapped, '531790');
    expect(await decryptJson(unlocked, place, stored)).toEqual(APPLICANT);
  });

  it.each<[string, (w: PinWrappedKey) => unknown, string]>([
    ['a wrong PIN', (w) => w, '480138'],
    ['the PIN with a digit missing', (w) => w, '48013'],
    ['a flipped bit in the wrapped key', (w) => ({ ...w, wrapped: flipBit(w.wrapped, 5) }), PIN],
    ['a lowered iteration count', (w) => ({ ...w, kdf: { ...w.kdf, iterations: 999 } }), PIN],
    ['another salt', (w) => ({ ...w, kdf: { ...w.kdf, salt: flipBit(w.kdf.salt) } }), PIN],
  ])('refuses %s: wrong_pin', async (_label, tamper, pin) => {
    expect(await refusal(unwrapDataKeyWithPin(tamper(wrapped), pin))).toBe('wrong_pin');
  });

  it.each<[string, (w: PinWrappedKey) => unknown]>([
    ['a PRF-wrapped key', (w) => ({ ...w, kind: 'prf' })],
    [
      'an iteration count that would freeze the phone',
      (w) => ({ ...w, kdf: { ...w.kdf, iterations: 1e9 } }),
    ],
    ['no salt', (w) => ({ ...w, kdf: { ...w.kdf, salt: '' } })],
    [
      'a salt that is not canonical base64url',
      (w) => ({ ...w, kdf: { ...w.kdf, salt: `${w.kdf.salt.slice(0, 21)}B` } }),
    ],
    ['nothing', () => null],
  ])('refuses %s as unreadable', async (_label, malform) => {
    expect(await refusal(unwrapDataKeyWithPin(malform(wrapped), PIN))).toBe('record_unreadable');
  });

  it.each(['123456', '000000', '12345', '12a456', ''])(
    'refuses to wrap under the weak PIN %j',
    async (pin) => {
      expect(await refusal(wrapDataKeyWithPin(dataKey, pin, { iterations: TEST_ITERATIONS }))).toBe(
        'pin_weak',
      );
    },
  );

  it('uses at least 600,000 PBKDF2 iterations unless told otherwise', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const byDefault = await wrapDataKeyWithPin(dataKey, PIN);
    expect(byDefault.kdf.iterations).toBe(PBKDF2_ITERATIONS);
    expect(pinWrapNeedsUpgrade(byDefault)).toBe(false);
  });

  it.each([
    [TEST_ITERATIONS, PBKDF2_ITERATIONS, true],
    [PBKDF2_ITERATIONS, PBKDF2_ITERATIONS, false],
    [PBKDF2_ITERATIONS, 1_000_000, true],
    [2_000_000, 1_000_000, false],
  ])('with %i iterations stored and %i wanted, needs an upgrade: %s', (stored, wanted, needs) => {
    expect(
      pinWrapNeedsUpgrade({ ...wrapped, kdf: { ...wrapped.kdf, iterations: stored } }, wanted),
    ).toBe(needs);
  });
});

describe('the data key wrapped by a passkey’s PRF output', () => {
  const secret = prfSecret();
  let wrapped: PrfWrappedKey;
  beforeAll(async () => {
    wrapped = await wrapDataKeyWithPrf(dataKey, secret);
  });

  it('unwraps with the same secret, given as bytes or as an ArrayBuffer', async () => {
    expect(await decryptJson(await unwrapDataKeyWithPrf(wrapped, secret), place, stored)).toEqual(
      APPLICANT,
    );
    const buffer = secret.slice().buffer;
    expect(await decryptJson(await unwrapDataKeyWithPrf(wrapped, buffer), place, stored)).toEqual(
      APPLICANT,
    );
  });

  it('describes its derivation', () => {
    expect(wrapped).toMatchObject({ kind: 'prf', v: 1, kdf: { name: 'HKDF', hash: 'SHA-256' } });
  });

  it.each<[string, () => Uint8Array, (w: PrfWrappedKey) => unknown]>([
    ['another passkey’s secret', prfSecret, (w) => w],
    ['a secret one bit off', () => secret.map((byte, i) => (i === 31 ? byte ^ 1 : byte)), (w) => w],
    ['a secret too short', () => secret.slice(0, 16), (w) => w],
    [
      'a flipped bit in the wrapped key',
      () => secret,
      (w) => ({ ...w, wrapped: flipBit(w.wrapped) }),
    ],
    [
      'another HKDF salt',
      () => secret,
      (w) => ({ ...w, kdf: { ...w.kdf, salt: flipBit(w.kdf.salt) } }),
    ],
  ])('refuses %s: wrong_prf_secret', async (_label, secretOf, tamper) => {
    expect(await refusal(unwrapDataKeyWithPrf(tamper(wrapped), secretOf()))).toBe(
      'wrong_prf_secret',
    );
  });

  it('cannot be passed off as a PIN-wrapped key', async () => {
    const asPin = {
      ...wrapped,
      kind: 'pin',
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: TEST_ITERATIONS, salt: wrapped.kdf.salt },
    };
    expect(await refusal(unwrapDataKeyWithPin(asPin, PIN))).toBe('wrong_pin');
  });

  it('refuses to wrap under a secret that is not 32 bytes', async () => {
    await expect(wrapDataKeyWithPrf(dataKey, new Uint8Array(16))).rejects.toThrow(RangeError);
  });
});
