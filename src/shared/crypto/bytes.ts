/**
 * Bytes, text and base64url for the crypto module. Web Crypto only (`globalThis.crypto`), which
 * the page, the service worker and Node 20 all provide; no Node built-ins, no DOM.
 */

/** Byte arrays backed by a plain ArrayBuffer: what Web Crypto accepts as BufferSource. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Web Crypto's SubtleCrypto, typed the same in the page, the worker and Node. */
export const subtle = (): typeof globalThis.crypto.subtle => globalThis.crypto.subtle;

/** A Web Crypto key (CryptoKey), named without relying on the DOM library's global type. */
export type Key = Awaited<ReturnType<ReturnType<typeof subtle>['importKey']>>;

export function randomBytes(length: number): Bytes {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

const encoder = new TextEncoder();
// fatal: invalid UTF-8 is refused, never silently replaced by U+FFFD.
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Bytes {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Bytes): string {
  return decoder.decode(bytes);
}

export function concatBytes(...parts: readonly Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// Table-driven rather than btoa/atob: those go through a binary string, which Node makes slow
// (about 0.2 s per MB each way), and the server opens up to 2 MB of envelopes per push.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ENCODE = utf8(ALPHABET);
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ENCODE.length; i++) DECODE[ENCODE[i] ?? 0] = i;
const ascii = new TextDecoder();

/** Unpadded base64url (RFC 4648 §5). */
export function toBase64url(bytes: Bytes): string {
  const out = new Uint8Array(Math.ceil((bytes.length * 4) / 3));
  let o = 0;
  let i = 0;
  const at = (k: number) => ENCODE[k] ?? 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = at(n >> 18);
    out[o++] = at((n >> 12) & 63);
    out[o++] = at((n >> 6) & 63);
    out[o++] = at(n & 63);
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out[o++] = at(n >> 18);
    out[o++] = at((n >> 12) & 63);
    if (rest === 2) out[o++] = at((n >> 6) & 63);
  }
  return ascii.decode(out);
}

/**
 * Decodes unpadded base64url; `undefined` for anything else, including a non-canonical form
 * (stray low bits in the last character), so that one value has exactly one spelling.
 */
export function fromBase64url(text: string): Bytes | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const codes = utf8(text);
  const out = new Uint8Array(Math.floor((codes.length * 3) / 4));
  const value = (k: number) => DECODE[codes[k] ?? 0] ?? 0;
  let o = 0;
  let i = 0;
  for (; i + 3 < codes.length; i += 4) {
    const n = (value(i) << 18) | (value(i + 1) << 12) | (value(i + 2) << 6) | value(i + 3);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = codes.length - i;
  if (rest > 0) {
    const n = (value(i) << 18) | (value(i + 1) << 12) | (rest === 3 ? value(i + 2) << 6 : 0);
    // The bits below the last whole byte must be zero, or two texts would mean the same bytes.
    if ((rest === 2 ? n & 0xffff : n & 0xff) !== 0) return undefined;
    out[o++] = n >> 16;
    if (rest === 3) out[o++] = (n >> 8) & 255;
  }
  return out;
}

/** The JSON text of `value` as UTF-8; refuses what JSON cannot carry (undefined, functions). */
export function jsonBytes(value: unknown): Bytes {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('Only JSON values can be encrypted.');
  return utf8(text);
}
