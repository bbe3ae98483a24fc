import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_ENTERPRISES,
  type DemoLogin,
  describeDemoLogins,
  seedDemo,
} from '../../src/server/demo/seed';
import type { Store } from '../../src/server/store/types';
import { checkWriteRules, hasErrors, prepareWrite } from '../../src/shared/domain';
import { validateMutationData } from '../../src/shared/protocol';
import type { Enterprise, UserRole } from '../../src/shared/schemas';
import { INDICATORS, STAGES } from '../../src/shared/schemas';
import { findWard, parseTaxCode } from '../../src/shared/vn';
import { type App, login, pull, pullAll, testApp } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';

describe.each(storeFactories)('demo seed on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let logins: DemoLogin[] | undefined;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    // Two servers starting on one empty database at the same moment: one seeds, one waits.
    const results = await Promise.all([seedDemo(store), seedDemo(store)]);
    expect(results.filter((result) => result === undefined)).toHaveLength(1);
    logins = results.find((result) => result !== undefined);
  });
  afterAll(() => dispose());

  const count = async (sql: string) => Number((await store.query<{ n: number }>(sql)).rows[0]?.n);

  const enterprises = async () =>
    (
      await store.query<{ data: Record<string, unknown> }>(
        "SELECT data FROM records WHERE entity = 'enterprise'",
      )
    ).rows.map((row) => row.data);

  it('creates the federation, two units, a supervisor and three organizers', async () => {
    const units = await store.query<{ name: string; kind: string; parent_id: string | null }>(
      'SELECT name, kind, parent_id FROM units ORDER BY seq',
    );
    expect(units.rows.map((unit) => unit.name)[0]).toBe('LĐLĐ TP. Cần Thơ');
    expect(units.rows.filter((unit) => unit.parent_id === null)).toHaveLength(1);
    expect(units.rows).toHaveLength(3);
    const roles = await store.query<{ role: string; unit: string; n: number }>(
      `SELECT role, unit_id AS unit, count(*)::int AS n FROM users GROUP BY role, unit_id ORDER BY role, n`,
    );
    expect(roles.rows.map((row) => [row.role, row.n])).toEqual([
      ['organizer', 1],
      ['organizer', 2],
      ['supervisor', 1],
    ]);
  });

  it(`creates ${DEMO_ENTERPRISES} valid enterprises over real wards of Cần Thơ`, async () => {
    const all = await enterprises();
    expect(all).toHaveLength(DEMO_ENTERPRISES);
    expect(new Set(all.map((data) => data['name'])).size).toBe(DEMO_ENTERPRISES);
    for (const data of all) {
      const check = validateMutationData('enterprise', data);
      expect(check.ok ? [] : check.issues).toEqual([]);
      expect(findWard(String(data['wardCode']))?.provinceCode).toBe('92');
      expect(parseTaxCode(String(data['taxCode'])).value).toBe(data['taxCode']);
      const workers = Number(data['workerCount']);
      expect(workers).toBeGreaterThanOrEqual(10);
      expect(workers).toBeLessThanOrEqual(3_000);
    }
    const stages = new Set(all.map((data) => data['stage']));
    expect(stages.size).toBeGreaterThanOrEqual(STAGES.length - 2);
    expect(new Set(all.map((data) => data['wardCode'])).size).toBeGreaterThan(20);
  });

  it('passes the write rules the server applies to a push (as its supervisor would make it)', async () => {
    const units = (
      await store.query<{ id: string; parent_id: string | null }>('SELECT id, parent_id FROM units')
    ).rows.map((u) => ({ id: u.id, ...(u.parent_id ? { parentId: u.parent_id } : {}) }));
    const users = (
      await store.query<{ id: string; unit_id: string; active: boolean; role: UserRole }>(
        'SELECT id, unit_id, active, role FROM users',
      )
    ).rows;
    const root = units.find((u) => u.parentId === undefined);
    const supervisor = users.find((u) => u.role === 'supervisor');
    expect(supervisor?.unit_id).toBe(root?.id);
    const actor = { id: supervisor?.id ?? '', role: 'supervisor' as const, unitId: root?.id ?? '' };
    const facts = {
      units,
      users: users.map((u) => ({ id: u.id, unitId: u.unit_id, active: u.active })),
      applicationCount: 0,
    };
    for (const data of await enterprises()) {
      const write = prepareWrite(actor, {
        entity: 'enterprise',
        op: 'put',
        incoming: data as Enterprise,
      });
      const issues = checkWriteRules(actor, write, facts);
      expect(hasErrors(issues) ? [data['stage'], issues] : []).toEqual([]);
    }
  });

  it('sets this year’s targets for each unit', async () => {
    const year = new Date().getUTCFullYear();
    const targets = await count(
      `SELECT count(*)::int AS n FROM records WHERE entity = 'target' AND (data->>'year')::int BETWEEN ${year} AND ${year + 1}`,
    );
    expect(targets).toBe(3 * INDICATORS.length);
    const rows = await store.query<{ data: Record<string, unknown> }>(
      "SELECT data FROM records WHERE entity = 'target'",
    );
    for (const { data } of rows.rows) {
      const check = validateMutationData('target', data);
      expect(check.ok ? [] : check.issues).toEqual([]);
    }
  });

  it('hands out working logins once, and never seeds twice', async () => {
    expect(logins?.map((entry) => entry.username).sort()).toEqual([
      'giamsat',
      'hoa.lt',
      'lan.nt',
      'minh.tv',
    ]);
    const text = describeDemoLogins(logins ?? []);
    for (const entry of logins ?? [])
      expect(text).toContain(`${entry.username} / ${entry.password}`);
    const before = await count('SELECT count(*)::int AS n FROM records');
    expect(await seedDemo(store)).toBeUndefined();
    expect(await count('SELECT count(*)::int AS n FROM records')).toBe(before);
    expect(await count('SELECT count(*)::int AS n FROM users')).toBe(4);
  });

  it('lets the supervisor pull everything and each organizer only their unit', async () => {
    const password = (username: string) =>
      logins?.find((entry) => entry.username === username)?.password;
    const supervisor = await login(app, 'giamsat', password('giamsat'));
    const first = await pull(app, supervisor);
    expect(first.page.changes).toHaveLength(200);
    expect(first.page.hasMore).toBe(true);
    const everything = await pullAll(app, supervisor);
    expect(everything.filter((change) => change.entity === 'enterprise')).toHaveLength(
      DEMO_ENTERPRISES,
    );
    const lan = await pullAll(app, await login(app, 'lan.nt', password('lan.nt')));
    const hoa = await pullAll(app, await login(app, 'hoa.lt', password('hoa.lt')));
    const ofLan = lan.filter((change) => change.entity === 'enterprise').length;
    const ofHoa = hoa.filter((change) => change.entity === 'enterprise').length;
    expect(ofLan + ofHoa).toBe(DEMO_ENTERPRISES);
    expect(ofLan).toBeGreaterThan(0);
    expect(ofHoa).toBeGreaterThan(0);
  });
});
