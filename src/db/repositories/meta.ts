import { newId } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage } from '../errors';
import type { MetaKey, MetaValues } from '../rows';
import { signOutDevice } from './sign-out';

/** Device settings and sync state (clientId, session, cursor, lastSyncAt). */

export async function getMeta<K extends MetaKey>(
  db: SotayDb,
  key: K,
): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  // Only setMeta writes this table, with the value type of its key.
  return row?.value as MetaValues[K] | undefined;
}

export function setMeta<K extends MetaKey>(
  db: SotayDb,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  return guardStorage(async () => {
    await db.meta.put({ key, value });
  });
}

export function deleteMeta(db: SotayDb, key: MetaKey): Promise<void> {
  return guardStorage(() => db.meta.delete(key));
}

/** This installation's id (docs/design.md §5), created on first use and kept across logouts. */
export function getClientId(db: SotayDb): Promise<string> {
  return guardStorage(() =>
    db.transaction('rw', db.meta, async () => {
      const existing = await getMeta(db, 'clientId');
      if (existing !== undefined) return existing;
      const clientId = newId();
      await db.meta.put({ key: 'clientId', value: clientId });
      return clientId;
    }),
  );
}

/**
 * Logout: every row of every table goes, unsent changes included (ask first: outboxCount), except
 * the installation's clientId and what signOutDevice keeps (sealed, undelivered outbox rows).
 */
export async function clearUserData(db: SotayDb): Promise<void> {
  await signOutDevice(db, undefined);
}
