import { describe, expect, it } from 'vitest';
import {
  needsReview,
  REVIEW_MIN_WORKERS,
  type ReviewEnterprise,
  type ReviewFilter,
  reviewFilter,
  reviewList,
  reviewOrder,
} from '../../../../src/shared/domain';

const base: ReviewEnterprise = {
  id: '00000000-0000-4000-8000-000000000000',
  name: 'Công ty A',
  unionStatus: 'none',
  stage: 'persuading',
  wardCode: '31120',
};

function enterprise(id: number, fields: Partial<ReviewEnterprise> = {}): ReviewEnterprise {
  return { ...base, id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`, ...fields };
}

describe('needsReview', () => {
  it.each<[Partial<ReviewEnterprise>, boolean]>([
    [{ unionStatus: 'none' }, true],
    [{ unionStatus: 'founding' }, true],
    [{ unionStatus: 'cdcs', stage: 'founded' }, false],
    [{ unionStatus: 'other_org', stage: 'has_union' }, false],
    [{ unionStatus: 'none', stage: 'closed' }, false],
    [{ unionStatus: 'none', stage: 'refused' }, true],
  ])('%o → %s', (fields, expected) => {
    expect(needsReview({ ...base, ...fields })).toBe(expected);
  });
});

describe('reviewFilter', () => {
  const park = enterprise(1, {
    industrialPark: 'KCN Trà Nóc 1',
    workerCount: 25,
    stage: 'eligible',
  });
  it.each<[string, ReviewFilter, ReviewEnterprise, boolean]>([
    ['no filter', {}, park, true],
    ['the ward', { wardCode: '31120' }, park, true],
    ['another ward', { wardCode: '31135' }, park, false],
    ['the park', { industrialPark: 'KCN Trà Nóc 1' }, park, true],
    ['another park', { industrialPark: 'KCN Trà Nóc 2' }, park, false],
    ['a park, enterprise outside any', { industrialPark: 'KCN Trà Nóc 1' }, enterprise(2), false],
    ['exactly 25 workers', { minWorkers: REVIEW_MIN_WORKERS }, park, true],
    ['24 workers', { minWorkers: 25 }, enterprise(3, { workerCount: 24 }), false],
    ['no worker count', { minWorkers: 25 }, enterprise(4), false],
    ['the stage', { stage: 'eligible' }, park, true],
    ['another stage', { stage: 'surveyed' }, park, false],
    [
      'every filter',
      { wardCode: '31120', industrialPark: 'KCN Trà Nóc 1', minWorkers: 25, stage: 'eligible' },
      park,
      true,
    ],
    ['has a union', {}, enterprise(5, { unionStatus: 'cdcs', stage: 'founded' }), false],
  ])('%s', (_name, filter, subject, expected) => {
    expect(reviewFilter(subject, filter)).toBe(expected);
  });
});

describe('reviewOrder', () => {
  it('puts the largest first, then the longest operating, then the name, unknowns last', () => {
    const list = [
      enterprise(1, { name: 'Không rõ số lao động' }),
      enterprise(2, { name: 'B 300 từ 2015', workerCount: 300, operatingSince: 2015 }),
      enterprise(3, { name: 'Cơ khí 300 từ 2008', workerCount: 300, operatingSince: 2008 }),
      enterprise(4, { name: 'Đ 300 không rõ năm', workerCount: 300 }),
      enterprise(5, { name: 'Lớn nhất', workerCount: 2_500, operatingSince: 2020 }),
      enterprise(6, { name: 'Ă 300 từ 2015', workerCount: 300, operatingSince: 2015 }),
      enterprise(7, { name: 'Nhỏ', workerCount: 0 }),
    ];
    expect([...list].sort(reviewOrder).map((e) => e.name)).toEqual([
      'Lớn nhất',
      'Cơ khí 300 từ 2008',
      // Same size and year: Vietnamese order puts Ă after A and before B.
      'Ă 300 từ 2015',
      'B 300 từ 2015',
      'Đ 300 không rõ năm',
      'Nhỏ',
      'Không rõ số lao động',
    ]);
  });

  it('falls back to the id, so two records of the same name keep one order', () => {
    const a = enterprise(1, { name: 'Trùng tên', workerCount: 40 });
    const b = enterprise(2, { name: 'Trùng tên', workerCount: 40 });
    expect(reviewOrder(a, b)).toBeLessThan(0);
    expect(reviewOrder(b, a)).toBeGreaterThan(0);
    expect(reviewOrder(a, a)).toBe(0);
  });
});

describe('reviewList', () => {
  it('keeps the enterprises that need review and pass the filter, in review order', () => {
    const list = [
      enterprise(1, { name: 'Nhỏ', workerCount: 10 }),
      enterprise(2, { name: 'Có CĐCS', workerCount: 900, unionStatus: 'cdcs', stage: 'founded' }),
      enterprise(3, { name: 'Lớn', workerCount: 600 }),
      enterprise(4, { name: 'Đã đóng cửa', workerCount: 800, stage: 'closed' }),
      enterprise(5, { name: 'Vừa', workerCount: 30, unionStatus: 'founding' }),
    ];
    expect(reviewList(list).map((e) => e.name)).toEqual(['Lớn', 'Vừa', 'Nhỏ']);
    expect(reviewList(list, { minWorkers: 25 }).map((e) => e.name)).toEqual(['Lớn', 'Vừa']);
    expect(list.map((e) => e.id)).toEqual(list.map((_, i) => enterprise(i + 1).id));
  });
});
