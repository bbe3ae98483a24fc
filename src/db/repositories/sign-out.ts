import {
  hasPersonalFields,
  PERSONAL_FIELD,
  splitPersonal,
} from '../../shared/domain/personal-fields';
import type { SealedEnvelope } from '../../shared/protocol/sealed';
import type { SotayDb } from '../database';
import { guardStorage } from '../errors';
import type { OutboxRow } from '../rows';
import { sealForServer } from '../vault';
import { forgetKeys } from '../vault/state';
import { sameRecord } from './changed-meanwhile';

/** Meta keys that outlive a sign-out: the installation, the server key it pinned, revocations. */
const KEPT_META = ['clientId', 'serverSealKey', 'revocations'] as const;
const REVOCATIONS = 'revocations';

/** The row as kept: nothing the device could read of a person, no merge base. */
function keptForm(row: OutboxRow): OutboxRow {
  const { base: _base, data, ...rest } = row;
  if (data === undefined || !hasPersonalFields(row.entity)) {
    return { ...rest, ...(data && { data }) };
  }
  const { [PERSONAL_FIELD]: _blob, ...withoutBlob } = data as Record<string, unknown>;
  // Only what the envelope does not need to be read: the rest of the record, for its answer.
  const plain = splitPersonal(row.entity, withoutBlob)?.rest ?? withoutBlob;
  return { ...rest, data: plain as NonNullable<OutboxRow['data']> };
}

/**
 * Seals for the server, before the sign-out's transaction (Web Crypto inside it would let
 * IndexedDB commit it), the waiting puts of records without personal fields (an enterprise
 * registered offline, which the applications kept need): the pinned key alone does it, no key of
 * the device. Rows of applications and visits were sealed when written, or cannot be any more.
 */
async function sealWaiting(db: SotayDb, queued: readonly OutboxRow[]) {
  const seals = new Map<number, SealedEnvelope>();
  await Promise.all(
    queued.map(async (row) => {
      // What the push would send in clear: toMutation passes the row's data as it is.
      const { data } = row;
      if (row.sealed !== undefined || hasPersonalFields(row.entity) || data === undefined) return;
      const sealed = await sealForServer(db, row.entity, data);
      if (sealed !== undefined) seals.set(row.seq, sealed);
    }),
  );
  return seals;
}

/**
 * Sign-out (docs/design.md §6): the token and the keys go at once, with every record; the session
 * is revoked on the server by the hash of its token (`POST /api/auth/revoke`), now or at the next
 * connection (pendingRevocations). What the outbox has not delivered stays when it is sealed for
 * the server (stripped of anything the device could read), and is sent after the next sign-in;
 * rows that could not be sealed (an application or visit queued before a key was pinned, whose
 * fields can no longer be opened) go. Returns how many rows were kept.
 */
export async function signOutDevice(db: SotayDb, tokenHash: string | undefined): Promise<number> {
  forgetKeys(db);
  const tables = db.tables;
  const queued = await db.outbox.where('state').equals('pending').toArray();
  const seals = await sealWaiting(db, queued);
  const before = new Map(queued.map((row) => [row.seq, row]));
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
      const waiting = await db.outbox.where('state').equals('pending').toArray();
      const kept = waiting.flatMap((row) => {
        if (row.sealed !== undefined) return [keptForm(row)];
        const sealed = seals.get(row.seq);
        // Sealed from the row as read before: kept only if it did not change meanwhile.
        if (sealed === undefined || !sameRecord(row, before.get(row.seq))) return [];
        return [keptForm({ ...row, sealed })];
      });
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
      // Nothing left to send: the row goes, as if no sign-out had waited.
      if (left.length === 0) await db.meta.delete(REVOCATIONS);
      else await db.meta.put({ key: REVOCATIONS, value: left });
    }),
  );
}
