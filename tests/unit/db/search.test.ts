import { describe, expect, it } from 'vitest';
import { type EnterpriseIndexRow, type EnterpriseSearch, searchEnterprises } from '../../../src/db';
import { enterpriseSearchKey } from '../../../src/db/rows';
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
  return { ...base, searchKey: enterpriseSearchKey(base) };
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

  it('does not reorder or change the index it was given', () => {
    const copy = [...INDEX];
    searchEnterprises(INDEX, { query: 'hoa' });
    expect(INDEX).toEqual(copy);
  });
});
