import type { AnySyncRecord, DirectoryUser, Mutation, SyncRecord } from '../shared/protocol';
import type { SealedEnvelope } from '../shared/protocol/sealed';
import type {
  Enterprise,
  IndicatorEntry,
  PullEntity,
  SignupRecord,
  SyncEntity,
  Target,
  Unit,
  Visit,
} from '../shared/schemas';
import type { Issue } from '../shared/vn/issue';
import { searchKey } from '../shared/vn/names';
import { listRank } from './search';
import type { Session } from './session';
import type { SyncState } from './sync-state';

/**
 * Shapes of the rows stored on the device. A stored row is the record of src/shared plus a few
 * local-only fields; toServerRecord is the one place that removes them before anything leaves.
 */

/** When the device last wrote the row (ISO date-time); never sent. */
export type LocalFields = { localUpdatedAt?: string };

/**
 * Derived on every write: `searchKey`, accent-free name + tax code + address (since v2);
 * `listOrder`, the list's order up to the name (search.ts listRank, indexed, since v7).
 */
export type EnterpriseRow = Enterprise & LocalFields & { searchKey: string; listOrder: number };
export type VisitRow = Visit & LocalFields;
/** Drafts and submitted applications share the table, told apart by `status`. */
export type SignupRow = SignupRecord & LocalFields;
export type TargetRow = Target;
export type UnitRow = Unit;
export type IndicatorEntryRow = IndicatorEntry;

export type OutboxState = 'pending' | 'rejected';

/**
 * A mutation of the push protocol (src/shared/protocol) as the device queues it, with what only
 * the device needs. `data` is the record it carries (drafts never enter the outbox).
 */
export type OutboxRow = Omit<Mutation, 'data'> & {
  seq: number;
  data?: AnySyncRecord;
  /**
   * Local-only, never sent: the record as the server holds it at baseVersion, the base of the
   * three-way merge when the server answers `conflict`. Absent for creates.
   */
  base?: AnySyncRecord;
  /**
   * The record sealed for the server at write time (src/shared/crypto, "Sealed for the server"):
   * sent in place of `data`, so the worker delivers it while the app is locked.
   */
  sealed?: SealedEnvelope;
  createdAt: string;
  state: OutboxState;
  attempts: number;
  firstSentAt?: string;
  lastError?: string;
  issues?: Issue[];
};

/** The mutation a row sends: the protocol's fields only (toMutation is the one place it is built). */
export function toMutation(row: OutboxRow): Mutation {
  const { mutationId, entity, entityId, op, baseVersion, data, replaced } = row;
  return {
    mutationId,
    entity,
    entityId,
    op,
    ...(baseVersion === undefined ? {} : { baseVersion }),
    ...(data === undefined ? {} : { data }),
    ...(replaced === undefined || op !== 'put' ? {} : { replaced }),
  };
}

/** The last server-known copy of a synced record, base of field-level conflict merges. */
export type ShadowRow = {
  entity: SyncEntity;
  entityId: string;
  version: number;
  data?: AnySyncRecord;
  deleted?: boolean;
};

/**
 * The people of the user's scope as the server names them (GET /api/units/users), kept for the
 * progress screens offline; gone with the rest at sign-out.
 */
export type Directory = { users: DirectoryUser[]; fetchedAt: string };

/** Known keys of the `meta` table and their values. */
export type MetaValues = {
  clientId: string;
  session: Session;
  syncState: SyncState;
  directory: Directory;
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
} as const satisfies Record<PullEntity, string>;

const LOCAL_FIELDS: ReadonlySet<string> = new Set(['searchKey', 'listOrder', 'localUpdatedAt']);
type LocalFieldName = 'searchKey' | 'listOrder' | 'localUpdatedAt';

/** The row without its local-only fields: what may be sent to the server or compared with it. */
export function toServerRecord<E extends SyncEntity>(
  _entity: E,
  row: SyncRecord[E] & LocalFields,
): SyncRecord[E] {
  return withoutLocalFields(row) as SyncRecord[E];
}

/** Any stored row minus the local-only fields. */
export function withoutLocalFields<T extends object>(row: T): Omit<T, LocalFieldName> {
  const entries = Object.entries(row).filter(([key]) => !LOCAL_FIELDS.has(key));
  // Only the local keys were removed, so the rest keeps the record's shape.
  return Object.fromEntries(entries) as Omit<T, LocalFieldName>;
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
    listOrder: listRank(record),
    ...(localUpdatedAt === undefined ? {} : { localUpdatedAt }),
  };
}
