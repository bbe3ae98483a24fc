import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../../../src/shared/i18n';
import {
  API_ERROR_CODES,
  createUnitRequestSchema,
  createUserRequestSchema,
  errorEnvelopeSchema,
  healthResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
} from '../../../../src/shared/protocol';
import { IDS, makeUser } from '../../../fixtures/records';

describe('error envelope', () => {
  it.each<[string, unknown, boolean]>([
    ['code and message', { error: { code: 'not_found', message: 'Not found.' } }, true],
    [
      'with field issues',
      {
        error: {
          code: 'validation_failed',
          message: 'x',
          fields: [{ field: 'name', code: 'unit.name.required', message: 'y' }],
        },
      },
      true,
    ],
    [
      'with leveled issues',
      {
        error: {
          code: 'validation_failed',
          message: 'x',
          fields: [{ field: 'name', level: 'warning', code: 'c', message: 'y' }],
        },
      },
      true,
    ],
    ['an unknown code still parses', { error: { code: 'teapot', message: 'x' } }, true],
    ['no message', { error: { code: 'internal' } }, false],
    ['a bare string', 'error', false],
    ['fields not an array', { error: { code: 'x', message: 'y', fields: {} } }, false],
  ])('%s → %s', (_label, input, ok) => {
    expect(v.is(errorEnvelopeSchema, input)).toBe(ok);
  });

  it.each([...API_ERROR_CODES])('%s has a message in the catalogue', (code) => {
    expect(hasMessage(`api_error.${code}`)).toBe(true);
  });
});

describe('login', () => {
  it.each<[string, unknown, boolean]>([
    ['username and password', { username: 'lan.nt', password: 'mật khẩu 1' }, true],
    ['empty password', { username: 'lan.nt', password: '' }, false],
    ['no username', { password: 'x' }, false],
    ['password of 201 characters', { username: 'lan.nt', password: 'x'.repeat(201) }, false],
    ['password as a number', { username: 'lan.nt', password: 12345678 }, false],
  ])('request: %s → %s', (_label, input, ok) => {
    expect(v.is(loginRequestSchema, input)).toBe(ok);
  });

  it('normalises the username and the password to one form, without trimming the password', () => {
    const parsed = v.parse(loginRequestSchema, {
      username: ' Lan.NT',
      password: ' Hòa '.normalize('NFD'),
    });
    expect(parsed).toEqual({ username: 'lan.nt', password: ' Hòa '.normalize('NFC') });
  });

  it.each<[string, unknown, boolean]>([
    ['token and user', { token: 'abc', user: makeUser() }, true],
    ['empty token', { token: '', user: makeUser() }, false],
    ['no user', { token: 'abc' }, false],
  ])('response: %s → %s', (_label, input, ok) => {
    expect(v.is(loginResponseSchema, input)).toBe(ok);
  });
});

describe('admin requests', () => {
  it.each<[string, unknown, boolean]>([
    [
      'a unit with its id',
      { id: IDS.upperUnit, name: 'CĐ KCN', kind: 'upper', parentId: IDS.federation },
      true,
    ],
    ['a unit without id or parent', { name: 'LĐLĐ Cần Thơ', kind: 'federation' }, true],
    ['a district unit', { name: 'LĐLĐ quận', kind: 'district' }, false],
    ['a unit without name', { kind: 'upper' }, false],
  ])('unit: %s → %s', (_label, input, ok) => {
    expect(v.is(createUnitRequestSchema, input)).toBe(ok);
  });

  const user = {
    username: 'lan.nt',
    password: 'mật khẩu mới',
    displayName: 'Nguyễn Thị Lan',
    role: 'organizer',
    unitId: IDS.upperUnit,
  };

  it.each<[string, Record<string, unknown>, boolean]>([
    ['a valid user', {}, true],
    ['a 7-character password', { password: '1234567' }, false],
    ['an unknown role', { role: 'owner' }, false],
    ['a unit that is not a uuid', { unitId: 'cantho' }, false],
    ['a blank display name', { displayName: ' ' }, false],
  ])('user: %s → %s', (_label, overrides, ok) => {
    expect(v.is(createUserRequestSchema, { ...user, ...overrides })).toBe(ok);
  });
});

describe('health', () => {
  it.each<[unknown, boolean]>([
    [{ ok: true, db: 'pglite' }, true],
    [{ ok: true, db: 'postgres' }, true],
    [{ ok: false, db: 'pglite' }, false],
    [{ ok: true, db: 'sqlite' }, false],
  ])('%j → %s', (input, ok) => {
    expect(v.is(healthResponseSchema, input)).toBe(ok);
  });
});
