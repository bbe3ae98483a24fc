import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/types';
import { PUSH_STATUSES, validateMutationData } from '../../src/shared/protocol';
import type { SyncEntity } from '../../src/shared/schemas';
import { prng, randomUuid } from '../fixtures/generate';
import { makeEnterprise, makeSignup, makeSignupDraft, makeVisit } from '../fixtures/records';
import { type App, call, makeWorld, testApp, type World } from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';

/**
 * Issue 14: random JSON pushed at the push endpoint. Each mutation starts from a valid record
 * and has fields replaced by hostile values — deep nesting, strings from every Unicode class
 * (lone surrogates, NUL, controls, combining marks, emoji, right-to-left, 10 kB), huge, tiny and
 * non-finite numbers, every field type swapped — and envelope fields swapped too. Whatever comes:
 * never a 5xx, one result per mutation in order, and nothing stored that the schemas refuse.
 */
const ROUNDS = 12;
const PER_PUSH = 30;

// Raw JSON that JSON.stringify cannot write: placed by placeholder in the request text.
const RAW: Record<string, string> = {
  '@INF@': '1e999',
  '@NINF@': '-1e999',
  '@HUGE@': '1e308',
  '@TINY@': '5e-324',
  '@NEGZERO@': '-0',
  '@DEEP@': `${'['.repeat(3_000)}1${']'.repeat(3_000)}`,
  '@DEEPOBJ@': `${'{"a":'.repeat(500)}null${'}'.repeat(500)}`,
};

const STRINGS = [
  '',
  ' ',
  'Nguyễn Văn An',
  'Nguye\u0302\u0303n', // NFD, combining marks
  '\ud800',
  'a\udc00b',
  '\udbff\udfff', // a valid pair (U+10FFFF)
  '\u0000',
  'x\u0000y',
  '\u0007\u001b[31m',
  '\u202etxet',
  '👩‍👩‍👧‍👦',
  '\ufeff\ufffe\uffff',
  'x'.repeat(10_000),
  '2025-02-30',
  '0100233488',
  '+84912345678',
  '<script>alert(1)</script>',
  "'; DROP TABLE records; --",
  '__proto__',
];

function valuePool(random: () => number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  switch (Math.floor(random() * 8)) {
    case 0:
      return pick(STRINGS);
    case 1:
      return pick(Object.keys(RAW));
    case 2:
      return pick([0, -1, 1.5, 2 ** 53 + 1, -(2 ** 31), 1_000_001, 12, 99_999_999]);
    case 3:
      return pick([true, false, null]);
    case 4:
      return [pick(STRINGS), pick([1, null, {}])];
    case 5:
      return { [pick(STRINGS)]: pick(STRINGS), nested: { deeper: [pick(Object.keys(RAW))] } };
    case 6:
      return randomUuid(random);
    default:
      return pick(['draft', 'submitted', 'accepted', 'eligible', 'founded', 'visit', 'delete']);
  }
}

const ENVELOPE_FIELDS = ['entity', 'entityId', 'op', 'baseVersion', 'data'];

function randomMutation(random: () => number, enterpriseId: string, unitId: string) {
  const id = randomUuid(random);
  const bases: [string, Record<string, unknown>][] = [
    ['enterprise', makeEnterprise({ id, unitId })],
    ['visit', makeVisit({ id, enterpriseId, stageAfter: 'persuading' })],
    ['signup', makeSignup({ id, enterpriseId })],
    ['signup', makeSignupDraft({ id, enterpriseId })],
  ];
  const [entity, base] = bases[Math.floor(random() * bases.length)] as [
    string,
    Record<string, unknown>,
  ];
  const data: Record<string, unknown> = { ...base };
  const fields = Object.keys(data);
  const changes = Math.floor(random() * 4);
  for (let i = 0; i < changes; i++) {
    const field =
      random() < 0.8 ? (fields[Math.floor(random() * fields.length)] as string) : `extra${i}`;
    data[field] = valuePool(random);
  }
  const raw: Record<string, unknown> = {
    mutationId: randomUuid(random),
    entity,
    entityId: id,
    op: 'put',
    data,
  };
  if (random() < 0.15) {
    raw[ENVELOPE_FIELDS[Math.floor(random() * ENVELOPE_FIELDS.length)] as string] =
      valuePool(random);
  }
  return raw;
}

describe.each(storeFactories)('random JSON pushed on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;
  let enterpriseId: string;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    world = await makeWorld(store);
    const enterprise = makeEnterprise({ id: randomUUID(), unitId: world.unitA.id });
    const reply = await call(app, 'POST', '/api/sync/push', {
      token: world.organizerA.token,
      body: {
        clientId: randomUUID(),
        mutations: [
          {
            mutationId: randomUUID(),
            entity: 'enterprise',
            entityId: enterprise.id,
            op: 'put',
            data: enterprise,
          },
        ],
      },
    });
    expect(reply.status).toBe(200);
    enterpriseId = enterprise.id;
  });
  afterAll(() => dispose());

  it.each(Array.from({ length: ROUNDS }, (_, round) => round))(
    'round %i: answers every mutation and stores only what the schemas accept',
    async (round) => {
      const random = prng(14_000 + round);
      const mutations = Array.from({ length: PER_PUSH }, () =>
        randomMutation(random, enterpriseId, world.unitA.id),
      );
      let raw = JSON.stringify({ clientId: randomUUID(), mutations });
      for (const [placeholder, text] of Object.entries(RAW)) {
        raw = raw.replaceAll(`"${placeholder}"`, text);
      }
      const reply = await call(app, 'POST', '/api/sync/push', {
        token: world.organizerA.token,
        raw,
        headers: { 'content-type': 'application/json' },
      });
      expect(reply.status).toBe(200);
      const { results } = reply.body as {
        results: { mutationId: string; status: string; error?: { code: string } }[];
      };
      expect(results.map((result) => result.mutationId)).toEqual(
        mutations.map((mutation) => mutation['mutationId']),
      );
      for (const result of results) {
        expect(PUSH_STATUSES).toContain(result.status);
        // A database error would be a value the schemas let through: none may happen.
        expect(result.error?.code).not.toBe('internal');
      }
      const applied = mutations.filter((_, index) => results[index]?.status === 'applied');
      for (const mutation of applied) {
        const row = await store.query<{ entity: SyncEntity; data: unknown }>(
          'SELECT entity, data FROM records WHERE id = $1 AND NOT deleted',
          [mutation['entityId']],
        );
        const stored = row.rows[0];
        expect(stored).toBeDefined();
        if (!stored) continue;
        expect(validateMutationData(stored.entity, stored.data)).toMatchObject({ ok: true });
      }
    },
  );
});
