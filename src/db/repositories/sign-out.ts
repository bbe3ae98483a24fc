import { PERSONAL_FIELD } from '../../shared/domain/personal-fields';
import type { SotayDb } from '../database';
import { guardStorage } from '../errors';
import type { OutboxRow } from '../rows';
import { forgetKeys } from '../vault/state';

/** Meta keys that outlive a sign-out: the installation, the server key it pinned, revocations. */
const KEPT_META = ['clientId', 'serverSealKey', 'revocations'] as const;
const REVOCATIONS = 'revocations';

function sealedOnly(row: OutboxRow): OutboxRow {
  const { base: _base, data, ...rest } = row;
  if (data === undefined || !(PERSONAL_FIELD in data)) return { ...rest, ...(data && { data }) };
  const { [PERSONAL_FIELD]: _blob, ...plain } = data as Record<string, unknown>;
  // Only what the envelope does not need to be read: the rest of the record, for its answer.
  return { ...rest, data: plain as NonNullable<OutboxRow['data']> };
}

/**
 * Sign-out (docs/design.md §6): the token and the keys go at once, with every record; the session
 * is revoked on the server by the hash of its token (`POST /api/auth/revoke`), now or at the next
 * connection (pendingRevocations). What the outbox holds sealed for the server and has not
 * delivered stays, stripped of anything the device could read, and is sent after the next sign-in;
 * rows not sealed could not be read any more and go. Returns how many rows were kept.
 */
export function signOutDevice(db: SotayDb, tokenHash: string | undefined): Promise<number> {
  forgetKeys(db);
  const tables = db.tables;
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
      const queued = await db.outbox.where('state').equals('pending').toArray();
      const kept = queued.filter((row) => row.sealed !== undefined).map(sealedOnly);
      const revocations = await pendingRevocations(db);
      for (const table of tables) {
        if (table.name === 'meta') {
          await db.meta
            .where('key')
            .noneOf([...KEPT_META])
            .delete();
        } else {
          await table.clear();
        }
      }
      await db.outbox.bulkAdd(kept);
      if (tokenHash !== undefined && !revocations.includes(tokenHash)) {
        await db.meta.put({ key: REVOCATIONS, value: [...revocations, tokenHash] });
      }
      return kept.length;
    }),
  );
}

/** Sessions signed out on this device whose revocation has not reached the server yet. */
export async function pendingRevocations(db: SotayDb): Promise<string[]> {
  const value = (await db.meta.get(REVOCATIONS))?.value;
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/** The server answered the revocation of `tokenHash`: it is not sent again. */
export function revocationDelivered(db: SotayDb, tokenHash: string): Promise<void> {
  return guardStorage(() =>
    db.transaction('rw', db.meta, async () => {
      const left = (await pendingRevocations(db)).filter((hash) => hash !== tokenHash);
      await db.meta.put({ key: REVOCATIONS, value: left });
    }),
  );
}
