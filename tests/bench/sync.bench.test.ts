import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { logVisit, outboxCount, saveEnterprise } from '../../src/db';
import { createUnit, createUser } from '../../src/server/accounts/manage';
import { readConfig } from '../../src/server/config';
import { type RunningServer, startServer } from '../../src/server/start';
import type { Enterprise } from '../../src/shared/schemas';
import { drain, type Fetch } from '../../src/sync';
import { generateEnterprises, generateVisits, prng, randomUuid } from '../fixtures/generate';
import { newDevice } from '../helpers/device';
import { percentile, report } from './report';

/**
 * Issue 5's figures: draining 5,000 queued records to a local server (real HTTP, PGlite on disk
 * and PostgreSQL), and the server's push throughput with 50 concurrent clients. Baselines in the
 * same run: a bare health request for the HTTP stack, the same records inserted in one SQL
 * statement for the store.
 */
const RECORDS = 5_000;
const CLIENTS = 50;
const REQUESTS_PER_CLIENT = 20;
const BATCH = 20;

const stores = [
  { name: 'pglite', env: {} as Record<string, string> },
  ...(process.env['DATABASE_URL']
    ? [{ name: 'postgres', env: { DATABASE_URL: process.env['DATABASE_URL'] } }]
    : []),
];

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function boot(env: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'sotay-bench-'));
  dirs.push(dir);
  const server = await startServer(
    readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, SEED: 'none', ...env }),
  );
  const base = `http://127.0.0.1:${server.port}`;
  const federation = await createUnit(server.store, {
    name: `Bench ${Date.now()}`,
    kind: 'federation',
  });
  const password = 'bench-password-123';
  const user = await createUser(server.store, {
    username: `bench.${Date.now()}`,
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
  return { server, base, user, token, unitId: federation.id };
}

const over =
  (base: string): Fetch =>
  (url, init) =>
    fetch(`${base}${url}`, init);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function drainFigures(
  server: RunningServer,
  base: string,
  user: Awaited<ReturnType<typeof boot>>['user'],
  token: string,
  unitId: string,
) {
  const device = await newDevice(user, token);
  const [enterprise] = generateEnterprises(1, unitId, 500) as [Enterprise];
  await saveEnterprise(device, enterprise);
  for (const visit of generateVisits([enterprise], RECORDS - 1, 501)) await logVisit(device, visit);
  const queued = (await outboxCount(device)).pending;
  const [, drainMs] = await timed(() => drain({ db: device, fetch: over(base) }));
  const left = (await outboxCount(device)).pending;
  // The store's own speed for the same amount of rows, as a floor no API can beat.
  const rows = generateVisits([enterprise], RECORDS, 502);
  const [, rawMs] = await timed(() =>
    server.store.query(
      `INSERT INTO records (entity, id, unit_id, enterprise_id, data, version, seq, updated_at, updated_by)
       SELECT 'visit', (r->>'id')::uuid, $2, $3, r, 1, nextval('change_seq'), now(), $4
       FROM jsonb_array_elements($1::jsonb) AS r`,
      [
        JSON.stringify(rows.map((r) => ({ ...r, id: randomUuid(prng(Math.random() * 1e9)) }))),
        unitId,
        enterprise.id,
        user.id,
      ],
    ),
  );
  await server.store.flush();
  return { queued, left, drainMs, rawMs };
}

async function concurrentPush(base: string, token: string, enterpriseId: string) {
  const latencies: number[] = [];
  const clientId = randomUuid(prng(7));
  const [, totalMs] = await timed(() =>
    Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        const random = prng(1000 + c);
        for (let r = 0; r < REQUESTS_PER_CLIENT; r++) {
          const mutations = Array.from({ length: BATCH }, () => {
            const id = randomUuid(random);
            return {
              mutationId: randomUuid(random),
              entity: 'visit',
              entityId: id,
              op: 'put',
              data: {
                id,
                enterpriseId,
                visitedAt: '2026-11-22T09:00:00+07:00',
                purposes: ['care'],
                peopleMet: [],
                outcome: 'bench',
              },
            };
          });
          const [response, ms] = await timed(() =>
            fetch(`${base}/api/sync/push`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ clientId, mutations }),
            }),
          );
          await response.arrayBuffer();
          latencies.push(ms);
        }
      }),
    ),
  );
  const healthLatencies: number[] = [];
  const [, healthMs] = await timed(() =>
    Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let r = 0; r < REQUESTS_PER_CLIENT; r++) {
          const [response, ms] = await timed(() => fetch(`${base}/api/health`));
          await response.arrayBuffer();
          healthLatencies.push(ms);
        }
      }),
    ),
  );
  return { latencies, totalMs, healthLatencies, healthMs };
}

describe.each(stores)('sync throughput on $name', ({ name, env }) => {
  it('measures', async () => {
    const { server, base, user, token, unitId } = await boot(env);
    try {
      const d = await drainFigures(server, base, user, token, unitId);
      const [enterprise] = generateEnterprises(1, unitId, 600) as [Enterprise];
      await fetch(`${base}/api/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          clientId: randomUuid(prng(1)),
          mutations: [
            {
              mutationId: randomUuid(prng(2)),
              entity: 'enterprise',
              entityId: enterprise.id,
              op: 'put',
              data: enterprise,
            },
          ],
        }),
      });
      const p = await concurrentPush(base, token, enterprise.id);
      const mutations = CLIENTS * REQUESTS_PER_CLIENT * BATCH;
      report(`sync on ${name}`, [
        [`drain ${d.queued} queued records (device in Node, real HTTP), left after`, d.left],
        ['  drain rate (records/s)', Math.round((d.queued / d.drainMs) * 1000)],
        [
          '  baseline: one INSERT…SELECT of 5,000 rows (records/s)',
          Math.round((RECORDS / d.rawMs) * 1000),
        ],
        ['  ratio drain / raw insert', (d.queued / d.drainMs / (RECORDS / d.rawMs)).toFixed(3)],
        [
          `push, ${CLIENTS} clients × ${REQUESTS_PER_CLIENT} requests × ${BATCH} mutations (mutations/s)`,
          Math.round((mutations / p.totalMs) * 1000),
        ],
        [
          '  push latency p50 / p99 (ms)',
          `${percentile(p.latencies, 50)} / ${percentile(p.latencies, 99)}`,
        ],
        [
          '  baseline GET /api/health, same concurrency (requests/s)',
          Math.round(((CLIENTS * REQUESTS_PER_CLIENT) / p.healthMs) * 1000),
        ],
        ['  health latency p99 (ms)', percentile(p.healthLatencies, 99)],
      ]);
    } finally {
      await server.close();
    }
  }, 900_000);
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

describe.each(stores)('pull beside a heavy pusher on $name', ({ name, env }) => {
  it('measures', async () => {
    const pusher = await boot(env);
    const { server, base } = pusher;
    try {
      const unit = await createUnit(server.store, { name: 'Other', kind: 'upper' });
      const password = 'bench-password-456';
      const reader = await createUser(server.store, {
        username: `reader.${Date.now()}`,
        password,
        displayName: 'Reader',
        role: 'organizer',
        unitId: unit.id,
      });
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: reader.username, password }),
      });
      const { token } = (await login.json()) as { token: string };
      const [enterprise] = generateEnterprises(1, pusher.unitId, 700) as [Enterprise];
      await fetch(`${base}/api/sync/push`, {
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
      const idle = await pullLatencies(base, token, () => ++count >= 200);
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
      const busy = await pullLatencies(base, token, () => !pushing);
      const [, pushMs] = await load;
      report(`pull beside a pusher on ${name}`, [
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
    } finally {
      await server.close();
    }
  }, 900_000);
});
