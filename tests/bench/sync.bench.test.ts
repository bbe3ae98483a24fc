import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { logVisit, outboxCount, saveEnterprise } from '../../src/db';
import { createUnit, createUser } from '../../src/server/accounts/manage';
import { readConfig } from '../../src/server/config';
import { type RunningServer, startServer } from '../../src/server/start';
import type { Enterprise } from '../../src/shared/schemas';
import { drain, type Fetch } from '../../src/sync';
import { generateEnterprises, generateVisits, prng, randomUuid } from '../fixtures/generate';
import { newDevice } from '../helpers/device';
import { benchPostgres } from './postgres';
import { percentile, report } from './report';
import { MEASURE_TIMEOUT_MS, recordAbsent, recordAll, repeat, scaled } from './results';

/**
 * Issue 5's figures: draining 5,000 queued records to a local server (real HTTP, PGlite on disk
 * and PostgreSQL), and the server's push throughput with 50 concurrent clients. Baselines in the
 * same run: the same records inserted in one SQL statement (drain), the same rows written by
 * plain multi-row INSERTs at the same concurrency (push).
 */
const RECORDS = scaled(5_000, 100);
/** A warm-up drain: enough to load every code path and fill the store's caches. */
const WARM_UP_RECORDS = Math.min(RECORDS, 500);
const CLIENTS = 50;
const REQUESTS_PER_CLIENT = scaled(20, 2);
const BATCH = 20;

type Booted = Awaited<ReturnType<typeof boot>>;
type Target = {
  name: 'pglite' | 'postgres';
  booted?: Booted;
  absent?: string;
  drop?(): Promise<void>;
};

const targets: Target[] = [{ name: 'pglite' }, { name: 'postgres' }];
const dirs: string[] = [];

async function boot(env: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'sotay-bench-'));
  dirs.push(dir);
  const server = await startServer(
    readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, SEED: 'none', ...env }),
    undefined,
    { log: () => undefined },
  );
  const base = `http://127.0.0.1:${server.port}`;
  return { server, base, ...(await newOrganizer(server, base)) };
}

/** A federation of its own and an organizer in it: a fresh device pulls only its rows. */
async function newOrganizer(server: RunningServer, base: string) {
  const name = `bench.${randomUUID().slice(0, 8)}`;
  const federation = await createUnit(server.store, { name, kind: 'federation' });
  const password = 'bench-password-123';
  const user = await createUser(server.store, {
    username: name,
    password,
    displayName: 'Bench',
    role: 'organizer',
    unitId: federation.id,
  });
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password }),
  });
  const { token } = (await login.json()) as { token: string };
  return { user, token, unitId: federation.id };
}

beforeAll(async () => {
  for (const target of targets) {
    if (target.name === 'pglite') {
      target.booted = await boot({});
      continue;
    }
    const postgres = await benchPostgres();
    if ('absent' in postgres) {
      target.absent = postgres.absent;
      continue;
    }
    target.drop = postgres.drop;
    target.booted = await boot({ DATABASE_URL: postgres.url });
  }
}, 120_000);

afterAll(async () => {
  for (const target of targets) {
    await target.booted?.server.close();
    await target.drop?.();
  }
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Real HTTP to the server, adding up the time spent waiting for its answers. */
function over(base: string, waited = { ms: 0 }): Fetch {
  return async (url, init) => {
    const start = performance.now();
    const response = await fetch(`${base}${url}`, init);
    const body = await response.arrayBuffer();
    waited.ms += performance.now() - start;
    return new Response(body, response);
  };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

const perSecond = (count: number, ms: number) => (count / ms) * 1000;

/** A phone with `records` queued visits drains them; then the store takes the same rows raw. */
async function drainRun({ server, base }: Booted, records: number, seed: number) {
  const { user, token, unitId } = await newOrganizer(server, base);
  const device = await newDevice(user, token);
  const [enterprise] = generateEnterprises(1, unitId, seed) as [Enterprise];
  await saveEnterprise(device, enterprise);
  for (const visit of generateVisits([enterprise], records - 1, seed + 1))
    await logVisit(device, visit);
  const queued = (await outboxCount(device)).pending;
  const waited = { ms: 0 };
  const [, drainMs] = await timed(() => drain({ db: device, fetch: over(base, waited) }));
  const left = (await outboxCount(device)).pending;
  if (left !== 0) throw new Error(`drain left ${left} of ${queued} records queued`);
  // The store's own speed for the same amount of rows, as a floor no API can beat.
  const random = prng(seed + 2);
  const rows = generateVisits([enterprise], records, seed + 3).map((r) => ({
    ...r,
    id: randomUuid(random),
  }));
  const [, rawMs] = await timed(() =>
    server.store.query(
      `INSERT INTO records (entity, id, unit_id, enterprise_id, data, version, seq, updated_at, updated_by)
       SELECT 'visit', (r->>'id')::uuid, $2, $3, r, 1, nextval('change_seq'), now(), $4
       FROM jsonb_array_elements($1::jsonb) AS r`,
      [JSON.stringify(rows), unitId, enterprise.id, user.id],
    ),
  );
  await server.store.flush();
  return {
    recordsPerSec: perSecond(queued, drainMs),
    /** The share of the drain spent waiting for the server; the rest is the device's own work. */
    serverPercent: (100 * waited.ms) / drainMs,
    baselineInsertsPerSec: perSecond(records, rawMs),
  };
}

type Visit = {
  id: string;
  enterpriseId: string;
  visitedAt: string;
  purposes: string[];
  peopleMet: [];
  outcome: string;
};
type Client = { clientId: string; requests: { mutationId: string; visit: Visit }[][] };

/** Each client's requests of BATCH visits: the same rows for the push and for its baseline. */
function pushClients(enterpriseId: string, seed: number): Client[] {
  return Array.from({ length: CLIENTS }, (_, c) => {
    const random = prng(seed * 1000 + c);
    return {
      clientId: randomUuid(random),
      requests: Array.from({ length: REQUESTS_PER_CLIENT }, () =>
        Array.from({ length: BATCH }, () => ({
          mutationId: randomUuid(random),
          visit: {
            id: randomUuid(random),
            enterpriseId,
            visitedAt: '2026-11-22T09:00:00+07:00',
            purposes: ['care'],
            peopleMet: [] as [],
            outcome: 'bench',
          },
        })),
      ),
    };
  });
}

type Request = Client['requests'][number];

/** Every client at once, each sending its requests one after the other. */
async function concurrently(
  clients: Client[],
  send: (request: Request, client: Client) => Promise<void>,
) {
  const latencies: number[] = [];
  const [, totalMs] = await timed(() =>
    Promise.all(
      clients.map(async (client) => {
        for (const request of client.requests) {
          const [, ms] = await timed(() => send(request, client));
          latencies.push(ms);
        }
      }),
    ),
  );
  const requests = CLIENTS * REQUESTS_PER_CLIENT;
  return {
    requests,
    perSec: perSecond(requests * BATCH, totalMs),
    p99Ms: percentile(latencies, 99),
    p50Ms: percentile(latencies, 50),
  };
}

async function pushRun(
  { server, base, user, token, unitId }: Booted,
  enterpriseId: string,
  seed: number,
) {
  const clients = pushClients(enterpriseId, seed);
  // A refused or dropped push is counted, not thrown: the figure says how often the server gives
  // up under load (a phone retries it later), and its latency stays in the p99.
  let failedRequests = 0;
  const push = await concurrently(clients, async (request, client) => {
    const response = await fetch(`${base}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: client.clientId,
        mutations: request.map(({ mutationId, visit }) => ({
          mutationId,
          entity: 'visit',
          entityId: visit.id,
          op: 'put',
          data: visit,
        })),
      }),
    }).catch(() => undefined);
    await response?.arrayBuffer();
    if (!response?.ok) failedRequests += 1;
  });
  // The same rows under new ids (the pushed ones exist now), one plain INSERT per request.
  const fresh = prng(seed + 99);
  const baseline = await concurrently(clients, async (request) => {
    const values = request.map(
      (_, i) =>
        `('visit', $${4 + 2 * i}::uuid, $1, $2, $${5 + 2 * i}::jsonb, 1, nextval('change_seq'), now(), $3)`,
    );
    const params = request.flatMap(({ visit }) => {
      const id = randomUuid(fresh);
      return [id, JSON.stringify({ ...visit, id })];
    });
    await server.store.query(
      `INSERT INTO records (entity, id, unit_id, enterprise_id, data, version, seq, updated_at, updated_by)
       VALUES ${values.join(', ')}`,
      [unitId, enterpriseId, user.id, ...params],
    );
  });
  await server.store.flush();
  return {
    mutationsPerSec: (push.perSec * (push.requests - failedRequests)) / push.requests,
    p50Ms: push.p50Ms,
    p99Ms: push.p99Ms,
    failedRequests,
    baselineInsertsPerSec: baseline.perSec,
    baselineP99Ms: baseline.p99Ms,
  };
}

async function pushEnterprise({ base, token, unitId }: Booted, seed: number): Promise<string> {
  const [enterprise] = generateEnterprises(1, unitId, seed) as [Enterprise];
  const response = await fetch(`${base}/api/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: randomUuid(prng(seed)),
      mutations: [
        {
          mutationId: randomUuid(prng(seed + 1)),
          entity: 'enterprise',
          entityId: enterprise.id,
          op: 'put',
          data: enterprise,
        },
      ],
    }),
  });
  if (!response.ok) throw new Error(`enterprise push answered ${response.status}`);
  return enterprise.id;
}

const columns = <T extends Record<string, number>>(runs: T[]) =>
  Object.fromEntries(Object.keys(runs[0] ?? {}).map((k) => [k, runs.map((r) => r[k] as number)]));

describe.each(targets)('sync on $name', (target) => {
  it(
    `drains ${RECORDS} queued records`,
    async () => {
      const keys = ['recordsPerSec', 'serverPercent', 'baselineInsertsPerSec'].map(
        (k) => `drain.${target.name}.${k}`,
      );
      if (!target.booted) return recordAbsent(keys, target.absent ?? 'not started');
      const booted = target.booted;
      const runs = await repeat((run) =>
        drainRun(booted, run < 0 ? WARM_UP_RECORDS : RECORDS, 500 + 10 * run),
      );
      recordAll(`drain.${target.name}`, columns(runs));
      report(`drain on ${target.name}: ${RECORDS} records per run`, [
        ['drain (records/s) per run', runs.map((r) => Math.round(r.recordsPerSec)).join(' ')],
        [
          'baseline INSERT…SELECT (records/s)',
          runs.map((r) => Math.round(r.baselineInsertsPerSec)).join(' '),
        ],
      ]);
    },
    MEASURE_TIMEOUT_MS,
  );

  it(
    `takes pushes from ${CLIENTS} clients at once`,
    async () => {
      const keys = [
        'mutationsPerSec',
        'p50Ms',
        'p99Ms',
        'baselineInsertsPerSec',
        'baselineP99Ms',
      ].map((k) => `push.${target.name}.${k}`);
      if (!target.booted) return recordAbsent(keys, target.absent ?? 'not started');
      const booted = target.booted;
      const enterpriseId = await pushEnterprise(booted, 600);
      const runs = await repeat((run) => pushRun(booted, enterpriseId, 700 + run));
      recordAll(`push.${target.name}`, columns(runs));
      report(
        `push on ${target.name}: ${CLIENTS} clients × ${REQUESTS_PER_CLIENT} requests × ${BATCH} mutations per run`,
        [
          ['push (mutations/s) per run', runs.map((r) => Math.round(r.mutationsPerSec)).join(' ')],
          ['push p99 (ms) per run', runs.map((r) => Math.round(r.p99Ms)).join(' ')],
          ['refused pushes per run', runs.map((r) => r.failedRequests).join(' ')],
          [
            'baseline multi-row INSERTs (rows/s)',
            runs.map((r) => Math.round(r.baselineInsertsPerSec)).join(' '),
          ],
        ],
      );
    },
    MEASURE_TIMEOUT_MS,
  );
});

/**
 * Issue 14 point 11: another user's pull while one user's devices push 500 mutations at a time.
 * Self-contained: its own server, two users in two units, four devices of the pusher.
 */
const PUSHING_DEVICES = 4;
const PUSHES_PER_DEVICE = 3;
const PUSH_SIZE = 500;

async function pushLoad(base: string, token: string, enterpriseId: string, seed: number) {
  const random = prng(seed);
  for (let r = 0; r < PUSHES_PER_DEVICE; r++) {
    const mutations = Array.from({ length: PUSH_SIZE }, () => {
      const id = randomUuid(random);
      const data = {
        id,
        enterpriseId,
        visitedAt: '2026-11-22T09:00:00+07:00',
        purposes: ['care'],
        peopleMet: [],
        outcome: 'bench',
      };
      return { mutationId: randomUuid(random), entity: 'visit', entityId: id, op: 'put', data };
    });
    const body = JSON.stringify({ clientId: randomUuid(random), mutations });
    const response = await fetchAgain(`${base}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    await response.arrayBuffer();
  }
}

/**
 * A loaded machine delays the client's timers past the server's keep-alive: a pooled socket the
 * server just closed then fails with ECONNRESET. That is the client's race, not an answer: the
 * request is sent again (a push replays as duplicates), as a device's drain would.
 */
async function fetchAgain(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

async function pullLatencies(base: string, token: string, until: () => boolean) {
  const latencies: number[] = [];
  do {
    const [response, ms] = await timed(() =>
      fetchAgain(`${base}/api/sync/pull`, { headers: { authorization: `Bearer ${token}` } }),
    );
    await response.arrayBuffer();
    latencies.push(ms);
  } while (!until());
  return latencies;
}

describe.each(targets)('pull beside a heavy pusher on $name', (target) => {
  it(
    'measures another user’s pulls while one user’s devices push',
    async () => {
      const keys = ['idleP99Ms', 'busyP50Ms', 'busyP99Ms', 'pushMs'].map(
        (k) => `pullBesidePush.${target.name}.${k}`,
      );
      if (!target.booted) return recordAbsent(keys, target.absent ?? 'not started');
      const { server, base } = target.booted;
      const [pusher, reader] = [await newOrganizer(server, base), await newOrganizer(server, base)];
      const [enterprise] = generateEnterprises(1, pusher.unitId, 700) as [Enterprise];
      await fetchAgain(`${base}/api/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${pusher.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          clientId: randomUuid(prng(3)),
          mutations: [
            {
              mutationId: randomUuid(prng(4)),
              entity: 'enterprise',
              entityId: enterprise.id,
              op: 'put',
              data: enterprise,
            },
          ],
        }),
      });
      let count = 0;
      const idle = await pullLatencies(base, reader.token, () => ++count >= 200);
      let pushing = true;
      const load = timed(() =>
        Promise.all(
          Array.from({ length: PUSHING_DEVICES }, (_, d) =>
            pushLoad(base, pusher.token, enterprise.id, 800 + d),
          ),
        ),
      ).finally(() => {
        pushing = false;
      });
      const busy = await pullLatencies(base, reader.token, () => !pushing);
      const [, pushMs] = await load;
      const figures = {
        idleP99Ms: [percentile(idle, 99)],
        busyP50Ms: [percentile(busy, 50)],
        busyP99Ms: [percentile(busy, 99)],
        pushMs: [Math.round(pushMs)],
      };
      recordAll(`pullBesidePush.${target.name}`, figures);
      report(`pull beside a pusher on ${target.name}`, [
        ['pull p50 / p99 alone (ms)', `${percentile(idle, 50)} / ${percentile(idle, 99)}`],
        [
          `pull p50 / p99 while ${PUSHING_DEVICES} devices of one user push ${PUSH_SIZE} mutations at a time (ms)`,
          `${percentile(busy, 50)} / ${percentile(busy, 99)} (${busy.length} pulls)`,
        ],
        [
          `  ${PUSHING_DEVICES * PUSHES_PER_DEVICE * PUSH_SIZE} mutations pushed in (ms)`,
          Math.round(pushMs),
        ],
      ]);
    },
    MEASURE_TIMEOUT_MS,
  );
});
