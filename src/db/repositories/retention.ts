import { personalRetentionEnds, splitPersonal } from '../../shared/domain/personal-fields';
import { DECIDED_SIGNUP_STATUSES } from '../../shared/schemas';
import type { SotayDb } from '../database';
import { guardStorage } from '../errors';
import type { SignupRow } from '../rows';
import { PERSONAL_FIELD } from '../vault';

type Row = Record<string, unknown>;

/** The record without its personal fields, in clear or protected. */
function withoutPersonal<T extends object>(record: T): T {
  const { [PERSONAL_FIELD]: _blob, ...rest } = record as Row;
  return (splitPersonal('signup', rest)?.rest ?? rest) as T;
}

/**
 * Minimal retention (docs/design.md §6): the personal fields of applications decided more than
 * 30 days before `now` and delivered (nothing of them waits in the outbox) leave the phone, in
 * their row and their shadow. The application stays, so every count and its enterprise stay.
 * Returns how many were cleared. Runs after each sync; no cryptography needed.
 */
export function applyRetention(db: SotayDb, now: number): Promise<number> {
  return guardStorage(() =>
    db.transaction('rw', [db.signups, db.shadows, db.outbox], async () => {
      const decided = await db.signups
        .where('status')
        .anyOf([...DECIDED_SIGNUP_STATUSES])
        .toArray();
      const due = decided.filter((row) => {
        const ends = personalRetentionEnds(row);
        return ends !== undefined && ends < now && holdsPersonal(row);
      });
      let cleared = 0;
      for (const row of due) {
        const waiting = await db.outbox
          .where('[entity+entityId]')
          .equals(['signup', row.id])
          .count();
        if (waiting > 0) continue;
        await db.signups.put(withoutPersonal(row));
        const shadow = await db.shadows.get(['signup', row.id]);
        if (shadow?.data !== undefined) {
          await db.shadows.put({ ...shadow, data: withoutPersonal(shadow.data) });
        }
        cleared += 1;
      }
      return cleared;
    }),
  );
}

function holdsPersonal(row: SignupRow): boolean {
  return PERSONAL_FIELD in row || splitPersonal('signup', row) !== undefined;
}
