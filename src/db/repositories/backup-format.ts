import * as v from 'valibot';
import {
  enterpriseSchema,
  indicatorEntrySchema,
  SYNC_ENTITIES,
  signupRecordSchema,
  targetSchema,
  unitSchema,
  uuidSchema,
  visitSchema,
} from '../../shared/schemas';
import type { TableName } from '../database';
import type {
  EnterpriseRow,
  IndicatorEntryRow,
  MetaRow,
  OutboxRow,
  ShadowRow,
  SignupRow,
  TargetRow,
  UnitRow,
  VisitRow,
} from '../rows';

/** The backup file: every table as stored, minus the session secret. */

export const BACKUP_FORMAT = 'sotay-backup';
export const BACKUP_VERSION = 1;

export type BackupTables = {
  enterprises: EnterpriseRow[];
  visits: VisitRow[];
  signups: SignupRow[];
  targets: TargetRow[];
  units: UnitRow[];
  indicatorEntries: IndicatorEntryRow[];
  outbox: OutboxRow[];
  shadows: ShadowRow[];
  meta: MetaRow[];
};

export type Backup = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  tables: BackupTables;
};

const rowsSchema = v.optional(v.array(v.looseObject({})), []);

/** The envelope; rows are checked one by one (rowSchemas) so one bad row skips only itself. */
export const backupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.string(),
  tables: v.object({
    enterprises: rowsSchema,
    visits: rowsSchema,
    signups: rowsSchema,
    targets: rowsSchema,
    units: rowsSchema,
    indicatorEntries: rowsSchema,
    outbox: rowsSchema,
    shadows: rowsSchema,
    meta: rowsSchema,
  }),
});

const outboxRowSchema = v.looseObject({
  mutationId: uuidSchema,
  entity: v.picklist(SYNC_ENTITIES),
  entityId: uuidSchema,
  op: v.picklist(['put', 'delete']),
  createdAt: v.string(),
  state: v.picklist(['pending', 'rejected']),
  attempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const shadowRowSchema = v.looseObject({
  entity: v.picklist(SYNC_ENTITIES),
  entityId: uuidSchema,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

const metaRowSchema = v.object({ key: v.string(), value: v.unknown() });

/** What each table's rows must satisfy to be imported. */
export const rowSchemas: Record<TableName, v.GenericSchema> = {
  enterprises: enterpriseSchema,
  visits: visitSchema,
  signups: signupRecordSchema,
  targets: targetSchema,
  units: unitSchema,
  indicatorEntries: indicatorEntrySchema,
  outbox: outboxRowSchema,
  shadows: shadowRowSchema,
  meta: metaRowSchema,
};
