import { describe, expect, it } from 'vitest';
import type { OutboxRow } from '../../../src/db';
import { type OutboxPlan, planMutation } from '../../../src/db/repositories/outbox-plan';
import { IDS, makeEnterprise } from '../../fixtures/records';

type RowSpec = Partial<
  Pick<OutboxRow, 'baseVersion' | 'attempts' | 'state' | 'op' | 'firstSentAt'>
>;

let nextSeq = 1;
function row(spec: RowSpec): OutboxRow {
  const { baseVersion, firstSentAt, ...rest } = spec;
  return {
    seq: nextSeq++,
    mutationId: IDS.mutation,
    entity: 'enterprise',
    entityId: IDS.enterprise,
    op: 'put',
    createdAt: '2025-03-05T08:00:00.000Z',
    state: 'pending',
    attempts: 0,
    ...rest,
    ...(baseVersion === undefined ? {} : { baseVersion }),
    ...(firstSentAt === undefined ? {} : { firstSentAt }),
  };
}

const SENT = { attempts: 1, firstSentAt: '2025-03-05T09:00:00.000Z' } as const;

type Case = [
  string,
  RowSpec[],
  'put' | 'delete',
  number | undefined,
  OutboxPlan['kind'],
  number | undefined,
];

// [label, earlier rows of the entity (oldest first), new op, acknowledged version, plan, baseVersion]
const CASES: Case[] = [
  ['first create', [], 'put', undefined, 'add', undefined],
  ['first edit of a synced record', [], 'put', 4, 'add', 4],
  ['edit behind an unsent create', [{}], 'put', undefined, 'merge', undefined],
  ['edit behind an unsent edit', [{ baseVersion: 4 }], 'put', 4, 'merge', undefined],
  ['edit behind a sent create', [{ ...SENT }], 'put', undefined, 'add', 1],
  ['edit behind a sent edit', [{ ...SENT, baseVersion: 4 }], 'put', 4, 'add', 5],
  [
    'edit behind two sent edits',
    [
      { ...SENT, baseVersion: 4 },
      { ...SENT, baseVersion: 5 },
    ],
    'put',
    4,
    'add',
    6,
  ],
  [
    'edit behind a row marked but never answered',
    [{ attempts: 1, baseVersion: 2 }],
    'put',
    2,
    'add',
    3,
  ],
  [
    'edit behind a rejected edit',
    [{ ...SENT, state: 'rejected', baseVersion: 4 }],
    'put',
    4,
    'add',
    4,
  ],
  [
    'edit behind a rejected create',
    [{ ...SENT, state: 'rejected' }],
    'put',
    undefined,
    'add',
    undefined,
  ],
  [
    'edit behind a sent edit and a rejected one',
    [
      { ...SENT, baseVersion: 4 },
      { ...SENT, state: 'rejected', baseVersion: 5 },
    ],
    'put',
    4,
    'add',
    5,
  ],
  ['delete of an unsent create', [{}], 'delete', undefined, 'drop', undefined],
  ['delete behind an unsent edit', [{ baseVersion: 3 }], 'delete', 3, 'merge', undefined],
  ['delete behind a sent edit', [{ ...SENT, baseVersion: 3 }], 'delete', 3, 'add', 4],
  ['delete of a synced record', [], 'delete', 4, 'add', 4],
  ['delete behind a sent create', [{ ...SENT }], 'delete', undefined, 'add', 1],
  ['delete of a record the server never had', [], 'delete', undefined, 'none', undefined],
  [
    'delete behind a rejected create',
    [{ ...SENT, state: 'rejected' }],
    'delete',
    undefined,
    'none',
    undefined,
  ],
];

describe('planMutation', () => {
  it.each(CASES)('%s', (_label, specs, op, acked, kind, baseVersion) => {
    const rows = specs.map(row);
    const plan = planMutation(rows, op, acked);

    expect(plan.kind).toBe(kind);
    if (plan.kind === 'add') expect(plan.baseVersion).toBe(baseVersion);
    else if (plan.kind === 'none') expect(op).toBe('delete');
    else expect(plan.seq).toBe(rows.at(-1)?.seq);
  });
});

describe('planMutation with another record’s row queued behind the entity’s', () => {
  // Merged, the change would overtake that row (an enterprise's stage move, its applications).
  it.each<[string, RowSpec, 'put' | 'delete', number | undefined, OutboxPlan['kind'], number]>([
    ['edit behind an unsent create', {}, 'put', undefined, 'add', 1],
    ['edit behind an unsent edit', { baseVersion: 4 }, 'put', 4, 'add', 5],
    ['delete behind an unsent edit', { baseVersion: 3 }, 'delete', 3, 'add', 4],
  ])('%s: queued', (_label, spec, op, acked, kind, baseVersion) => {
    const latest = row(spec);
    const plan = planMutation([latest], op, acked, undefined, latest.seq + 1);
    expect(plan).toMatchObject({ kind, baseVersion });
  });

  it('drops an unsent create when it is deleted: the server never hears of it', () => {
    const latest = row({});
    const plan = planMutation([latest], 'delete', undefined, undefined, latest.seq + 1);
    expect(plan).toEqual({ kind: 'drop', seq: latest.seq });
  });

  it('merges while the entity’s row is the newest of the outbox', () => {
    const latest = row({});
    expect(planMutation([latest], 'put', undefined, undefined, latest.seq)).toEqual({
      kind: 'merge',
      seq: latest.seq,
    });
  });
});

describe('merge base of a new row', () => {
  const acked = makeEnterprise({ notes: 'server v4' });
  const waiting = makeEnterprise({ notes: 'sent, v5 predicted' });

  it.each<[string, OutboxRow[], number | undefined, unknown]>([
    ['no row waiting: the acknowledged record', [], 4, acked],
    [
      'behind a waiting row: that row’s data',
      [{ ...row({ ...SENT, baseVersion: 4 }), data: waiting }],
      4,
      waiting,
    ],
    [
      'behind a rejected row: the acknowledged record',
      [{ ...row({ ...SENT, state: 'rejected', baseVersion: 4 }), data: waiting }],
      4,
      acked,
    ],
  ])('%s', (_label, rows, version, base) => {
    const plan = planMutation(rows, 'put', version, acked);
    expect(plan).toMatchObject({ kind: 'add', base });
  });
});
