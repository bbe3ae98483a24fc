import { describe, expect, it } from 'vitest';
import { SESSION_MAX_DAYS } from '../../src/server/auth/sessions';
import {
  DEFAULT_MUTATION_RETENTION_DAYS,
  MIN_MUTATION_RETENTION_DAYS,
  readConfig,
} from '../../src/server/config';
import { StartupError } from '../../src/server/store/types';

describe('readConfig', () => {
  it('uses the documented defaults', () => {
    expect(readConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: './data',
      seed: 'demo',
      mutationRetentionDays: DEFAULT_MUTATION_RETENTION_DAYS,
    });
  });

  it.each([
    ['embedded database, SEED unset', {}, 'demo'],
    ['DATABASE_URL, SEED unset', { DATABASE_URL: 'postgres://u@h/db' }, 'none'],
    ['DATABASE_URL, SEED empty', { DATABASE_URL: 'postgres://u@h/db', SEED: '' }, 'none'],
    ['DATABASE_URL and SEED=demo', { DATABASE_URL: 'postgres://u@h/db', SEED: 'demo' }, 'demo'],
    ['embedded database and SEED=none', { SEED: 'none' }, 'none'],
  ])('seeds the demo only on the embedded database by default: %s', (_case, env, seed) => {
    expect(readConfig(env).seed).toBe(seed);
  });

  it('keeps mutation ids at least the longest session plus a margin', () => {
    expect(DEFAULT_MUTATION_RETENTION_DAYS).toBeGreaterThanOrEqual(MIN_MUTATION_RETENTION_DAYS);
    expect(MIN_MUTATION_RETENTION_DAYS).toBeGreaterThan(SESSION_MAX_DAYS);
    expect(readConfig({ MUTATION_RETENTION_DAYS: '365' }).mutationRetentionDays).toBe(365);
  });

  it('reads every setting', () => {
    const config = readConfig({
      PORT: '9000',
      DATA_DIR: '/var/lib/sotay',
      DATABASE_URL: 'postgres://u@h/db',
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: 'secret-pass',
      SEED: 'none',
    });
    expect(config).toMatchObject({
      port: 9000,
      dataDir: '/var/lib/sotay',
      databaseUrl: 'postgres://u@h/db',
      adminUsername: 'admin',
      adminPassword: 'secret-pass',
      seed: 'none',
    });
  });

  it.each([
    ['1', { trustProxy: true }],
    ['true', { trustProxy: true }],
    ['0', {}],
    ['', {}],
  ])('reads TRUST_PROXY=%j', (value, expected) => {
    const { trustProxy } = readConfig({ TRUST_PROXY: value });
    expect(trustProxy === undefined ? {} : { trustProxy }).toEqual(expected);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT "eighty"/],
    [{ PORT: '70000' }, /PORT "70000"/],
    [{ PORT: '-1' }, /PORT "-1"/],
    [{ SEED: 'lots' }, /SEED "lots"/],
    [{ ADMIN_USERNAME: 'admin' }, /ADMIN_USERNAME and ADMIN_PASSWORD/],
    [{ ADMIN_PASSWORD: 'x' }, /ADMIN_USERNAME and ADMIN_PASSWORD/],
    [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY "maybe"/],
    [{ MUTATION_RETENTION_DAYS: '30' }, /MUTATION_RETENTION_DAYS "30" is too short/],
    [{ MUTATION_RETENTION_DAYS: 'forever' }, /MUTATION_RETENTION_DAYS "forever"/],
  ])('rejects %o with a clear line', (env, message) => {
    expect(() => readConfig(env)).toThrow(StartupError);
    expect(() => readConfig(env)).toThrow(message);
  });
});
