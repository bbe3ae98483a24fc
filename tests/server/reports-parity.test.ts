import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit } from '../../src/server/accounts/manage';
import { seededRandom } from '../../src/server/demo/random';
import type { Store } from '../../src/server/store/types';
import {
  type IndicatorData,
  indicatorFacts,
  type MonthlyReport,
  monthlyReport,
} from '../../src/shared/domain';
import {
  ENTRY_KINDS,
  INDICATORS,
  type IndicatorEntry,
  type SignupRecord,
  type Target,
  type Unit,
} from '../../src/shared/schemas';
import { makeSignup, makeSignupDraft } from '../fixtures/records';
import { type Account, type App, account, testApp } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';
import * as scenario from '../unit/shared/domain/indicator-scenario';
import { accepted, deleteRecord, enterprise, founded, get, storeRecords } from './reports-fixtures';

/**
 * The same definitions on both sides: the records are stored, the endpoint sums them in SQL,
 * and the shared `monthlyReport` computes the report from the same records in memory; every
 * figure of every unit's report of every month must agree. Units are ordered by name as the
 * server lists sub-units.
 */

const collator = new Intl.Collator('vi');
const byName = (units: readonly Unit[]) =>
  [...units].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));

function shared(units: readonly Unit[], data: IndicatorData, targets: readonly Target[]) {
  const facts = indicatorFacts(data);
  return (unitId: string, year: number, month: number): MonthlyReport =>
    monthlyReport({ facts, units: byName(units), targets, unitId, year, month });
}

async function endpoint(app: App, who: Account, unitId: string, year: number, month: number) {
  const reply = await get(
    app,
    who,
    `/api/reports/monthly?unitId=${unitId}&year=${year}&month=${month}`,
  );
  expect(reply.status).toBe(200);
  const { fingerprint: _fingerprint, ...report } = reply.body as MonthlyReport & {
    fingerprint: string;
  };
  return report;
}

/** A seeded random federation: three levels, every entry kind, deleted records. */
async function randomFederation(store: Store) {
  const random = seededRandom(13);
  const root = await createUnit(store, { name: 'LĐLĐ tỉnh', kind: 'federation' });
  const units: Unit[] = [root];
  for (let i = 0; i < 6; i += 1) {
    const parent = i < 3 ? root : random.pick(units.slice(1, 4));
    units.push(await createUnit(store, { name: `CĐ ${i}`, kind: 'commune', parentId: parent.id }));
  }
  const day = () =>
    `${random.pick([2025, 2026, 2026])}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const enterprises = Array.from({ length: 40 }, (_, i) => {
    const unitId = random.pick(units).id;
    return i % 3 === 0 ? founded(unitId, day(), random.int(5, 60)) : enterprise(unitId);
  });
  const signups: SignupRecord[] = Array.from({ length: 300 }, () => {
    const enterpriseId = random.pick(enterprises).id;
    const status = random.weighted([
      ['accepted', 6],
      ['submitted', 2],
      ['rejected', 1],
      ['draft', 1],
    ] as const);
    if (status === 'accepted') return accepted(enterpriseId, day());
    if (status === 'draft') return makeSignupDraft({ id: randomUUID(), enterpriseId });
    return makeSignup({
      id: randomUUID(),
      enterpriseId,
      status,
      ...(status === 'rejected' ? { rejectionReason: 'Không đủ điều kiện' } : {}),
    });
  });
  const entries: IndicatorEntry[] = Array.from({ length: 120 }, (_, i) => {
    const base = { id: randomUUID(), unitId: random.pick(units).id, date: day(), note: '' };
    return i % 8 === 0
      ? {
          ...base,
          kind: 'adjustment',
          indicator: random.pick(INDICATORS),
          delta: random.int(-5, 5),
        }
      : { ...base, kind: random.pick(ENTRY_KINDS), count: random.int(1, 50) };
  });
  const targets: Target[] = units.flatMap((unit) =>
    INDICATORS.filter(() => random.next() < 0.6).map((indicator) => ({
      id: randomUUID(),
      unitId: unit.id,
      year: 2026,
      indicator,
      value: random.int(0, 200),
    })),
  );
  await storeRecords(store, { enterprises, signups, entries, targets });
  // Deleted records count nowhere: an enterprise with its accepted applications left behind,
  // an accepted application, an entry.
  const gone = enterprises[1];
  const goneSignup = signups.find((s) => s.status === 'accepted' && s.enterpriseId !== gone?.id);
  if (!gone || !goneSignup || !entries[1]) throw new Error('scenario too small');
  await storeRecords(store, { signups: [accepted(gone.id, '2026-03-10')] });
  await deleteRecord(store, 'enterprise', gone.id);
  await deleteRecord(store, 'signup', goneSignup.id);
  await deleteRecord(store, 'indicatorEntry', entries[1].id);
  const data: IndicatorData = {
    enterprises: enterprises.filter((e) => e !== gone),
    signups: signups.filter((s) => s !== goneSignup),
    entries: entries.filter((e) => e !== entries[1]),
  };
  return { root, units, data, targets };
}

describe.each(storeFactories)(
  'the endpoint and the shared monthlyReport agree on $name',
  (factory) => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: App;

    beforeAll(async () => {
      ({ store, dispose } = await openMigratedStore(factory));
      app = testApp(store);
    });
    afterAll(() => dispose());

    it('on the hand-counted records of the indicator tests, every unit and month of 2025', async () => {
      for (const unit of scenario.units) {
        await createUnit(store, {
          id: unit.id,
          name: unit.name,
          kind: unit.kind,
          ...(unit.parentId ? { parentId: unit.parentId } : {}),
        });
      }
      await storeRecords(
        store,
        {
          enterprises: scenario.enterprises,
          signups: scenario.signups,
          entries: scenario.entries,
          targets: scenario.targets,
        },
        scenario.U, // the application of an enterprise the data does not hold
      );
      const admin = await account(store, 'admin', scenario.F);
      const expected = shared(scenario.units, scenario.data, scenario.targets);
      for (const unit of scenario.units) {
        for (let month = 1; month <= 12; month += 1) {
          const report = await endpoint(app, admin, unit.id, 2025, month);
          expect(report, `${unit.name}, ${month}/2025`).toEqual(expected(unit.id, 2025, month));
        }
      }
    });

    it('on a seeded random federation, every unit and month of 2026', async () => {
      const { root, units, data, targets } = await randomFederation(store);
      const admin = await account(store, 'admin', root.id);
      const expected = shared(units, data, targets);
      let nonZero = 0;
      for (const unit of units) {
        for (let month = 1; month <= 12; month += 1) {
          const report = await endpoint(app, admin, unit.id, 2026, month);
          expect(report, `${unit.name}, ${month}/2026`).toEqual(expected(unit.id, 2026, month));
          nonZero += report.rows.filter((row) => row.month !== 0).length;
        }
      }
      // The comparison is not of empty reports.
      expect(nonZero).toBeGreaterThan(100);
    });
  },
);
