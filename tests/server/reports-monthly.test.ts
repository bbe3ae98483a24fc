import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import type { MonthlyReport, ReportRow } from '../../src/shared/domain';
import type { Indicator } from '../../src/shared/schemas';
import { type App, testApp } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';
import { get } from './reports-fixtures';
import { type CanTho, canThoScenario } from './reports-scenario';

type Row = [Indicator, number, number, number | null, number | null];

const rows = (table: Row[]): ReportRow[] =>
  table.map(([indicator, month, yearToDate, target, percent]) => ({
    indicator,
    month,
    yearToDate,
    target,
    percent,
  }));

// Counted by hand from reports-scenario.ts: [indicator, month, year to date, target, percent].
const MARCH = {
  F: rows([
    ['new_members', 15, 17, 100, 17], // March: A 3 + 10 outside, B 2; before: A 1 (Jan), N 1 (Feb)
    ['net_members', 11, 15, 80, 18.75], // − 4 left in March; + 2 transferred in (Feb)
    ['informal_members', 0, 0, null, null],
    ['new_cdcs', 1, 1, 4, 25], // eA1 on 31 March
    ['new_cdcs_25', 1, 1, 2, 50], // at 30 workers
    ['new_ndcs', 0, 0, 1, 0],
    ['party_introductions', 2, 2, 5, 40],
    ['party_admissions', 0, 0, null, null],
  ]),
  A: rows([
    ['new_members', 13, 14, 40, 35],
    ['net_members', 13, 14, null, null],
    ['informal_members', 0, 0, null, null],
    ['new_cdcs', 1, 1, 2, 50],
    ['new_cdcs_25', 1, 1, 1, 100],
    ['new_ndcs', 0, 0, null, null],
    ['party_introductions', 0, 0, null, null],
    ['party_admissions', 0, 0, null, null],
  ]),
  N: rows([
    ['new_members', 0, 1, null, null],
    ['net_members', 0, 1, null, null],
    ['informal_members', 0, 0, null, null],
    ['new_cdcs', 0, 0, null, null],
    ['new_cdcs_25', 0, 0, null, null],
    ['new_ndcs', 0, 0, null, null],
    ['party_introductions', 2, 2, null, null],
    ['party_admissions', 0, 0, null, null],
  ]),
  B: rows([
    ['new_members', 2, 2, 20, 10],
    ['net_members', -2, 0, 10, 0], // 2 − 4 left; + 2 transferred in (Feb)
    ['informal_members', 0, 0, null, null],
    ['new_cdcs', 0, 0, 1, 0],
    ['new_cdcs_25', 0, 0, null, null],
    ['new_ndcs', 0, 0, null, null],
    ['party_introductions', 0, 0, null, null],
    ['party_admissions', 0, 0, null, null],
  ]),
};

const APRIL = {
  F: rows([
    ['new_members', 1, 18, 100, 18], // A 1 on 1 April
    ['net_members', 0, 15, 80, 18.75], // − 1 transferred out on 30 April
    ['informal_members', 0, 0, null, null],
    ['new_cdcs', 1, 2, 4, 50], // eB1 on 10 April
    ['new_cdcs_25', 0, 1, 2, 50], // at 12 workers: not one of ≥ 25
    ['new_ndcs', 1, 1, 1, 100], // F's own NĐCS
    ['party_introductions', 0, 2, 5, 40],
    ['party_admissions', 0, 0, null, null],
  ]),
  A: rows([
    ['new_members', 1, 15, 40, 37.5],
    ['net_members', 1, 15, null, null],
    ['informal_members', 0, 0, null, null],
    ['new_cdcs', 0, 1, 2, 50],
    ['new_cdcs_25', 0, 1, 1, 100],
    ['new_ndcs', 0, 0, null, null],
    ['party_introductions', 0, 0, null, null],
    ['party_admissions', 0, 0, null, null],
  ]),
  B: rows([
    ['new_members', 0, 2, 20, 10],
    ['net_members', -1, -1, 10, -10],
    ['informal_members', 0, 0, null, null],
    ['new_cdcs', 1, 1, 1, 100],
    ['new_cdcs_25', 0, 0, null, null],
    ['new_ndcs', 0, 0, null, null],
    ['party_introductions', 0, 0, null, null],
    ['party_admissions', 0, 0, null, null],
  ]),
};

describe.each(storeFactories)('GET /api/reports/monthly on $name (counted by hand)', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let s: CanTho;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    s = await canThoScenario(store);
  });
  afterAll(() => dispose());

  async function report(unitId: string, month: number): Promise<MonthlyReport> {
    const reply = await get(
      app,
      s.people.F.supervisor,
      `/api/reports/monthly?unitId=${unitId}&year=2026&month=${month}`,
    );
    expect(reply.status).toBe(200);
    return reply.body as MonthlyReport;
  }

  it('March for the federation: its subtree, then each sub-unit by name', async () => {
    const march = await report(s.F.id, 3);
    expect(march).toMatchObject({ unitId: s.F.id, year: 2026, month: 3 });
    expect(march.rows).toEqual(MARCH.F);
    expect(march.units.map((u) => [u.unitId, u.name])).toEqual([
      [s.A.id, 'CĐ các KCN'],
      [s.N.id, 'CĐ ngành Y tế'],
      [s.B.id, 'CĐ phường Ninh Kiều'],
    ]);
    expect(march.units.map((u) => u.rows)).toEqual([MARCH.A, MARCH.N, MARCH.B]);
    expect((march as MonthlyReport & { fingerprint: string }).fingerprint).toMatch(
      /^[0-9a-f]{64}$/,
    );
  });

  it('April for the federation', async () => {
    const april = await report(s.F.id, 4);
    expect(april.rows).toEqual(APRIL.F);
    expect(april.units[0]?.rows).toEqual(APRIL.A);
    expect(april.units[2]?.rows).toEqual(APRIL.B);
  });

  it('a sub-unit’s own report has its subtree and its own targets, and no sub-units', async () => {
    const a = await report(s.A.id, 3);
    expect(a.rows).toEqual(MARCH.A);
    expect(a.units).toEqual([]);
  });

  it('January counts the application signed in December and accepted in January', async () => {
    const january = await report(s.A.id, 1);
    expect(january.rows[0]).toEqual({
      indicator: 'new_members',
      month: 1,
      yearToDate: 1,
      target: 40,
      percent: 2.5,
    });
  });

  it('February counts the admission of its last day', async () => {
    const february = await report(s.N.id, 2);
    expect(february.rows[0]).toMatchObject({ month: 1, yearToDate: 1 });
  });
});
