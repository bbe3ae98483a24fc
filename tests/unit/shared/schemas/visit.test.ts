import { describe, expect, it } from 'vitest';
import { VISIT_PURPOSES, type Visit, visitSchema } from '../../../../src/shared/schemas';
import { makeVisit } from '../../../fixtures/records';
import { issuePaths, without } from './parse';

describe('visitSchema: valid records', () => {
  it.each<[string, Partial<Visit>]>([
    ['the fixture', {}],
    ['nobody met', { peopleMet: [] }],
    ['one purpose', { purposes: ['survey'] }],
    ['every purpose', { purposes: [...VISIT_PURPOSES] }],
    [
      'no optional fields',
      {
        workersReached: undefined,
        applicationsCollected: undefined,
        stageBefore: undefined,
        stageAfter: undefined,
        nextStep: undefined,
        nextFollowUp: undefined,
        location: undefined,
      },
    ],
    ['side state after the visit', { stageAfter: 'refused' }],
    ['server-set author', { authorId: '00000000-0000-4000-8000-000000000102', version: 3 }],
  ])('%s', (_label, overrides) => {
    expect(issuePaths(visitSchema, makeVisit(overrides))).toEqual([]);
  });

  it('accepts a record without authorId (set by the server)', () => {
    expect(issuePaths(visitSchema, without(makeVisit(), 'authorId'))).toEqual([]);
  });
});

describe('visitSchema: invalid records', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['no purpose', { purposes: [] }, ['purposes']],
    ['unknown purpose', { purposes: ['party'] }, ['purposes.0']],
    ['duplicate purpose', { purposes: ['care', 'care'] }, ['purposes']],
    ['person with unknown role', { peopleMet: [{ role: 'boss' }] }, ['peopleMet.0.role']],
    [
      'person with numeric phone',
      { peopleMet: [{ role: 'hr', phone: 912345678 }] },
      ['peopleMet.0.phone'],
    ],
    [
      '101 people',
      { peopleMet: Array.from({ length: 101 }, () => ({ role: 'worker' })) },
      ['peopleMet'],
    ],
    ['visit date without time', { visitedAt: '2025-03-05' }, ['visitedAt']],
    ['negative workers reached', { workersReached: -3 }, ['workersReached']],
    ['fractional applications', { applicationsCollected: 1.5 }, ['applicationsCollected']],
    ['unknown stage after', { stageAfter: 'done' }, ['stageAfter']],
    ['empty outcome', { outcome: ' ' }, ['outcome']],
    ['latitude out of range', { location: { lat: 91, lng: 105, accuracy: 5 } }, ['location.lat']],
    ['negative accuracy', { location: { lat: 10, lng: 105, accuracy: -1 } }, ['location.accuracy']],
    ['enterprise id not a uuid', { enterpriseId: 'abc' }, ['enterpriseId']],
  ])('%s', (_label, overrides, paths) => {
    expect(issuePaths(visitSchema, { ...makeVisit(), ...overrides })).toEqual(paths);
  });

  it.each(['id', 'enterpriseId', 'visitedAt', 'purposes', 'peopleMet', 'outcome'] as const)(
    'missing %s',
    (key) => {
      expect(issuePaths(visitSchema, without(makeVisit(), key))).toEqual([key]);
    },
  );
});
