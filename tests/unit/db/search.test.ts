import { describe, expect, it, vi } from 'vitest';
import {
  compareEnterprises,
  type EnterpriseIndexRow,
  type EnterpriseSearch,
  firstMatches,
  listRank,
  mergeInOrder,
  searchEnterprises,
  searchInSlices,
} from '../../../src/db';
import { enterpriseSearchKey } from '../../../src/db/rows';
import { letterKey } from '../../../src/shared/vn/letter-order';
import { IDS } from '../../fixtures/records';

function row(
  id: string,
  fields: Partial<EnterpriseIndexRow> & { name: string },
): EnterpriseIndexRow {
  const base = {
    id,
    address: 'Khu công nghiệp Trà Nóc, Cần Thơ',
    stage: 'persuading' as const,
    wardCode: '31150',
    unionStatus: 'none' as const,
    ...fields,
  };
  return {
    ...base,
    searchKey: enterpriseSearchKey(base),
    listOrder: listRank(base),
    nameKey: letterKey(base.name),
  };
}

const INDEX: readonly EnterpriseIndexRow[] = [
  row('hoa', {
    name: 'Công ty May Hòa Bình',
    taxCode: '0100233488',
    workerCount: 320,
    assignedTo: IDS.organizer,
    nextFollowUp: '2025-03-20',
  }),
  row('hoa-nfd', {
    name: 'Cơ sở Hoà Lạc'.normalize('NFD'),
    workerCount: 12,
    nextFollowUp: '2025-03-28',
  }),
  row('dong', {
    name: 'Công ty Đông Á',
    address: '5 Trần Hưng Đạo, Phường Ninh Kiều',
    wardCode: '31117',
    workerCount: 800,
    unionStatus: 'cdcs',
    stage: 'has_union',
  }),
  row('an', {
    name: 'Công ty An Phát',
    workerCount: 320,
    unionStatus: 'founding',
    stage: 'eligible',
  }),
  row('closed', { name: 'Công ty Bình Minh', workerCount: 90, stage: 'closed' }),
  row('unknown', {
    name: 'Cửa hàng Ánh Dương',
    assignedTo: IDS.supervisor,
    nextFollowUp: '2025-04-02',
  }),
];

const ids = (search: EnterpriseSearch) => searchEnterprises(INDEX, search).map((r) => r.id);

describe('searchEnterprises', () => {
  it('returns everything in the default order: no union first, most workers, then name (vi)', () => {
    // an/hoa tie on 320 workers and sort by name; `dong` has a union so comes after all others.
    expect(ids({})).toEqual(['an', 'hoa', 'closed', 'hoa-nfd', 'unknown', 'dong']);
  });

  it.each<[string, EnterpriseSearch, string[]]>([
    ['accent-free query finds accented names', { query: 'hoa' }, ['hoa', 'hoa-nfd']],
    ['upper case and other tone placement', { query: 'HOÀ' }, ['hoa', 'hoa-nfd']],
    ['đ typed as d', { query: 'dong a' }, ['dong']],
    ['every word must match, in any order', { query: 'binh hoa' }, ['hoa']],
    ['a word that matches nothing', { query: 'hoa xyz' }, []],
    ['tax code', { query: '0100233488' }, ['hoa']],
    ['address', { query: 'ninh kieu' }, ['dong']],
    [
      'blank query is no filter',
      { query: '   ' },
      ['an', 'hoa', 'closed', 'hoa-nfd', 'unknown', 'dong'],
    ],
    ['stage', { stage: 'eligible' }, ['an']],
    ['ward', { wardCode: '31117' }, ['dong']],
    ['assigned organizer', { assignedTo: IDS.organizer }, ['hoa']],
    ['follow-up due today or overdue', { followUpDue: '2025-03-28' }, ['hoa', 'hoa-nfd']],
    [
      'large without union (≥ 25, not closed, founding counts)',
      { largeWithoutUnion: true },
      ['an', 'hoa'],
    ],
    [
      'filters combine',
      { query: 'cong ty', largeWithoutUnion: true, stage: 'persuading' },
      ['hoa'],
    ],
  ])('%s', (_label, search, expected) => {
    expect(ids(search)).toEqual(expected);
  });

  it('orders names of the same rank as the collator does, its letters where they tell', () => {
    const names = [
      'Công ty Hòa',
      'Công ty Hoà',
      'CÔNG TY HOA',
      'Công ty Hóa',
      'Công ty A-B',
      'Công ty A–B',
      'Công ty A—B',
      'Công ty A B',
      'Công ty A\u00a0B',
      'Công ty A&B',
      'Công ty (Việt Nam)',
      'Công ty Łódź',
      'Công ty Lodz',
      'Công ty Ðặng',
      'Công ty Đặng',
      'Công ty Dung',
      'Công ty 10',
      'Công ty 2',
    ];
    const rows = names.map((name, i) => row(`n${i}`, { name, workerCount: 40 }));
    const collator = new Intl.Collator('vi');
    const expected = [...names].sort((a, b) => collator.compare(a, b));
    expect(searchEnterprises(rows).map((r) => r.name)).toEqual(expected);
  });

  it('makes no collator for names that differ in their letters (the cold start pays none)', async () => {
    vi.resetModules();
    const original = Intl.Collator;
    let made = 0;
    Intl.Collator = class extends original {
      constructor(...args: ConstructorParameters<typeof Intl.Collator>) {
        super(...args);
        made += 1;
      }
    } as typeof Intl.Collator;
    try {
      const fresh = await import('../../../src/db/search');
      expect(fresh.searchEnterprises(INDEX).map((r) => r.id)).toEqual(ids({}));
      expect(made).toBe(0);
      fresh.searchEnterprises([row('a', { name: 'Hòa' }), row('b', { name: 'Hoà' })]);
      expect(made).toBe(1);
    } finally {
      Intl.Collator = original;
    }
  });

  it('does not reorder or change the index it was given', () => {
    const copy = [...INDEX];
    searchEnterprises(INDEX, { query: 'hoa' });
    expect(INDEX).toEqual(copy);
  });
});

describe('searchEnterprises while the organizer types', () => {
  /** The same search on a copy of the index, which has no earlier search to start from. */
  const fresh = (search: EnterpriseSearch) =>
    searchEnterprises([...INDEX], search).map((r) => r.id);

  it.each<[string, EnterpriseSearch[]]>([
    [
      'typing on',
      ['c', 'co', 'con', 'cong', 'cong ', 'cong t', 'cong ty h'].map((q) => ({ query: q })),
    ],
    [
      'deleting back',
      ['cong ty hoa', 'cong ty ho', 'cong ty', 'cong', ''].map((q) => ({ query: q })),
    ],
    ['a word replaced', ['hoa', 'ho', 'h', 'ha', 'han'].map((q) => ({ query: q }))],
    ['words joined', [{ query: 'hoa binh' }, { query: 'hoabinh' }, { query: 'hoa  binh' }]],
    ['accents and case typed', [{ query: 'Hoa' }, { query: 'Hòa B' }, { query: 'HOÀ' }]],
    [
      'a filter changed between keystrokes',
      [
        { query: 'cong' },
        { query: 'cong', stage: 'has_union' },
        { query: 'cong t', stage: 'has_union' },
        { query: 'cong ty' },
        { query: 'cong ty', largeWithoutUnion: true },
        { query: 'cong ty a', largeWithoutUnion: true },
      ],
    ],
  ])('%s: each result equals a search from scratch', (_label, steps) => {
    const index = [...INDEX];
    for (const step of steps) {
      expect(
        searchEnterprises(index, step).map((r) => r.id),
        JSON.stringify(step),
      ).toEqual(fresh(step));
    }
  });
});

describe('searchInSlices', () => {
  it.each<[EnterpriseSearch, number]>([
    [{ query: 'cong ty' }, 1],
    [{ query: 'cong ty' }, 2],
    [{ query: 'hoa' }, 3],
    [{ query: 'khong co' }, 2],
    [{ query: 'cong', largeWithoutUnion: true }, 1],
    [{}, 1],
  ])('%o by %i rows at a time finds what searchEnterprises finds', (search, slice) => {
    const sliced = searchInSlices([...INDEX], search, slice);
    let results: readonly EnterpriseIndexRow[] | undefined;
    let steps = 0;
    while (results === undefined) {
      results = sliced.next();
      steps++;
    }
    expect(results.map((r) => r.id)).toEqual(
      searchEnterprises([...INDEX], search).map((r) => r.id),
    );
    const everything = search.query === undefined;
    expect(steps).toBe(everything ? 1 : Math.max(1, Math.ceil(INDEX.length / slice)));
  });
});

describe('firstMatches', () => {
  it.each<[string, EnterpriseSearch, number]>([
    ['more match than asked', { query: 'cong ty' }, 2],
    ['fewer match than asked', { query: 'hoa' }, 5],
    ['exactly as many as asked', { query: 'hoa' }, 2],
    ['none match', { query: 'khong co' }, 3],
    ['filters and words', { query: 'cong', largeWithoutUnion: true }, 1],
  ])('%s: the first rows of the complete search, complete when all fit', (_l, search, limit) => {
    const all = searchEnterprises([...INDEX], search);
    const first = firstMatches([...INDEX], search, limit);
    expect(first.rows.map((r) => r.id)).toEqual(all.slice(0, limit).map((r) => r.id));
    expect(first.complete).toBe(all.length <= limit);
  });

  it.each<[string, EnterpriseSearch]>([
    ['no query', {}],
    ['an empty query', { query: '' }],
    ['a query of spaces', { query: '   ' }],
  ])('answers %s with every row in the default order, complete and not copied', (_l, search) => {
    const index = [...INDEX];
    const first = firstMatches(index, search, 2);
    expect(first.complete).toBe(true);
    expect(first.rows.map((r) => r.id)).toEqual(
      [...INDEX].sort(compareEnterprises).map((r) => r.id),
    );
    expect(firstMatches(index, search, 2).rows).toBe(first.rows);
  });

  it.each<[string, string[], EnterpriseSearch]>([
    ['a word typed on', ['c', 'co', 'cong', 'cong t', 'cong ty', 'cong ty h', 'cong ty hoa'], {}],
    ['a word repeated', ['hoa', 'hoa hoa', 'hoa hoa b'], {}],
    ['a word changed, then removed', ['cong ty hoa', 'cong ty ho', 'cong ty x', 'cong'], {}],
    ['with a filter', ['c', 'cong', 'cong ty', 'cong ty hoa'], { largeWithoutUnion: true }],
  ])('%s: each narrower search finds what a fresh one finds', (_l, queries, filters) => {
    const index = [...INDEX];
    for (const query of queries) {
      const fresh = searchEnterprises([...INDEX], { ...filters, query }).map((r) => r.id);
      expect(
        searchEnterprises(index, { ...filters, query }).map((r) => r.id),
        query,
      ).toEqual(fresh);
      expect(
        firstMatches(index, { ...filters, query }, 2).rows.map((r) => r.id),
        query,
      ).toEqual(fresh.slice(0, 2));
    }
  });

  it('lets a complete first screen be the start of the next, narrower search', () => {
    const index = [...INDEX];
    expect(firstMatches(index, { query: 'ho' }, 10).complete).toBe(true);
    for (const query of ['hoa', 'hoa b', 'h', '']) {
      expect(
        firstMatches(index, { query }, 10).rows.map((r) => r.id),
        query,
      ).toEqual(searchEnterprises([...INDEX], { query }).map((r) => r.id));
    }
  });
});

describe('mergeInOrder', () => {
  /** Every row of INDEX, with more ties (the same rank, names told apart only by the collator). */
  const ROWS = [
    ...INDEX,
    ...['Ấn', 'An', 'Ăn', 'ăn', 'Bình', 'Đức', 'Dung', 'anh'].map((name, i) =>
      row(`tie-${i}`, { name: `Công ty ${name}`, workerCount: 320 }),
    ),
  ];
  const runsOf = (sizes: number[]) => {
    let at = 0;
    return sizes.map((size) => {
      const run = ROWS.slice(at, at + size).sort(compareEnterprises);
      at += size;
      return run;
    });
  };
  const merged = (runs: EnterpriseIndexRow[][]) => {
    const steps = mergeInOrder(runs);
    let count = 1;
    for (let step = steps.next(); ; step = steps.next(), count++) {
      if (step.done) return { index: step.value, steps: count };
    }
  };

  it.each([
    { sizes: [], steps: 1 },
    { sizes: [14], steps: 1 },
    { sizes: [7, 7], steps: 1 },
    { sizes: [5, 0, 9], steps: 2 },
    { sizes: [1, 2, 3, 0, 4, 1, 2, 1], steps: 3 },
    { sizes: [2, 2, 2, 2, 2, 2, 2], steps: 3 },
  ])('merges runs of $sizes in the default order, in $steps step(s)', ({ sizes, steps }) => {
    const runs = runsOf(sizes);
    const all = runs.flat();
    const result = merged(runs);
    expect(result.index).toEqual([...all].sort(compareEnterprises));
    expect(result.steps).toBe(steps);
    // A search of everything gives the merged index in its order, without sorting it again.
    expect(searchEnterprises(result.index)).toBe(result.index);
  });
});
