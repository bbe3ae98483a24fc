import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  concatBytes,
  fromBase64url,
  fromUtf8,
  jsonBytes,
  toBase64url,
  utf8,
} from '../../../../src/shared/crypto/bytes';

// RFC 4648 §10 test vectors, in the URL-safe alphabet without padding.
describe('base64url', () => {
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('%j ↔ %s', (plain, encoded) => {
    expect(toBase64url(utf8(plain))).toBe(encoded);
    expect(fromUtf8(fromBase64url(encoded) ?? new Uint8Array())).toBe(plain);
  });

  it('uses - and _ where base64 has + and /', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf]);
    expect(toBase64url(bytes)).toBe('-_-_');
    expect(fromBase64url('-_-_')).toEqual(bytes);
  });

  it.each([0, 1, 2, 3, 4, 5, 31, 32, 33, 65, 256 * 1024 + 1])(
    'agrees with Node’s own base64url on %i random bytes',
    (length) => {
      const bytes = new Uint8Array(randomBytes(length));
      const encoded = toBase64url(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64url'));
      const decoded = fromBase64url(encoded) ?? new Uint8Array();
      expect(Buffer.from(decoded).equals(Buffer.from(bytes))).toBe(true);
    },
  );

  it.each([
    ['padding', 'Zg=='],
    ['standard alphabet', '+/+/'],
    ['impossible length', 'Zm9vY'],
    ['stray low bits (non-canonical)', 'Zh'],
    ['whitespace', 'Zm9v Yg'],
    ['non-ASCII', 'Zm9vé'],
  ])('refuses %s', (_label, text) => {
    expect(fromBase64url(text)).toBeUndefined();
  });
});

describe('bytes helpers', () => {
  it('concatenates in order', () => {
    expect(concatBytes(utf8('ab'), new Uint8Array(), utf8('c'))).toEqual(utf8('abc'));
  });

  it('refuses a value JSON cannot carry', () => {
    expect(() => jsonBytes(undefined)).toThrow(TypeError);
    expect(fromUtf8(jsonBytes({ tên: 'Hùng' }))).toBe('{"tên":"Hùng"}');
  });

  it('refuses invalid UTF-8 instead of replacing it', () => {
    expect(() => fromUtf8(new Uint8Array([0xc3, 0x28]))).toThrow(TypeError);
  });
});
