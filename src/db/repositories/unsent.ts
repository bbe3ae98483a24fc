import type { SyncEntity } from '../../shared/schemas';
import type { SotayDb } from '../database';

/** Whether a record still waits in the outbox: to be sent, or refused by the server. */
export type UnsentState = 'pending' | 'rejected';

/**
 * Every record with a change still in the outbox, by `entity:entityId`: the lists show which
 * records the server does not have yet. Index keys only (no payloads), then the few rejected rows.
 */
export async function unsentRecords(db: SotayDb): Promise<Map<string, UnsentState>> {
  const [keys, rejected] = await Promise.all([
    db.outbox.orderBy('[entity+entityId]').uniqueKeys(),
    db.outbox.where('state').equals('rejected').toArray(),
  ]);
  const states = new Map<string, UnsentState>();
  for (const key of keys) {
    // The index was declared over two strings (database.ts).
    if (!Array.isArray(key)) continue;
    const [entity, entityId] = key;
    if (typeof entity === 'string' && typeof entityId === 'string') {
      states.set(`${entity}:${entityId}`, 'pending');
    }
  }
  for (const row of rejected) states.set(unsentKey(row.entity, row.entityId), 'rejected');
  return states;
}

export function unsentKey(entity: SyncEntity, entityId: string): string {
  return `${entity}:${entityId}`;
}
