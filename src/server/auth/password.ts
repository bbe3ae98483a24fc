import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes: scrypt (node:crypto) with a random 16-byte salt per user. The parameters are
 * stored with the hash, `scrypt$N$r$p$salt$hash` (base64url), so they can be raised later
 * without invalidating existing passwords.
 */

// N = 2^14, r = 8: 16 MiB and a few tens of milliseconds per hash, OWASP's minimum for scrypt.
const DEFAULT_PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must cover 128·N·r bytes, plus slack, or Node refuses the parameters.
    const maxmem = 256 * (options.N ?? DEFAULT_PARAMS.N) * (options.r ?? DEFAULT_PARAMS.r);
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const { N, r, p } = DEFAULT_PARAMS;
  const key = await derive(password, salt, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

type Parsed = { N: number; r: number; p: number; salt: Buffer; key: Buffer };

function parseHash(stored: string): Parsed | undefined {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return undefined;
  const numbers = [Number(n), Number(r), Number(p)];
  if (!numbers.every((value) => Number.isInteger(value) && value > 0)) return undefined;
  const [N = 0, rr = 0, pp = 0] = numbers;
  return {
    N,
    r: rr,
    p: pp,
    salt: Buffer.from(salt, 'base64url'),
    key: Buffer.from(key, 'base64url'),
  };
}

// Hashed against when the user does not exist, so that an unknown username costs as much time
// as a wrong password and response times do not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

/** Constant-time check of `password` against a stored hash; `undefined` runs a decoy check. */
export async function verifyPassword(
  password: string,
  stored: string | undefined,
): Promise<boolean> {
  dummyHash ??= hashPassword('decoy password that matches nothing');
  const parsed = parseHash(stored ?? (await dummyHash));
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, { N: parsed.N, r: parsed.r, p: parsed.p });
  const same = key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  return same && stored !== undefined;
}
