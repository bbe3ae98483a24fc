import type {
  Enterprise,
  IndicatorEntry,
  Signup,
  SignupRecord,
  SyncEntity,
  Target,
  Unit,
  Visit,
} from '../shared/schemas';
import type { Issue } from '../shared/vn/issue';
import { searchKey } from '../shared/vn/names';
import type { Session } from './session';
import type { SyncState } from './sync-state';

/**
 * Shapes of the rows stored on the device. A stored row is the record of src/shared plus a few
 * local-only fields; toServerRecord is the one place that removes them before anything leaves.
 */

/** When the device last wrote the row (ISO date-time); never sent. */
export type LocalFields = { localUpdatedAt?: string };

/** `searchKey`: accent-free name + tax code + address, derived on every write (since v2). */
export type EnterpriseRow = Enterprise & LocalFields & { searchKey: string };
export type VisitRow = Visit & LocalFields;
/** Drafts and submitted applications share the table, told apart by `status`. */
export type SignupRow = SignupRecord & LocalFields;
export type TargetRow = Target;
export type UnitRow = Unit;
export type IndicatorEntryRow = IndicatorEntry;

/** Records that travel in a push. Drafts never do. */
export type SyncRecord = Enterprise | Visit | Signup;
export type OutboxOp = 'put' | 'delete';
export type OutboxState = 'pending' | 'rejected';

export type OutboxRow = {
  seq: number;
  mutationId: string;
  clientId?: string;
  entity: SyncEntity;
  entityId: string;
  op: OutboxOp;
  /** Server version the change was made on; absent for a create. */
  baseVersion?: number;
  data?: SyncRecord;
  /**
   * Local-only, never sent: the record as the server holds it at baseVersion, the base of the
   * three-way merge when the server answers `conflict`. Absent for creates.
   */
  base?: SyncRecord;
  createdAt: string;
  state: OutboxState;
  attempts: number;
  firstSentAt?: string;
  lastError?: string;
  issues?: Issue[];
};

/** The last server-known copy of a synced record, base of field-level conflict merges. */
export type ShadowRow = {
  entity: SyncEntity;
  entityId: string;
  version: number;
  data?: SyncRecord;
  deleted?: boolean;
};

/** Known keys of the `meta` table and their values. */
export type MetaValues = {
  clientId: string;
  session: Session;
  syncState: SyncState;
};
export type { Session, SyncState };
export type MetaKey = keyof MetaValues;
export type MetaRow = { key: string; value: unknown };

/** Every entity name the server may send in a pull, and its table. */
export const ENTITY_TABLES = {
  enterprise: 'enterprises',
  visit: 'visits',
  signup: 'signups',
  target: 'targets',
  unit: 'units',
  indicatorEntry: 'indicatorEntries',
} as const;
export type RemoteEntity = keyof typeof ENTITY_TABLES;

const LOCAL_FIELDS: ReadonlySet<string> = new Set(['searchKey', 'localUpdatedAt']);

type ServerRecords = { enterprise: Enterprise; visit: Visit; signup: SignupRecord };

/** The row without its local-only fields: what may be sent to the server or compared with it. */
export function toServerRecord<E extends SyncEntity>(
  _entity: E,
  row: ServerRecords[E] & LocalFields,
): ServerRecords[E] {
  return withoutLocalFields(row) as ServerRecords[E];
}

/** Any stored row minus the local-only fields. */
export function withoutLocalFields<T extends object>(
  row: T,
): Omit<T, 'searchKey' | 'localUpdatedAt'> {
  const entries = Object.entries(row).filter(([key]) => !LOCAL_FIELDS.has(key));
  // Only the local keys were removed, so the rest keeps the record's shape.
  return Object.fromEntries(entries) as Omit<T, 'searchKey' | 'localUpdatedAt'>;
}

/** What the search box matches an enterprise against. */
export function enterpriseSearchKey(
  enterprise: Pick<Enterprise, 'name' | 'taxCode' | 'address'>,
): string {
  return searchKey([enterprise.name, enterprise.taxCode ?? '', enterprise.address].join(' '));
}

/** An enterprise as stored: derived fields recomputed, local time stamped when given. */
export function toEnterpriseRow(enterprise: Enterprise, localUpdatedAt?: string): EnterpriseRow {
  const record = toServerRecord('enterprise', enterprise);
  return {
    ...record,
    searchKey: enterpriseSearchKey(record),
    ...(localUpdatedAt === undefined ? {} : { localUpdatedAt }),
  };
}
