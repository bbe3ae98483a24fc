import {
  hasPersonalFields,
  PERSONAL_FIELDS,
  type PersonalEntity,
} from '../../shared/domain/personal-fields';
import type { Mutation } from '../../shared/protocol';
import type { SealedEnvelope } from '../../shared/protocol/sealed';
import type { SotayDb } from '../database';
import { type OutboxRow, type ShadowRow, toMutation } from '../rows';
import { openPersonal, PERSONAL_FIELD, protectRecord, revealRow } from './protect';

/** A mutation as the push sends it: `sealed` (for the server) in place of `data`, or plain. */
export type SendableMutation = Mutation & { sealed?: SealedEnvelope };

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

/** The record of a row or copy as read, personal fields revealed (see revealRow). */
export function revealRecord<T>(db: SotayDb, entity: string, record: T): Promise<T> {
  if (typeof record !== 'object' || record === null || !hasPersonalFields(entity)) {
    return Promise.resolve(record);
  }
  return revealRow(db, entity, record);
}

/** The record in its stored form (see protectRecord); others pass as they are. */
export function protectAny<T>(db: SotayDb, entity: string, record: T): Promise<T> {
  if (typeof record !== 'object' || record === null || !hasPersonalFields(entity)) {
    return Promise.resolve(record);
  }
  return protectRecord(db, entity as PersonalEntity, record);
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

export async function protectOutboxRow(db: SotayDb, row: OutboxRow): Promise<OutboxRow> {
  const [data, base] = await Promise.all([
    protectAny(db, row.entity, row.data),
    protectAny(db, row.entity, row.base),
  ]);
  return {
    ...row,
    ...(data === undefined ? {} : { data }),
    ...(base === undefined ? {} : { base }),
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

/**
 * `plain` (a record built in a write's transaction) in its stored form, with the ciphertext that
 * was made of the same personal fields before the transaction began (`protectedCopy`).
 */
export function withProtection<T extends object>(
  entity: PersonalEntity,
  plain: T,
  protectedCopy: object,
): T {
  if (!(PERSONAL_FIELD in protectedCopy)) return plain;
  const rest: Row = { ...(plain as Row) };
  for (const field of PERSONAL_FIELDS[entity]) delete rest[field];
  return { ...rest, [PERSONAL_FIELD]: (protectedCopy as Row)[PERSONAL_FIELD] } as T;
}
