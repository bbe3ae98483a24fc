import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import type { MonthlyReport, ReportRow } from '../../src/shared/domain';
import { type Account, type App, call, testApp } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';
import { accepted, entry, get, storeRecords } from './reports-fixtures';
import { type CanTho, canThoScenario } from './reports-scenario';

type Sent = MonthlyReport & { fingerprint: string };

/**
 * Closing a month (chốt số liệu) on reports-scenario.ts: the figures of a closed month stay as
 * sent; what changes afterwards shows in the next report as a correction line of the month.
 * The steps build on each other, in order.
 */
describe.each(storeFactories)('closing months on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let s: CanTho;
  let supervisor: Account;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    s = await canThoScenario(store);
    supervisor = s.people.F.supervisor;
  });
  afterAll(() => dispose());

  const close = (who: Account, body: Record<string, unknown>) =>
    call(app, 'POST', '/api/reports/closures', { token: who.token, body });
  const report = async (unitId: string, month: number) => {
    const reply = await get(
      app,
      supervisor,
      `/api/reports/monthly?unitId=${unitId}&year=2026&month=${month}`,
    );
    expect(reply.status).toBe(200);
    return reply.body as Sent;
  };
  const row = (r: MonthlyReport, indicator: ReportRow['indicator']) =>
    r.rows.find((x) => x.indicator === indicator);

  it('a supervisor closes March: the report as sent is kept and answered', async () => {
    const viewed = await report(s.F.id, 3);
    const reply = await close(supervisor, {
      unitId: s.F.id,
      year: 2026,
      month: 3,
      basedOn: viewed.fingerprint,
    });
    expect(reply.status).toBe(201);
    const closed = reply.body as Sent;
    expect(closed.closure?.closedBy).toBe(supervisor.user.id);
    expect(closed.rows).toEqual(viewed.rows);
    expect(closed.fingerprint).toBe(viewed.fingerprint);
  });

  it('a closed month cannot be closed again', async () => {
    const reply = await close(supervisor, { unitId: s.F.id, year: 2026, month: 3 });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({
      error: { code: 'conflict', message: 'Tháng này đã được chốt số liệu.' },
    });
  });

  it('lists the closed months of the year', async () => {
    const reply = await get(app, supervisor, `/api/reports/closures?unitId=${s.F.id}&year=2026`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      closures: [{ unitId: s.F.id, year: 2026, month: 3, closedBy: supervisor.user.id }],
    });
  });

  it('after a late admission of 25 March, March still reads as sent', async () => {
    await storeRecords(store, { signups: [accepted(s.eB1.id, '2026-03-25')] });
    const march = await report(s.F.id, 3);
    expect(march.closure).toBeDefined();
    expect(row(march, 'new_members')).toEqual({
      indicator: 'new_members',
      month: 15,
      yearToDate: 17,
      target: 100,
      percent: 17,
    });
  });

  it('April shows the correction of March on its own line, in the unit and in B', async () => {
    const april = await report(s.F.id, 4);
    expect(row(april, 'new_members')).toEqual({
      indicator: 'new_members',
      month: 1,
      yearToDate: 19, // 18 + the late admission
      target: 100,
      percent: 19,
      corrections: [{ year: 2026, month: 3, delta: 1 }],
    });
    expect(row(april, 'net_members')?.corrections).toEqual([{ year: 2026, month: 3, delta: 1 }]);
    expect(row(april, 'new_cdcs')?.corrections).toBeUndefined();
    const [a, n, b] = april.units;
    expect(b?.rows[0]?.corrections).toEqual([{ year: 2026, month: 3, delta: 1 }]);
    expect(a?.rows.some((r) => r.corrections)).toBe(false);
    expect(n?.rows.some((r) => r.corrections)).toBe(false);
  });

  it('closing April on a report viewed before a change is refused', async () => {
    const viewed = await report(s.F.id, 4);
    await storeRecords(store, { entries: [entry(s.A.id, 'party_admitted', '2026-04-20', 1)] });
    const stale = await close(supervisor, {
      unitId: s.F.id,
      year: 2026,
      month: 4,
      basedOn: viewed.fingerprint,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'conflict' } });
    const current = await report(s.F.id, 4);
    expect(current.fingerprint).not.toBe(viewed.fingerprint);
    const reply = await close(supervisor, {
      unitId: s.F.id,
      year: 2026,
      month: 4,
      basedOn: current.fingerprint,
    });
    expect(reply.status).toBe(201);
  });

  it('May corrects only what changed after April was closed', async () => {
    expect((await report(s.F.id, 5)).rows.some((r) => r.corrections)).toBe(false);
    // One more admission of March, and 2 members who left in April, recorded in May.
    await storeRecords(store, {
      signups: [accepted(s.eA2.id, '2026-03-30')],
      entries: [entry(s.B.id, 'left', '2026-04-29', 2)],
    });
    const may = await report(s.F.id, 5);
    expect(row(may, 'new_members')?.corrections).toEqual([{ year: 2026, month: 3, delta: 1 }]);
    expect(row(may, 'net_members')?.corrections).toEqual([
      { year: 2026, month: 3, delta: 1 },
      { year: 2026, month: 4, delta: -2 },
    ]);
    expect(row(may, 'new_members')?.yearToDate).toBe(20);
  });

  it('only an admin reopens a month; March then reads as the records stand', async () => {
    const path = `/api/reports/closures?unitId=${s.F.id}&year=2026&month=3`;
    expect((await call(app, 'DELETE', path, { token: supervisor.token })).status).toBe(403);
    const admin = s.people.F.admin;
    expect((await call(app, 'DELETE', path, { token: admin.token })).status).toBe(204);
    const march = await report(s.F.id, 3);
    expect(march.closure).toBeUndefined();
    expect(row(march, 'new_members')).toMatchObject({ month: 17, yearToDate: 19 });
    const again = await call(app, 'DELETE', path, { token: admin.token });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ error: { message: 'Tháng này chưa được chốt số liệu.' } });
  });

  it('a month that has not begun cannot be closed', async () => {
    const reply = await close(supervisor, { unitId: s.F.id, year: 2100, month: 1 });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: { code: 'validation_failed', fields: [{ field: 'month' }] },
    });
  });

  it.each([
    ['no month', { unitId: 'F', year: 2026 }],
    ['month 13', { unitId: 'F', year: 2026, month: 13 }],
    ['a year as text', { unitId: 'F', year: '2026', month: 3 }],
    ['a unit that is no id', { unitId: 'F-1', year: 2026, month: 3 }],
    ['a fingerprint that is none', { unitId: 'F', year: 2026, month: 3, basedOn: 'abc' }],
  ])('bad input (%s) is a 400', async (_label, body) => {
    const reply = await close(supervisor, {
      ...body,
      unitId: body.unitId === 'F' ? s.F.id : body.unitId,
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
