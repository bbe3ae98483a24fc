import { checkEnterprise } from '../../shared/domain/enterprise-check';
import type { Enterprise } from '../../shared/schemas';
import { nowIso } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage, ValidationError } from '../errors';
import { toServerRecord } from '../rows';
import { type LocalChange, writeLocalChange } from './local-change';
import { withStoredServerFields } from './server-fields';

/**
 * Creates or edits an enterprise: full check of src/shared (schema, tax code, phone; text trimmed
 * and NFC), then the row and its outbox row in one transaction. Server-set fields (version,
 * updatedAt, updatedBy) come from the stored row, never from the caller's possibly stale copy.
 * A changed stage without a new stageChangedAt gets the current time.
 */
export async function saveEnterprise(db: SotayDb, enterprise: Enterprise): Promise<Enterprise> {
  const checked = checkEnterprise(enterprise);
  if (checked.value === undefined) throw new ValidationError('enterprise', checked.issues);
  const value = checked.value;
  const now = nowIso();
  return guardStorage(() =>
    db.transaction('rw', [db.enterprises, db.outbox, db.shadows], async () => {
      const existing = await db.enterprises.get(value.id);
      const record = withStoredServerFields(value, existing);
      const stageMoved =
        existing !== undefined &&
        existing.stage !== record.stage &&
        existing.stageChangedAt === record.stageChangedAt;
      if (stageMoved) record.stageChangedAt = now;
      await writeLocalChange(db, enterpriseChange(record), existing, now);
      return record;
    }),
  );
}

export function enterpriseChange(record: Enterprise): LocalChange {
  return {
    entity: 'enterprise',
    entityId: record.id,
    op: 'put',
    data: toServerRecord('enterprise', record),
  };
}
