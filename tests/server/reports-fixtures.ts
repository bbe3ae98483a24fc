import { randomUUID } from 'node:crypto';
import { createUnit } from '../../src/server/accounts/manage';
import { findRecord, writeRecord } from '../../src/server/changes/records';
import { lockWrites } from '../../src/server/changes/write-lock';
import type { Store } from '../../src/server/store/types';
import type {
  Enterprise,
  IndicatorEntry,
  SignupRecord,
  Target,
  Unit,
  UnitKind,
  Visit,
} from '../../src/shared/schemas';
import {
  makeDecision,
  makeEnterprise,
  makeIndicatorEntry,
  makeSignup,
  makeTarget,
} from '../fixtures/records';
import { type Account, type App, account, call, type Reply } from '../helpers/api';

/**
 * Records for the report tests, written through the store's own write function (writeRecord,
 * under the write lock, as a push writes them): an application or a visit lives in its
 * enterprise's unit, an entry or a target in its own.
 */

export type Records = {
  enterprises?: readonly Enterprise[];
  signups?: readonly SignupRecord[];
  visits?: readonly Visit[];
  entries?: readonly IndicatorEntry[];
  targets?: readonly Target[];
};

type Entity = 'enterprise' | 'signup' | 'visit' | 'indicatorEntry' | 'target';

async function put(
  store: Store,
  entity: Entity,
  data: { id: string } & Record<string, unknown>,
  unitId: string,
  enterpriseId?: string,
): Promise<void> {
  await store.transaction(async (tx) => {
    await lockWrites(tx);
    const existing = await findRecord(tx, entity, data.id);
    const version = (existing?.version ?? 0) + 1;
    const updatedAt = new Date().toISOString();
    await writeRecord(tx, {
      entity,
      id: data.id,
      unitId,
      enterpriseId,
      data: { ...data, version, updatedAt },
      version,
      updatedAt,
      updatedBy: undefined,
    });
  });
}

/**
 * Stores the records (creating or replacing them). An application whose enterprise is not
 * stored is kept in `orphanUnit` (it must live in some unit; the indicators ignore it).
 */
export async function storeRecords(store: Store, records: Records, orphanUnit?: string) {
  const unitOf = new Map<string, string>();
  for (const enterprise of records.enterprises ?? []) {
    await put(store, 'enterprise', enterprise, enterprise.unitId);
    unitOf.set(enterprise.id, enterprise.unitId);
  }
  const enterpriseUnit = async (id: string) =>
    unitOf.get(id) ?? (await findRecord(store, 'enterprise', id))?.unitId ?? orphanUnit;
  for (const child of [...(records.signups ?? []), ...(records.visits ?? [])]) {
    const unitId = await enterpriseUnit(child.enterpriseId);
    if (unitId === undefined) throw new Error(`no unit for ${child.id}`);
    const entity = 'visitedAt' in child ? 'visit' : 'signup';
    await put(store, entity, child, unitId, child.enterpriseId);
  }
  for (const entry of records.entries ?? [])
    await put(store, 'indicatorEntry', entry, entry.unitId);
  for (const target of records.targets ?? []) await put(store, 'target', target, target.unitId);
}

/** Deletes a record as a push does: no data left, a new version. */
export async function deleteRecord(store: Store, entity: Entity, id: string): Promise<void> {
  await store.transaction(async (tx) => {
    await lockWrites(tx);
    const existing = await findRecord(tx, entity, id);
    if (!existing) throw new Error(`no ${entity} ${id}`);
    await writeRecord(tx, {
      ...existing,
      data: null,
      deleted: true,
      version: existing.version + 1,
      updatedAt: new Date().toISOString(),
      updatedBy: undefined,
    });
  });
}

export async function makeUnit(
  store: Store,
  name: string,
  kind: UnitKind,
  parentId?: string,
): Promise<Unit> {
  return createUnit(store, { name, kind, ...(parentId ? { parentId } : {}) });
}

let counter = 0;
const id = () => randomUUID();

export function enterprise(unitId: string, fields: Partial<Enterprise> = {}): Enterprise {
  counter += 1;
  return makeEnterprise({
    id: id(),
    unitId,
    name: `Công ty ${counter}`,
    assignedTo: undefined,
    ...fields,
  });
}

/** A founded enterprise: recognised on `foundedAt` with `workers` workers that day. */
export function founded(unitId: string, foundedAt: string, workers: number): Enterprise {
  return enterprise(unitId, {
    stage: 'founded',
    unionStatus: 'cdcs',
    workerCount: workers,
    femaleWorkerCount: 0,
    workerCountAtFounding: workers,
    foundedAt,
    foundingDecision: makeDecision({ number: 'QĐ-TL', date: foundedAt, issuedBy: unitId }),
  });
}

export function accepted(enterpriseId: string, date: string, signedAt = '2026-01-05') {
  return makeSignup({
    id: id(),
    enterpriseId,
    status: 'accepted',
    signedAt,
    decision: makeDecision({ number: `${date}/QĐ-KN`, date }),
  });
}

export function entry(unitId: string, kind: IndicatorEntry['kind'], date: string, count: number) {
  return makeIndicatorEntry({ id: id(), unitId, kind, date, count } as Partial<
    Extract<IndicatorEntry, { count: number }>
  >) as IndicatorEntry;
}

export function target(unitId: string, indicator: Target['indicator'], value: number, year = 2026) {
  return makeTarget({ id: id(), unitId, indicator, value, year });
}

/** GET a report route; the body parsed as JSON when it is JSON. */
export function get(app: App, who: Account, path: string): Promise<Reply> {
  return call(app, 'GET', path, { token: who.token });
}

/** A download: status, headers and the body's bytes. */
export async function download(app: App, who: Account, path: string) {
  const response = await app.request(path, { headers: { authorization: `Bearer ${who.token}` } });
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

export async function accounts(store: Store, unitId: string) {
  const [supervisor, organizer, admin] = await Promise.all([
    account(store, 'supervisor', unitId),
    account(store, 'organizer', unitId),
    account(store, 'admin', unitId),
  ]);
  return { supervisor, organizer, admin };
}
