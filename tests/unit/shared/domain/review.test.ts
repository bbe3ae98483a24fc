import { describe, expect, it } from 'vitest';
import {
  compareForReview,
  daysSince,
  lastVisitDate,
  matchesReviewFilters,
  needsReview,
  type ReviewEnterprise,
  type ReviewFilters,
  reviewList,
} from '../../../../src/shared/domain';
import type { Stage, UnionStatus } from '../../../../src/shared/schemas';

function enterprise(
  id: string,
  fields: Partial<Omit<ReviewEnterprise, 'id'>> = {},
): ReviewEnterprise {
  return {
    id,
    name: `Công ty ${id}`,
    unionStatus: 'none',
    stage: 'surveyed',
    wardCode: '31117',
    ...fields,
  };
}

describe('needsReview: no union yet and not closed down', () => {
  it.each<[UnionStatus, Stage, boolean]>([
    ['none', 'not_contacted', true],
    ['none', 'refused', true],
    ['founding', 'dossier_submitted', true],
    ['none', 'closed', false],
    ['founding', 'closed', false],
    ['cdcs', 'founded', false],
    ['other_org', 'has_union', false],
  ])('%s at stage %s → %s', (unionStatus, stage, expected) => {
    expect(needsReview(enterprise('a', { unionStatus, stage }))).toBe(expected);
  });
});

describe('matchesReviewFilters', () => {
  const e = enterprise('a', {
    wardCode: '31117',
    industrialPark: 'KCN Trà Nóc',
    workerCount: 25,
    stage: 'persuading',
  });
  it.each<[string, ReviewFilters, boolean]>([
    ['no filter', {}, true],
    ['its ward', { wardCode: '31117' }, true],
    ['another ward', { wardCode: '31120' }, false],
    ['its industrial park', { industrialPark: 'KCN Trà Nóc' }, true],
    ['another park', { industrialPark: 'KCN Hưng Phú' }, false],
    ['at least 25 workers, with exactly 25', { minWorkers: 25 }, true],
    ['at least 26 workers', { minWorkers: 26 }, false],
    ['its stage', { stage: 'persuading' }, true],
    ['another stage', { stage: 'surveyed' }, false],
    ['every filter at once', { wardCode: '31117', minWorkers: 10, stage: 'persuading' }, true],
  ])('%s → %s', (_label, filters, expected) => {
    expect(matchesReviewFilters(e, filters)).toBe(expected);
  });

  it('an unknown worker count is not at least 0 workers', () => {
    expect(matchesReviewFilters(enterprise('b'), { minWorkers: 0 })).toBe(false);
  });
});

describe('compareForReview and reviewList', () => {
  const list = [
    enterprise('u1', { name: 'Đông Á' }), // no worker count: last
    enterprise('s1', { name: 'Bình An', workerCount: 40 }),
    enterprise('big', { name: 'Zeta', workerCount: 900, operatingSince: 2020 }),
    enterprise('old', { name: 'Yên', workerCount: 40, operatingSince: 2001 }),
    enterprise('new', { name: 'Xuân', workerCount: 40, operatingSince: 2019 }),
    enterprise('s2', { name: 'An Phát', workerCount: 40 }),
    enterprise('u2', { name: 'Dung' }),
    enterprise('closed', { workerCount: 5000, stage: 'closed' }),
    enterprise('cdcs', { workerCount: 5000, unionStatus: 'cdcs', stage: 'founded' }),
    enterprise('founding', { name: 'Ánh', workerCount: 10, unionStatus: 'founding' }),
  ];

  // Largest first; among 40 workers the longest operating (2001, 2019), then those without a
  // year by name (An Phát, Bình An); unknown counts last, by name in Vietnamese order (D < Đ).
  it('puts the largest first, then the longest operating, then names', () => {
    expect(reviewList(list).map((e) => e.id)).toEqual([
      'big',
      'old',
      'new',
      's2',
      's1',
      'founding',
      'u2',
      'u1',
    ]);
  });

  it('filters before ordering', () => {
    expect(reviewList(list, { minWorkers: 25 }).map((e) => e.id)).toEqual([
      'big',
      'old',
      'new',
      's2',
      's1',
    ]);
  });

  it('is a total order: equal fields fall back to the id', () => {
    const a = enterprise('a', { name: 'Cùng tên' });
    const b = enterprise('b', { name: 'Cùng tên' });
    expect(compareForReview(a, b)).toBeLessThan(0);
    expect(compareForReview(b, a)).toBeGreaterThan(0);
    expect(compareForReview(a, a)).toBe(0);
  });
});

describe('lastVisitDate and daysSince', () => {
  it('takes the latest instant, on Vietnam’s calendar', () => {
    expect(
      lastVisitDate([
        { visitedAt: '2026-03-01T09:00:00+07:00' },
        // 18:30 UTC on 4 March is 01:30 on 5 March in Vietnam, and the latest of the three.
        { visitedAt: '2026-03-04T18:30:00Z' },
        { visitedAt: '2026-03-05T00:30:00+07:00' },
      ]),
    ).toBe('2026-03-05');
  });

  it('has no date without a readable visit', () => {
    expect(lastVisitDate([])).toBeUndefined();
    expect(lastVisitDate([{ visitedAt: 'hôm qua' }])).toBeUndefined();
  });

  it.each<[string, string, number | undefined]>([
    ['2026-03-05', '2026-03-05', 0],
    ['2026-02-28', '2026-03-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-12-31', '2026-01-01', 1],
    ['2026-02-30', '2026-03-01', undefined],
  ])('from %s to %s: %s days', (from, to, days) => {
    expect(daysSince(from, to)).toBe(days);
  });
});
