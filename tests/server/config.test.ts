import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';
import { StartupError } from '../../src/server/store/types';

describe('readConfig', () => {
  it('uses the documented defaults', () => {
    expect(readConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: './data',
      seed: 'demo',
    });
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
  ])('rejects %o with a clear line', (env, message) => {
    expect(() => readConfig(env)).toThrow(StartupError);
    expect(() => readConfig(env)).toThrow(message);
  });
});
