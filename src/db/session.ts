import type { User } from '../shared/schemas';
import type { SotayDb } from './database';

/**
 * The signed-in organizer on this device. The token is the server's opaque bearer token; it is
 * kept in IndexedDB (not localStorage) so that the service worker can drain the outbox with it.
 */
export type Session = {
  token: string;
  user: User;
  signedInAt: string;
  /** Set when the server answered 401: the data stays, the user types the password again. */
  expired?: boolean;
};

const SESSION_KEY = 'session';

// Only saveSession writes this row, with a user the login answer's schema already checked; a
// shape check suffices and keeps Valibot out of the first screen's bundle.
function isSession(value: unknown): value is Session {
  const session = value as Partial<Session> | null | undefined;
  return (
    typeof session?.token === 'string' &&
    typeof session.user?.id === 'string' &&
    typeof session.user.unitId === 'string' &&
    typeof session.signedInAt === 'string'
  );
}

export async function getSession(db: SotayDb): Promise<Session | null> {
  const row = await db.meta.get(SESSION_KEY);
  return isSession(row?.value) ? row.value : null;
}

export async function saveSession(db: SotayDb, session: Session): Promise<void> {
  await db.meta.put({ key: SESSION_KEY, value: session });
}

/** Keeps the user and every record; only marks that a new password is needed. */
export async function markSessionExpired(db: SotayDb): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const session = await getSession(db);
    if (session && !session.expired) await saveSession(db, { ...session, expired: true });
  });
}

export async function deleteSession(db: SotayDb): Promise<void> {
  await db.meta.delete(SESSION_KEY);
}
