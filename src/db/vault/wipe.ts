import type { SotayDb } from '../database';
import type { OutboxRow, ShadowRow } from '../rows';
import { vaultContext } from './context';

type Row = Record<string, unknown>;

function withoutPersonal<T>(record: T): T {
  const { PERSONAL_FIELD } = vaultContext().fields;
  if (typeof record !== 'object' || record === null || !(PERSONAL_FIELD in record)) return record;
  const { [PERSONAL_FIELD]: _gone, ...rest } = record as Row;
  return rest as T;
}

/**
 * Ten wrong PINs in a row: the keys that open the personal data go (the PIN- and passkey-wrapped
 * data key, the device key), and with them every ciphertext of it, which is removed too. Drafts,
 * which are only personal data and never left the phone, go whole. What the outbox holds sealed
 * for the server stays and is still delivered; counts and enterprises stay. One transaction.
 */
export function wipePersonalData(db: SotayDb): Promise<void> {
  const { forgetKeys, guardStorage, VAULT_KEY, fields } = vaultContext();
  const { PERSONAL_FIELD } = fields;
  forgetKeys(db);
  const tables = [db.meta, db.signups, db.visits, db.shadows, db.outbox];
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
      await db.meta.put({
        key: VAULT_KEY,
        value: { failedPins: 0, wipedAt: new Date().toISOString() },
      });
      await db.signups.where('status').equals('draft').delete();
      const strip = (row: object) => {
        delete (row as Row)[PERSONAL_FIELD];
      };
      await db.signups.toCollection().modify(strip);
      await db.visits.toCollection().modify(strip);
      await db.shadows.toCollection().modify((shadow: ShadowRow) => {
        if (shadow.data !== undefined) shadow.data = withoutPersonal(shadow.data);
      });
      await db.outbox.toCollection().modify((row: OutboxRow) => {
        if (row.base !== undefined) row.base = withoutPersonal(row.base);
        // A row sealed for the server keeps only what it sends; one without is unreadable now.
        if (row.sealed !== undefined && row.data !== undefined)
          row.data = withoutPersonal(row.data);
      });
    }),
  );
}
