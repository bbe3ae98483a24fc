import { describe, expect, it } from 'vitest';
import {
  applyPushAnswers,
  applyRemoteChanges,
  markAttempt,
  type PushAnswer,
  pendingOutbox,
  quarantine,
  type SotayDb,
} from '../../../src/db';
import { CONFLICT_TABLES } from '../../../src/db/repositories/conflict';
import { syncTable } from '../../../src/db/repositories/entity-tables';
import { writeLocalChange } from '../../../src/db/repositories/local-change';
import { recordServerCopy } from '../../../src/db/repositories/server-copy';
import { settleEntity } from '../../../src/db/repositories/settle';
import type { AnySyncRecord } from '../../../src/shared/protocol';
import { prng } from '../../fixtures/generate';
import { fixtureId, makeEnterprise, makeVisit } from '../../fixtures/records';
import { freshDb } from './support';

/**
 * A push's answers are acknowledged in runs (acknowledge.ts): what they leave must be what
 * acknowledging the rows one after another left, as the outbox did before. The reference below
 * is that one-by-one acknowledgement, written out.
 */
async function acknowledgeOneByOne(db: SotayDb, answers: readonly PushAnswer[]): Promise<void> {
  await db.transaction('rw', CONFLICT_TABLES, async () => {
    for (const { seq, result } of answers) {
      if (result.status === 'rejected') {
        await quarantine(db, seq, 'rejected');
        continue;
      }
      const row = await db.outbox.get(seq);
      if (row === undefined) continue;
      await db.outbox.delete(seq);
      const { version } = result;
      if (version === undefined) continue;
      const data = row.op === 'delete' ? undefined : row.data;
      await recordServerCopy(db, row.entity, row.entityId, version, data);
      const table = syncTable(db, row.entity);
      const current = await table.get(row.entityId);
      if (current !== undefined) await table.put({ ...current, version });
      await settleEntity(db, row.entity, row.entityId);
    }
  });
}

const TABLES = ['outbox', 'shadows', 'enterprises', 'visits'] as const;

async function snapshot(db: SotayDb) {
  return Object.fromEntries(
    await Promise.all(TABLES.map(async (name) => [name, await db.table(name).toArray()])),
  );
}

async function copyOf(db: SotayDb): Promise<SotayDb> {
  const copy = freshDb();
  const tables = await snapshot(db);
  for (const name of TABLES) await copy.table(name).bulkPut(tables[name]);
  return copy;
}

const NOW = '2026-11-30T08:00:00.000Z';
const enterpriseId = (n: number) => fixtureId(7, n);

/**
 * A phone with `seed`'s history: three enterprises (one known to the server), visits, edits made
 * before and after a push was sent, a delete; the rows of the push answered at random with
 * applied, duplicate (with and without a version) and rejected, a row answered twice, and a row
 * that is gone.
 */
async function scenario(seed: number): Promise<{ db: SotayDb; answers: PushAnswer[] }> {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const db = freshDb();
  const known = { ...makeEnterprise({ id: enterpriseId(1) }), version: 3 };
  await applyRemoteChanges(db, [
    { entity: 'enterprise', entityId: known.id, version: 3, deleted: false, data: known },
  ]);
  const versions = new Map<string, number>([[enterpriseId(1), 3]]);
  const change = async (entity: 'enterprise' | 'visit', id: string, data?: AnySyncRecord) => {
    const stored = await syncTable(db, entity).get(id);
    const op = data === undefined ? 'delete' : 'put';
    await writeLocalChange(
      db,
      { entity, entityId: id, op, ...(data ? { data } : {}) },
      stored,
      NOW,
    );
  };
  const edit = async (n: number) => {
    const notes = `ghi chú ${Math.floor(random() * 1000)}`;
    await change('enterprise', enterpriseId(n), makeEnterprise({ id: enterpriseId(n), notes }));
  };
  const visit = async (n: number) => {
    const id = fixtureId(8, Math.floor(random() * 4));
    const record = makeVisit({ id, enterpriseId: enterpriseId(n), outcome: `lần ${n}` });
    await change('visit', id, record as AnySyncRecord);
  };
  for (let step = 0; step < 8; step++) {
    const n = 1 + Math.floor(random() * 3);
    await pick([edit, visit])(n);
  }
  const sent = await markAttempt(
    db,
    (await pendingOutbox(db, 100)).map((row) => row.seq),
  );
  // Edits after the push left: new rows of the same records, which keep them from settling.
  for (let step = 0; step < 3; step++) await pick([edit, visit])(1 + Math.floor(random() * 3));
  if (random() < 0.5) await change('enterprise', enterpriseId(2));
  const answers: PushAnswer[] = sent.map((row) => {
    const next = (versions.get(row.entityId) ?? 0) + 1 + Math.floor(random() * 2);
    const kind = pick(['applied', 'applied', 'duplicate', 'bare', 'rejected'] as const);
    if (kind !== 'rejected' && kind !== 'bare') versions.set(row.entityId, next);
    const mutationId = row.mutationId;
    if (kind === 'bare') return { seq: row.seq, result: { mutationId, status: 'duplicate' } };
    if (kind === 'rejected') {
      const error = { code: 'validation_failed' as const, message: 'rejected' };
      return { seq: row.seq, result: { mutationId, status: 'rejected', error } };
    }
    return { seq: row.seq, result: { mutationId, status: kind, version: next } };
  });
  const again = answers[Math.floor(random() * answers.length)];
  if (again !== undefined) answers.push(again);
  answers.push({
    seq: 9999,
    result: { mutationId: fixtureId(9, 1), status: 'applied', version: 1 },
  });
  return { db, answers };
}

describe('acknowledging a push in runs', () => {
  it.each(Array.from({ length: 60 }, (_, seed) => seed))(
    'leaves what one-by-one acknowledgement leaves (history %i)',
    async (seed) => {
      const { db, answers } = await scenario(seed);
      const reference = await copyOf(db);
      await applyPushAnswers(db, answers);
      await acknowledgeOneByOne(reference, answers);
      const [batched, oneByOne] = await Promise.all([snapshot(db), snapshot(reference)]);
      expect(batched).toEqual(oneByOne);
      // Not a vacuous history: some rows were acknowledged, and some are left.
      expect(oneByOne['outbox']?.length).toBeGreaterThan(0);
    },
  );
});
