import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  clampPullLimit,
  MAX_MUTATIONS_PER_PUSH,
  MAX_PUSH_BYTES,
  PULL_DEFAULT_LIMIT,
  PULL_MAX_LIMIT,
  pullQuerySchema,
  pullResponseSchema,
  pushEnvelopeSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../../../../src/shared/protocol';
import { IDS, makeEnterprise } from '../../../fixtures/records';

const put = {
  mutationId: IDS.mutation,
  entity: 'enterprise',
  entityId: IDS.enterprise,
  op: 'put',
  data: makeEnterprise(),
};

describe('limits', () => {
  it('matches the contract', () => {
    expect(MAX_MUTATIONS_PER_PUSH).toBe(500);
    expect(MAX_PUSH_BYTES).toBe(2 * 1024 * 1024);
    expect(PULL_DEFAULT_LIMIT).toBeLessThanOrEqual(PULL_MAX_LIMIT);
  });

  it.each<[number | undefined, number]>([
    [undefined, PULL_DEFAULT_LIMIT],
    [1, 1],
    [50, 50],
    [PULL_MAX_LIMIT + 1, PULL_MAX_LIMIT],
    [0, 1],
    [Number.NaN, PULL_DEFAULT_LIMIT],
    [12.7, 12],
  ])('clampPullLimit(%s) = %i', (limit, expected) => {
    expect(clampPullLimit(limit)).toBe(expected);
  });
});

describe('push request', () => {
  it.each<[string, unknown, boolean]>([
    ['a create', { clientId: IDS.client, mutations: [put] }, true],
    ['an edit', { clientId: IDS.client, mutations: [{ ...put, baseVersion: 3 }] }, true],
    [
      'a delete',
      {
        clientId: IDS.client,
        mutations: [{ ...put, op: 'delete', data: undefined, baseVersion: 4 }],
      },
      true,
    ],
    ['no mutations', { clientId: IDS.client, mutations: [] }, true],
    ['no client id', { mutations: [put] }, false],
    ['an unknown entity', { clientId: IDS.client, mutations: [{ ...put, entity: 'user' }] }, false],
    ['an unknown op', { clientId: IDS.client, mutations: [{ ...put, op: 'patch' }] }, false],
    ['base version 0', { clientId: IDS.client, mutations: [{ ...put, baseVersion: 0 }] }, false],
    [
      'mutation id not a uuid',
      { clientId: IDS.client, mutations: [{ ...put, mutationId: '1' }] },
      false,
    ],
  ])('%s → %s', (_label, input, ok) => {
    expect(v.is(pushRequestSchema, input)).toBe(ok);
  });

  it.each<[string, unknown, boolean]>([
    ['a well-formed push', { clientId: IDS.client, mutations: [put] }, true],
    [
      'a mutation with an unknown entity (rejected on its own later)',
      { clientId: IDS.client, mutations: [{ ...put, entity: 'user' }] },
      true,
    ],
    [
      'a mutation without data (rejected on its own later)',
      { clientId: IDS.client, mutations: [{ mutationId: IDS.mutation }] },
      true,
    ],
    [
      'a mutation without a readable id',
      { clientId: IDS.client, mutations: [{ ...put, mutationId: 7 }] },
      false,
    ],
    ['mutations not an array', { clientId: IDS.client, mutations: put }, false],
  ])('envelope: %s → %s', (_label, input, ok) => {
    expect(v.is(pushEnvelopeSchema, input)).toBe(ok);
  });

  it('the envelope keeps each mutation whole for validateMutation', () => {
    const parsed = v.parse(pushEnvelopeSchema, { clientId: IDS.client, mutations: [put] });
    expect(parsed.mutations[0]).toEqual(put);
  });
});

describe('push response', () => {
  it.each<[string, unknown, boolean]>([
    ['applied', { results: [{ mutationId: IDS.mutation, status: 'applied', version: 1 }] }, true],
    [
      'duplicate',
      { results: [{ mutationId: IDS.mutation, status: 'duplicate', version: 2 }] },
      true,
    ],
    [
      'conflict with current',
      {
        results: [
          { mutationId: IDS.mutation, status: 'conflict', current: makeEnterprise({ version: 5 }) },
        ],
      },
      true,
    ],
    [
      'conflict with a deleted record',
      { results: [{ mutationId: IDS.mutation, status: 'conflict', current: null }] },
      true,
    ],
    [
      'rejected with issues',
      {
        results: [
          {
            mutationId: IDS.mutation,
            status: 'rejected',
            error: {
              code: 'validation_failed',
              message: 'x',
              fields: [
                { field: 'name', level: 'error', code: 'enterprise.name.required', message: 'y' },
              ],
            },
          },
        ],
      },
      true,
    ],
    ['an unknown status', { results: [{ mutationId: IDS.mutation, status: 'ok' }] }, false],
    [
      'version 0',
      { results: [{ mutationId: IDS.mutation, status: 'applied', version: 0 }] },
      false,
    ],
  ])('%s → %s', (_label, input, ok) => {
    expect(v.is(pushResponseSchema, input)).toBe(ok);
  });
});

describe('pull', () => {
  it.each<[string, Record<string, string>, { cursor: string | undefined; limit: number }]>([
    ['nothing: from the start, default page', {}, { cursor: undefined, limit: PULL_DEFAULT_LIMIT }],
    [
      'an empty cursor means from the start',
      { cursor: '' },
      { cursor: undefined, limit: PULL_DEFAULT_LIMIT },
    ],
    ['a cursor and a limit', { cursor: 'abc', limit: '50' }, { cursor: 'abc', limit: 50 }],
    ['a huge limit is clamped', { limit: '100000' }, { cursor: undefined, limit: PULL_MAX_LIMIT }],
  ])('query: %s', (_label, query, expected) => {
    expect(v.parse(pullQuerySchema, query)).toEqual(expected);
  });

  it.each<[string, Record<string, string>]>([
    ['limit 0', { limit: '0' }],
    ['negative limit', { limit: '-5' }],
    ['limit not a number', { limit: 'ten' }],
    ['fractional limit', { limit: '2.5' }],
    ['a cursor of 201 characters', { cursor: 'x'.repeat(201) }],
  ])('query rejected: %s', (_label, query) => {
    expect(v.is(pullQuerySchema, query)).toBe(false);
  });

  it.each<[string, unknown, boolean]>([
    [
      'a change and a delete',
      {
        changes: [
          {
            entity: 'enterprise',
            entityId: IDS.enterprise,
            version: 3,
            deleted: false,
            data: makeEnterprise(),
          },
          { entity: 'visit', entityId: IDS.visit, version: 2, deleted: true, data: null },
        ],
        cursor: 'c2',
        hasMore: false,
      },
      true,
    ],
    ['nothing new', { changes: [], cursor: 'c2', hasMore: false }, true],
    ['no cursor', { changes: [], hasMore: false }, false],
    [
      'an unknown entity',
      {
        changes: [{ entity: 'user', entityId: IDS.admin, version: 1, deleted: false, data: {} }],
        cursor: 'c',
        hasMore: true,
      },
      false,
    ],
  ])('response: %s → %s', (_label, input, ok) => {
    expect(v.is(pullResponseSchema, input)).toBe(ok);
  });
});
