import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  indicatorEntrySchema,
  targetSchema,
  unitSchema,
  userSchema,
} from '../../../../src/shared/schemas';
import { makeIndicatorEntry, makeTarget, makeUnit, makeUser } from '../../../fixtures/records';
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
  ])('%s', (_label, overrides, paths) => {
    expect(issuePaths(targetSchema, { ...makeTarget(), ...overrides })).toEqual(paths);
  });
});

describe('indicatorEntrySchema', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['the fixture', {}, []],
    ['a negative delta (members who left)', { delta: -40 }, []],
    ['fractional delta', { delta: 0.5 }, ['delta']],
    ['date with time', { date: '2025-03-31T00:00:00Z' }, ['date']],
    ['unknown indicator', { indicator: 'x' }, ['indicator']],
  ])('%s', (_label, overrides, paths) => {
    expect(issuePaths(indicatorEntrySchema, { ...makeIndicatorEntry(), ...overrides })).toEqual(
      paths,
    );
  });

  it('defaults a missing note to an empty string', () => {
    expect(v.parse(indicatorEntrySchema, without(makeIndicatorEntry(), 'note')).note).toBe('');
  });
});
