import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createUnit } from '../../src/server/accounts/manage';
import { migrations } from '../../src/server/migrations';
import { factSums } from '../../src/server/reports/fact-sums';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';
import { openPostgres } from '../../src/server/store/postgres';
import type { Store } from '../../src/server/store/types';
import { INDICATORS, type Unit } from '../../src/shared/schemas';
import { generateEnterprises, generateSignups, prng, randomUuid } from '../fixtures/generate';
import { account, testApp } from '../helpers/api';
import { benchPostgres } from './postgres';
import { percentile, report } from './report';
import { MEASURE_TIMEOUT_MS, recordAbsent, recordRuns, repeat, scaled } from './results';

/**
 * Issue 13's figure: the monthly report of a federation of 20 units, 200 organizers, 20,000
 * enterprises and 100,000 accepted applications, as JSON and as XLSX, on PGlite (on disk, as the
 * server runs it) and on PostgreSQL (see postgres.ts). Budget: < 2 s each. Measured through the
 * Hono app (authentication, scope, SQL, assembly, serialisation); the SQL sums alone are printed
 * beside it. `report.pgliteMs` and `report.postgresMs`: per run, the slower of JSON and XLSX.
 */
const UNITS = 20;
const ORGANIZERS = 200;
const ENTERPRISES = scaled(20_000, UNITS);
const ACCEPTED = scaled(100_000, 100);
const YEAR = 2026;
const MONTH = 11;
const CHUNK = 5_000;

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

type Row = { id: string; unitId: string; enterpriseId: string | null; data: object };

async function insertRows(store: Store, entity: string, rows: readonly Row[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await store.query(
      `INSERT INTO records (entity, id, unit_id, enterprise_id, data, version, seq, updated_at)
       SELECT $1, (r->>'id')::uuid, (r->>'unitId')::uuid, (r->>'enterpriseId')::uuid, r->'data',
         1, nextval('change_seq'), now()
       FROM jsonb_array_elements($2::jsonb) AS r`,
      [entity, JSON.stringify(rows.slice(start, start + CHUNK))],
    );
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The federation: 1 + 4 upper units + 15 communes, 10 organizers in each, the records. */
async function seed(store: Store) {
  const random = prng(2026);
  const root = await createUnit(store, { name: `LĐLĐ bench ${randomUUID()}`, kind: 'federation' });
  const units: Unit[] = [root];
  for (let i = 1; i < UNITS; i += 1) {
    const parent = i <= 4 ? root : (units[1 + (i % 4)] as Unit);
    units.push(
      await createUnit(store, {
        name: `CĐ ${i}`,
        kind: i <= 4 ? 'upper' : 'commune',
        parentId: parent.id,
      }),
    );
  }
  const organizers = Array.from({ length: ORGANIZERS }, (_, i) => ({
    id: randomUuid(random),
    unitId: (units[i % UNITS] as Unit).id,
  }));
  // Accounts that only exist as authors: no one logs in with them.
  await store.query(
    `INSERT INTO users (id, username, display_name, role, unit_id, password_hash)
     SELECT (u->>'id')::uuid, 'bench-' || (u->>'id'), 'Cán bộ', 'organizer', (u->>'unitId')::uuid,
       'not-a-login'
     FROM jsonb_array_elements($1::jsonb) AS u`,
    [JSON.stringify(organizers)],
  );
  const enterprises = units.flatMap((unit, u) =>
    generateEnterprises(Math.round(ENTERPRISES / UNITS), unit.id, 100 + u).map((e, i) =>
      i % 10 === 0
        ? {
            ...e,
            stage: 'founded' as const,
            unionStatus: 'cdcs' as const,
            foundedAt: `${YEAR}-${pad(1 + (i % 11))}-${pad(1 + (i % 28))}`,
            workerCountAtFounding: e.workerCount,
          }
        : e,
    ),
  );
  await insertRows(
    store,
    'enterprise',
    enterprises.map((e) => ({ id: e.id, unitId: e.unitId, enterpriseId: null, data: e })),
  );
  const unitOf = new Map(enterprises.map((e) => [e.id, e.unitId]));
  const signups = generateSignups(enterprises, ACCEPTED, 7).map((s, i) => ({
    ...s,
    status: 'accepted' as const,
    signedAt: `${YEAR}-01-02`,
    authorId: (organizers[i % ORGANIZERS] as { id: string }).id,
    decision: {
      number: `${i}/QĐ-KN`,
      date: `${YEAR}-${pad(1 + (i % 11))}-${pad(1 + (i % 28))}`,
      issuedBy: unitOf.get(s.enterpriseId) as string,
    },
  }));
  await insertRows(
    store,
    'signup',
    signups.map((s) => ({
      id: s.id,
      unitId: unitOf.get(s.enterpriseId) as string,
      enterpriseId: s.enterpriseId,
      data: s,
    })),
  );
  const targets = units.flatMap((unit) =>
    INDICATORS.map((indicator) => ({
      id: randomUuid(random),
      unitId: unit.id,
      enterpriseId: null,
      data: { id: '', unitId: unit.id, year: YEAR, indicator, value: 5_000 },
    })),
  );
  await insertRows(
    store,
    'target',
    targets.map((t) => ({ ...t, data: { ...t.data, id: t.id } })),
  );
  await store.flush();
  return { root, supervisor: await account(store, 'supervisor', root.id) };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function measure(name: 'pglite' | 'postgres', store: Store) {
  await migrate(store, migrations);
  const { root, supervisor } = await seed(store);
  const app = testApp(store);
  const path = `/api/reports/monthly?unitId=${root.id}&year=${YEAR}&month=${MONTH}`;
  const fetchReport = (format: string) => async () => {
    const response = await app.request(`${path}&format=${format}`, {
      headers: { authorization: `Bearer ${supervisor.token}` },
    });
    expect(response.status).toBe(200);
    return response.arrayBuffer();
  };
  const sums = () =>
    store.transaction((tx) => factSums(tx, root.id, `${YEAR}-01-01`, `${YEAR}-11-30`));
  const measured = await repeat(async () => ({
    json: await timed(fetchReport('json')),
    xlsx: await timed(fetchReport('xlsx')),
    sql: await timed(sums),
  }));
  const json = measured.map((run) => run.json);
  const xlsx = measured.map((run) => run.xlsx);
  const sql = measured.map((run) => run.sql);
  const slower = measured.map((run) => Math.max(run.json, run.xlsx));
  recordRuns(`report.${name}Ms`, slower);
  const median = (values: number[]) => percentile(values, 50);
  const figure = median(slower);
  report(`monthly report on ${name}: ${ENTERPRISES} enterprises, ${ACCEPTED} accepted`, [
    ['JSON median / max (ms)', `${Math.round(median(json))} / ${Math.round(Math.max(...json))}`],
    ['XLSX median / max (ms)', `${Math.round(median(xlsx))} / ${Math.round(Math.max(...xlsx))}`],
    ['  of which the SQL sums, median (ms)', Math.round(median(sql))],
    [`report.${name}Ms (budget < 2000)`, Math.round(figure)],
  ]);
  return figure;
}

type Opened = { store: Store; close(): Promise<void> };

async function openStore(name: 'pglite' | 'postgres'): Promise<Opened | { absent: string }> {
  if (name === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'sotay-report-bench-'));
    dirs.push(dir);
    const store = await openPglite(dir);
    return { store, close: () => store.close() };
  }
  const postgres = await benchPostgres();
  if ('absent' in postgres) return postgres;
  // Its own schema: a given DATABASE_URL keeps no trace of the run.
  const schema = `bench_${randomUUID().replaceAll('-', '')}`;
  const store = await openPostgres(postgres.url, { schema });
  return {
    store,
    async close() {
      await store.query(`DROP SCHEMA ${schema} CASCADE`);
      await store.close();
      await postgres.drop();
    },
  };
}

describe('monthly report (issue 13)', () => {
  it.each(['pglite', 'postgres'] as const)(
    'on %s',
    async (name) => {
      const opened = await openStore(name);
      if ('absent' in opened) {
        recordAbsent([`report.${name}Ms`], opened.absent);
        return;
      }
      try {
        await measure(name, opened.store);
      } finally {
        await opened.close();
      }
    },
    MEASURE_TIMEOUT_MS,
  );
});
