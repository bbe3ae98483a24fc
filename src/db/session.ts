import type { User } from '../shared/schemas';
import type { SotayDb } from './database';
import { guardStorage } from './errors';

/**
 * The signed-in organizer on this device. The token is the server's opaque bearer token; it is
 * kept in IndexedDB (not localStorage) so that the service worker can drain the outbox with it,
 * and never in clear: AES-GCM under this installation's session key, a non-extractable Web
 * Crypto key stored beside it (docs/design.md §6, "The session token"), which the worker can use
 * while the app is locked but nobody can read out of the storage with a browser's tools.
 */
export type Session = {
  token: string;
  user: User;
  signedInAt: string;
  /** Set when the server answered 401: the data stays, the user types the password again. */
  expired?: boolean;
};

/** The stored row: the token only as its ciphertext. */
type StoredSession = Omit<Session, 'token'> & {
  token?: string;
  sealedToken?: { iv: Uint8Array<ArrayBuffer>; ct: ArrayBuffer };
};

const SESSION_KEY = 'session';
const SESSION_KEY_KEY = 'sessionKey';
const AD = new TextEncoder().encode('sotay/session-token/v1');

// Only saveSession writes this row, with a user the login answer's schema already checked; a
// shape check suffices and keeps Valibot out of the first screen's bundle.
function isStoredSession(value: unknown): value is StoredSession {
  const session = value as Partial<StoredSession> | null | undefined;
  return (
    (typeof session?.token === 'string' || typeof session?.sealedToken === 'object') &&
    typeof session?.user?.id === 'string' &&
    typeof session.user.unitId === 'string' &&
    typeof session.signedInAt === 'string'
  );
}

async function sessionKey(db: SotayDb): Promise<CryptoKey> {
  const stored = (await db.meta.get(SESSION_KEY_KEY))?.value;
  if (stored instanceof CryptoKey) return stored;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  // Two first saves racing: the first key stored wins, and both use it.
  return db.transaction('rw', db.meta, async () => {
    const again = (await db.meta.get(SESSION_KEY_KEY))?.value;
    if (again instanceof CryptoKey) return again;
    await db.meta.put({ key: SESSION_KEY_KEY, value: key });
    return key;
  });
}

async function openToken(db: SotayDb, stored: StoredSession): Promise<string | undefined> {
  if (stored.sealedToken === undefined) return stored.token;
  const key = (await db.meta.get(SESSION_KEY_KEY))?.value;
  if (!(key instanceof CryptoKey)) return undefined;
  try {
    const { iv, ct } = stored.sealedToken;
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: AD }, key, ct);
    return new TextDecoder().decode(plain);
  } catch {
    return undefined;
  }
}

export async function getSession(db: SotayDb): Promise<Session | null> {
  const row = await db.meta.get(SESSION_KEY);
  if (!isStoredSession(row?.value)) return null;
  const { sealedToken: _sealed, token: _token, ...rest } = row.value;
  const token = await openToken(db, row.value);
  if (token === undefined) return null;
  // A token an older version stored in clear is encrypted at the first read.
  if (row.value.sealedToken === undefined) await saveSession(db, { ...rest, token });
  return { ...rest, token };
}

export async function saveSession(db: SotayDb, session: Session): Promise<void> {
  const { token, ...rest } = session;
  const key = await sessionKey(db);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: AD },
    key,
    new TextEncoder().encode(token),
  );
  const stored: StoredSession = { ...rest, sealedToken: { iv, ct } };
  await guardStorage(() => db.meta.put({ key: SESSION_KEY, value: stored }));
}

/** Keeps the user and every record; only marks that a new password is needed. */
export async function markSessionExpired(db: SotayDb): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(SESSION_KEY);
    if (isStoredSession(row?.value) && !row.value.expired) {
      await db.meta.put({ key: SESSION_KEY, value: { ...row.value, expired: true } });
    }
  });
}

/** The token goes at once, with the key that opened it. */
export async function deleteSession(db: SotayDb): Promise<void> {
  await db.meta.bulkDelete([SESSION_KEY, SESSION_KEY_KEY]);
}
