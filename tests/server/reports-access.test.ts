import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import { type Account, type App, call, testApp } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';
import { accounts, makeUnit } from './reports-fixtures';
import { type CanTho, canThoScenario } from './reports-scenario';

type Who = 'organizerA' | 'supervisorA' | 'adminA' | 'organizerF' | 'supervisorF' | 'other';
type Unit = 'F' | 'A' | 'B' | 'unknown';

/**
 * The roles table on the report routes (docs/design.md §3): reading a report or the review list
 * is the user's own unit for an organizer and their subtree for a supervisor or an admin;
 * closing is a supervisor's or an admin's in their subtree; reopening an admin's. Anything else
 * is 403, a unit that does not exist included.
 */
const READ: [Who, Unit, number][] = [
  ['organizerA', 'A', 200],
  ['organizerA', 'F', 403],
  ['organizerA', 'B', 403],
  ['organizerF', 'F', 200],
  ['organizerF', 'A', 403], // an organizer reads their own unit only
  ['supervisorA', 'A', 200],
  ['supervisorA', 'F', 403],
  ['supervisorA', 'B', 403],
  ['supervisorF', 'B', 200],
  ['adminA', 'A', 200],
  ['adminA', 'F', 403],
  ['other', 'F', 403], // a supervisor of another federation
  ['supervisorF', 'unknown', 403],
];

const CLOSE: [Who, Unit, number][] = [
  ['organizerA', 'A', 403],
  ['organizerF', 'F', 403],
  ['supervisorA', 'F', 403],
  ['supervisorA', 'B', 403],
  ['other', 'A', 403],
  ['supervisorF', 'unknown', 403],
  ['supervisorA', 'A', 201],
  ['supervisorF', 'B', 201],
  ['adminA', 'A', 409], // allowed, and already closed above
];

const REOPEN: [Who, Unit, number][] = [
  ['organizerA', 'A', 403],
  ['supervisorA', 'A', 403],
  ['supervisorF', 'B', 403],
  ['adminA', 'B', 403],
  ['adminA', 'A', 204],
];

describe.each(storeFactories)('who may read, close and reopen reports on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let s: CanTho;
  let people: Record<Who, Account>;
  let unitIds: Record<Unit, string>;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    s = await canThoScenario(store);
    const elsewhere = await makeUnit(store, 'LĐLĐ tỉnh khác', 'federation');
    people = {
      organizerA: s.people.A.organizer,
      supervisorA: s.people.A.supervisor,
      adminA: s.people.A.admin,
      organizerF: s.people.F.organizer,
      supervisorF: s.people.F.supervisor,
      other: (await accounts(store, elsewhere.id)).supervisor,
    };
    unitIds = { F: s.F.id, A: s.A.id, B: s.B.id, unknown: randomUUID() };
  });
  afterAll(() => dispose());

  it.each(READ)('%s reading the report of %s → %i', async (who, unit, status) => {
    const query = `unitId=${unitIds[unit]}&year=2026&month=3`;
    for (const format of ['json', 'xlsx', 'csv']) {
      const path = `/api/reports/monthly?${query}&format=${format}`;
      const reply = await app.request(path, {
        headers: { authorization: `Bearer ${people[who].token}` },
      });
      expect(reply.status, format).toBe(status);
    }
    const closures = await call(
      app,
      'GET',
      `/api/reports/closures?unitId=${unitIds[unit]}&year=2026`,
      {
        token: people[who].token,
      },
    );
    expect(closures.status).toBe(status);
  });

  it.each(READ)('%s reading the review list of %s → %i', async (who, unit, status) => {
    const reply = await call(app, 'GET', `/api/reports/review?unitId=${unitIds[unit]}`, {
      token: people[who].token,
    });
    expect(reply.status).toBe(status);
  });

  it.each(CLOSE)('%s closing March of %s → %i', async (who, unit, status) => {
    const reply = await call(app, 'POST', '/api/reports/closures', {
      token: people[who].token,
      body: { unitId: unitIds[unit], year: 2026, month: 3 },
    });
    expect(reply.status).toBe(status);
    if (status === 403) expect(reply.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it.each(REOPEN)('%s reopening March of %s → %i', async (who, unit, status) => {
    const path = `/api/reports/closures?unitId=${unitIds[unit]}&year=2026&month=3`;
    const reply = await call(app, 'DELETE', path, { token: people[who].token });
    expect(reply.status).toBe(status);
  });

  it('asks for a login first (401), and reads bad queries as 400', async () => {
    const unauthenticated = await call(
      app,
      'GET',
      `/api/reports/monthly?unitId=${s.F.id}&year=2026&month=3`,
    );
    expect(unauthenticated.status).toBe(401);
    const token = people.supervisorF.token;
    for (const query of [
      `unitId=${s.F.id}&year=2026&month=13`,
      `unitId=${s.F.id}&year=2026&month=0`,
      `unitId=${s.F.id}&year=26&month=3`,
      `unitId=${s.F.id}&year=2026&month=3.5`,
      `unitId=${s.F.id}&year=2026`,
      `unitId=nope&year=2026&month=3`,
      `unitId=${s.F.id}&year=2026&month=3&format=pdf`,
    ]) {
      const reply = await call(app, 'GET', `/api/reports/monthly?${query}`, { token });
      expect(reply.status, query).toBe(400);
      expect(reply.body, query).toMatchObject({ error: { code: 'validation_failed' } });
    }
    for (const query of ['minWorkers=-1', 'minWorkers=abc', 'stage=nowhere', 'wardCode=1']) {
      const reply = await call(app, 'GET', `/api/reports/review?unitId=${s.F.id}&${query}`, {
        token,
      });
      expect(reply.status, query).toBe(400);
    }
  });
});
