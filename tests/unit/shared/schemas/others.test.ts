import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  indicatorEntrySchema,
  legacyIndicatorEntrySchema,
  targetSchema,
  unitSchema,
  userSchema,
} from '../../../../src/shared/schemas';
import {
  IDS,
  makeDecision,
  makeIndicatorEntry,
  makeLegacyIndicatorEntry,
  makeTarget,
  makeUnit,
  makeUser,
} from '../../../fixtures/records';
import { issuePaths, without } from './parse';

describe('unitSchema', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['the fixture', {}, []],
    ['a federation without parent', { kind: 'federation', parentId: undefined }, []],
    ['a district (no such level since 2025)', { kind: 'district' }, ['kind']],
    ['blank name', { name: '' }, ['name']],
    ['parent not a uuid', { parentId: 'root' }, ['parentId']],
  ])('%s', (_label, overrides, paths) => {
    expect(issuePaths(unitSchema, { ...makeUnit(), ...overrides })).toEqual(paths);
  });
});

describe('userSchema', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['the fixture', {}, []],
    ['a supervisor', { role: 'supervisor' }, []],
    ['unknown role', { role: 'root' }, ['role']],
    ['username too short', { username: 'ab' }, ['username']],
    ['username with a space', { username: 'lan nt' }, ['username']],
    ['username with Vietnamese letters', { username: 'lân' }, ['username']],
    ['active as text', { active: 'yes' }, ['active']],
    ['missing unit', { unitId: undefined }, ['unitId']],
  ])('%s', (_label, overrides, paths) => {
    expect(issuePaths(userSchema, { ...makeUser(), ...overrides })).toEqual(paths);
  });

  it('lower-cases and trims the username', () => {
    expect(v.parse(userSchema, makeUser({ username: ' Lan.NT ' })).username).toBe('lan.nt');
  });

  it('never carries a password', () => {
    const parsed = v.parse(userSchema, { ...makeUser(), password: 'secret', passwordHash: 'x' });
    expect(Object.keys(parsed)).not.toContain('password');
    expect(Object.keys(parsed)).not.toContain('passwordHash');
  });
});

describe('targetSchema', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['the fixture', {}, []],
    ['zero target', { value: 0 }, []],
    ['negative target', { value: -1 }, ['value']],
    ['fractional target', { value: 2.5 }, ['value']],
    ['year 1999', { year: 1999 }, ['year']],
    ['year as text', { year: '2025' }, ['year']],
    ['unknown indicator', { indicator: 'new_visits' }, ['indicator']],
    ['Party admissions', { indicator: 'party_admissions' }, []],
    ['informal-sector members', { indicator: 'informal_members' }, []],
    ['an entry kind is not an indicator', { indicator: 'left' }, ['indicator']],
  ])('%s', (_label, overrides, paths) => {
    expect(issuePaths(targetSchema, { ...makeTarget(), ...overrides })).toEqual(paths);
  });
});

describe('indicatorEntrySchema', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['the fixture', {}, []],
    ['members who left', { kind: 'left', count: 40 }, []],
    ['members on 1 January', { kind: 'members_opening', date: '2025-01-01', count: 9_016 }, []],
    [
      'an outside founding at an enterprise, with its decision',
      {
        kind: 'cdcs_founded_outside',
        count: 1,
        enterpriseId: IDS.enterprise,
        decision: makeDecision(),
      },
      [],
    ],
    ['zero count', { count: 0 }, ['count']],
    ['negative count (the kind says it subtracts)', { count: -40 }, ['count']],
    ['fractional count', { count: 1.5 }, ['count']],
    ['count as text', { count: '12' }, ['count']],
    ['date with time', { date: '2025-03-31T00:00:00Z' }, ['date']],
    ['unknown kind', { kind: 'x' }, ['kind']],
    ['an indicator is not a kind', { kind: 'net_members' }, ['kind']],
    [
      'decision without its deciding unit',
      { decision: { number: '1', date: '2025-03-01' } },
      ['decision.issuedBy'],
    ],
    ['enterprise not a uuid', { enterpriseId: 'abc' }, ['enterpriseId']],
  ])('%s', (_label, overrides, paths) => {
    expect(issuePaths(indicatorEntrySchema, { ...makeIndicatorEntry(), ...overrides })).toEqual(
      paths,
    );
  });

  it('defaults a missing note to an empty string', () => {
    expect(v.parse(indicatorEntrySchema, without(makeIndicatorEntry(), 'note')).note).toBe('');
  });

  const adjustment = { ...without(makeIndicatorEntry(), 'count'), kind: 'adjustment' };
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a negative correction', { indicator: 'new_members', delta: -3 }, []],
    ['a zero adjustment kept for its note', { indicator: 'new_cdcs', delta: 0 }, []],
    ['without indicator', { delta: -3 }, ['indicator']],
    ['fractional delta', { indicator: 'new_members', delta: 0.5 }, ['delta']],
    ['an entry kind as indicator', { indicator: 'left', delta: 1 }, ['indicator']],
  ])('adjustment: %s', (_label, overrides, paths) => {
    expect(issuePaths(indicatorEntrySchema, { ...adjustment, ...overrides })).toEqual(paths);
  });

  it('does not read the first model shape as current', () => {
    expect(v.is(indicatorEntrySchema, makeLegacyIndicatorEntry())).toBe(false);
    expect(v.is(legacyIndicatorEntrySchema, makeLegacyIndicatorEntry())).toBe(true);
  });
});
