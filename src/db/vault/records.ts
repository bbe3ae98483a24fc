import { seal } from '../../shared/crypto';
import type { PersonalEntity } from '../../shared/domain/personal-fields';
import type { Mutation } from '../../shared/protocol';
import { type SealedEnvelope, sealedContext } from '../../shared/protocol/sealed';
import type { SotayDb } from '../database';
import type { OutboxRow, ShadowRow } from '../rows';
import { vaultContext } from './context';
import { openPersonal, protectRecord, revealRow } from './protect';
import type { VaultBasis } from './state';

/** A mutation as the push sends it: `sealed` (for the server) in place of `data`, or plain. */
export type SendableMutation = Mutation;

type Row = Record<string, unknown>;

/**
 * What an outbox row sends: its envelope sealed for the server when it has one (the worker sends
 * it while the app is locked), else its record with the personal fields opened (only while
 * unlocked). Undefined: locked, and the row can only be sent opened.
 */
export async function mutationToSend(
  db: SotayDb,
  row: OutboxRow,
): Promise<SendableMutation | undefined> {
  const { toMutation, fields } = vaultContext();
  const { PERSONAL_FIELD, hasPersonalFields } = fields;
  const mutation = toMutation(row);
  if (row.sealed !== undefined) {
    const { data: _data, ...rest } = mutation;
    return { ...rest, sealed: row.sealed };
  }
  const data = mutation.data as Row | undefined;
  if (data === undefined || !(PERSONAL_FIELD in data) || !hasPersonalFields(row.entity)) {
    return mutation;
  }
  const personal = await openPersonal(db, row.entity, data);
  if (personal === undefined) return undefined;
  const { [PERSONAL_FIELD]: _blob, ...rest } = data;
  return { ...mutation, data: { ...rest, ...personal } };
}

/**
 * `record` of `entity` sealed for the server's pinned key, bound to the record (sealedContext):
 * what its outbox row sends in place of `data`, so the worker can deliver it while the app is
 * locked (docs/design.md §6). Undefined before a server key was pinned: the row is sent opened.
 */
export async function sealForServer(
  db: SotayDb,
  entity: string,
  record: { id: string },
  basis?: VaultBasis,
): Promise<SealedEnvelope | undefined> {
  // Given a basis, its key (the caller checks it again in its transaction); else the pinned one.
  const key = basis === undefined ? await vaultContext().pinnedServerSealKey(db) : basis.serverKey;
  if (key === undefined) return undefined;
  return seal(key.jwk, key.kid, record, sealedContext({ entity, entityId: record.id }));
}

/** The record of a row or copy as read, personal fields revealed (see revealRow). */
export function revealRecord<T>(db: SotayDb, entity: string, record: T): Promise<T> {
  const { hasPersonalFields } = vaultContext().fields;
  if (typeof record !== 'object' || record === null || !hasPersonalFields(entity)) {
    return Promise.resolve(record);
  }
  return revealRow(db, entity, record);
}

/**
 * The record in its stored form (see protectRecord); others pass as they are. A caller storing
 * many records reads the basis once and passes it (a pull page: 500 reads of the vault's row).
 */
export function protectAny<T>(
  db: SotayDb,
  entity: string,
  record: T,
  basis?: VaultBasis,
): Promise<T> {
  const { hasPersonalFields } = vaultContext().fields;
  if (typeof record !== 'object' || record === null || !hasPersonalFields(entity)) {
    return Promise.resolve(record);
  }
  return protectRecord(db, entity as PersonalEntity, record, basis);
}

/** The record without its ciphertext: what a locked screen shows of it. */
function withoutBlob<T>(record: T): T {
  const { PERSONAL_FIELD } = vaultContext().fields;
  if (typeof record !== 'object' || record === null || !(PERSONAL_FIELD in record)) return record;
  const { [PERSONAL_FIELD]: _blob, ...rest } = record as Row;
  return rest as T;
}

/**
 * Outbox rows as a screen shows them (the sync screen names each record): their records'
 * personal fields revealed while unlocked; locked, without them.
 */
export function revealOutboxRows(db: SotayDb, rows: readonly OutboxRow[]): Promise<OutboxRow[]> {
  if (vaultContext().unlockedKeys(db) !== undefined) {
    return Promise.all(rows.map((row) => revealOutboxRow(db, row)));
  }
  return Promise.resolve(
    rows.map((row) => {
      const { sealed: _sealed, data, base, ...rest } = row;
      return {
        ...rest,
        ...(data === undefined ? {} : { data: withoutBlob(data) }),
        ...(base === undefined ? {} : { base: withoutBlob(base) }),
      };
    }),
  );
}

export async function revealOutboxRow(db: SotayDb, row: OutboxRow): Promise<OutboxRow> {
  const [data, base] = await Promise.all([
    revealRecord(db, row.entity, row.data),
    revealRecord(db, row.entity, row.base),
  ]);
  const { sealed: _sealed, ...rest } = row;
  return {
    ...rest,
    ...(data === undefined ? {} : { data }),
    ...(base === undefined ? {} : { base }),
  };
}

/**
 * An outbox row in its stored form: its records' personal fields encrypted and, when it sends a
 * record in clear with personal fields, that record sealed for the server too (a backup imported,
 * a row an older version queued), so the worker can send it while locked. The server judges a
 * sealed mutation as its opened data, so a row already sent once is answered the same.
 */
export async function protectOutboxRow(db: SotayDb, row: OutboxRow): Promise<OutboxRow> {
  const { fields } = vaultContext();
  const clear =
    row.sealed === undefined &&
    row.op === 'put' &&
    row.data !== undefined &&
    fields.hasPersonalFields(row.entity) &&
    fields.hasClearPersonal(row.entity, row.data);
  const [data, base, sealed] = await Promise.all([
    protectAny(db, row.entity, row.data),
    protectAny(db, row.entity, row.base),
    clear && row.data !== undefined ? sealForServer(db, row.entity, row.data) : row.sealed,
  ]);
  return {
    ...row,
    ...(data === undefined ? {} : { data }),
    ...(base === undefined ? {} : { base }),
    ...(sealed === undefined ? {} : { sealed }),
  };
}

export async function revealShadow(db: SotayDb, row: ShadowRow): Promise<ShadowRow> {
  if (row.data === undefined) return row;
  return { ...row, data: await revealRecord(db, row.entity, row.data) };
}

export async function protectShadow(db: SotayDb, row: ShadowRow): Promise<ShadowRow> {
  if (row.data === undefined) return row;
  return { ...row, data: await protectAny(db, row.entity, row.data) };
}
