import type { PersonalEntity } from '../../shared/domain/personal-fields';
import type { SotayDb } from '../database';
import type { ShadowRow } from '../rows';
import { vaultContext } from './context';
import { protectRecord } from './protect';
import { protectOutboxRow } from './records';

type Row = Record<string, unknown> & { id: string };

function clearIn(entity: PersonalEntity, record: unknown): boolean {
  const { hasClearPersonal } = vaultContext().fields;
  return typeof record === 'object' && record !== null && hasClearPersonal(entity, record);
}

/**
 * Encrypts every personal field still in clear: rows written by a version before encryption at
 * rest (docs/design.md §6: the v2 data of an upgraded phone), or pulled before the PIN was set.
 * Encryption runs outside the transaction; the write keeps a row only if it is still in clear
 * (a save that landed in between is already protected).
 */
export async function protectClearRows(db: SotayDb): Promise<number> {
  const { hasPersonalFields } = vaultContext().fields;
  const [signups, visits, shadows, outbox] = await Promise.all([
    db.signups.toArray(),
    db.visits.toArray(),
    db.shadows.toArray(),
    db.outbox.toArray(),
  ]);
  const rows = async (entity: PersonalEntity, list: readonly object[]) =>
    Promise.all(
      list
        .filter((row) => clearIn(entity, row))
        .map((row) => protectRecord(db, entity, row as Row)),
    );
  const protectedSignups = await rows('signup', signups);
  const protectedVisits = await rows('visit', visits);
  const protectedShadows = await Promise.all(
    shadows
      .filter((s) => hasPersonalFields(s.entity) && clearIn(s.entity, s.data))
      .map(
        async (s) =>
          ({
            ...s,
            data: await protectRecord(db, s.entity as PersonalEntity, s.data as object),
          }) as ShadowRow,
      ),
  );
  const protectedOutbox = await Promise.all(
    outbox
      .filter(
        (o) =>
          hasPersonalFields(o.entity) && (clearIn(o.entity, o.data) || clearIn(o.entity, o.base)),
      )
      .map((o) => protectOutboxRow(db, o)),
  );
  const total =
    protectedSignups.length +
    protectedVisits.length +
    protectedShadows.length +
    protectedOutbox.length;
  if (total === 0) return 0;
  await vaultContext().guardStorage(() =>
    db.transaction('rw', [db.signups, db.visits, db.shadows, db.outbox], async () => {
      for (const [entity, table, list] of [
        ['signup', db.signups, protectedSignups],
        ['visit', db.visits, protectedVisits],
      ] as const) {
        const current = await table.bulkGet(list.map((row) => row.id));
        const still = list.filter((_, i) => clearIn(entity, current[i]));
        await db.table(table.name).bulkPut(still);
      }
      for (const shadow of protectedShadows) {
        const current = await db.shadows.get([shadow.entity, shadow.entityId]);
        if (current !== undefined && clearIn(shadow.entity as PersonalEntity, current.data)) {
          await db.shadows.put(shadow);
        }
      }
      for (const row of protectedOutbox) {
        const current = await db.outbox.get(row.seq);
        const entity = row.entity as PersonalEntity;
        if (
          current !== undefined &&
          (clearIn(entity, current.data) || clearIn(entity, current.base))
        ) {
          await db.outbox.put(row);
        }
      }
    }),
  );
  return total;
}
