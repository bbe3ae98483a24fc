import { checkIndicatorEntry } from '../../shared/domain/entry-check';
import type { Actor } from '../../shared/domain/roles';
import type { IndicatorEntry } from '../../shared/schemas';
import { nowIso } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage, ValidationError } from '../errors';
import type { IndicatorEntryRow } from '../rows';
import { writeLocalChange } from './local-change';
import { withStoredServerFields } from './server-fields';
import { accessFacts, requireWriteAllowed } from './supervision';

/**
 * Membership movements and figures from outside the app (biến động đoàn viên, docs/design.md §3),
 * recorded by a supervisor: checkIndicatorEntry, then the server's write rules, then the one
 * write with its outbox row. Edits and deletes carry their versions like every synced record.
 */

export const ENTRY_TABLES = ['indicatorEntries', 'units'] as const;

/** Every entry on the device, the latest date first. */
export async function listEntries(db: SotayDb): Promise<IndicatorEntryRow[]> {
  const rows = await db.indicatorEntries.orderBy('date').reverse().toArray();
  return rows;
}

export function getEntry(db: SotayDb, id: string): Promise<IndicatorEntryRow | undefined> {
  return db.indicatorEntries.get(id);
}

export async function saveIndicatorEntry(
  db: SotayDb,
  actor: Actor,
  input: IndicatorEntry,
): Promise<IndicatorEntry> {
  const checked = checkIndicatorEntry(input);
  if (checked.value === undefined) throw new ValidationError('indicator_entry', checked.issues);
  const value = checked.value;
  const now = nowIso();
  const tables = [db.indicatorEntries, db.units, db.enterprises, db.outbox, db.shadows];
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
      const stored = await db.indicatorEntries.get(value.id);
      const facts = await accessFacts(db, [value.enterpriseId, stored?.enterpriseId]);
      const record = withStoredServerFields(value, stored);
      const write = { entity: 'indicatorEntry', op: 'put', stored, incoming: record } as const;
      requireWriteAllowed(actor, write, facts, 'indicator_entry');
      await writeLocalChange(
        db,
        { entity: 'indicatorEntry', entityId: record.id, op: 'put', data: record },
        stored,
        now,
      );
      return record;
    }),
  );
}

export async function deleteIndicatorEntry(db: SotayDb, actor: Actor, id: string): Promise<void> {
  const now = nowIso();
  const tables = [db.indicatorEntries, db.units, db.enterprises, db.outbox, db.shadows];
  await guardStorage(() =>
    db.transaction('rw', tables, async () => {
      const stored = await db.indicatorEntries.get(id);
      if (stored === undefined) return;
      const facts = await accessFacts(db, [stored.enterpriseId]);
      requireWriteAllowed(
        actor,
        { entity: 'indicatorEntry', op: 'delete', stored },
        facts,
        'indicator_entry',
      );
      await writeLocalChange(
        db,
        { entity: 'indicatorEntry', entityId: id, op: 'delete' },
        stored,
        now,
      );
    }),
  );
}
