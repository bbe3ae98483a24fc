import { StartupError } from './store/types';

export type SeedMode = 'demo' | 'none';

export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminUsername?: string;
  adminPassword?: string;
  seed: SeedMode;
  staticDir?: string;
  /** TRUST_PROXY=1: behind one reverse proxy, count logins per X-Forwarded-For client. */
  trustProxy?: true;
};

type Env = Record<string, string | undefined>;

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new StartupError(
      `PORT "${raw}" is not a port number: use a whole number from 1 to 65535.`,
    );
  }
  return port;
}

function parseSeed(raw: string | undefined): SeedMode {
  if (raw === undefined || raw === '' || raw === 'demo') return 'demo';
  if (raw === 'none') return 'none';
  throw new StartupError(`SEED "${raw}" is not understood: use SEED=demo or SEED=none.`);
}

function parseTrustProxy(raw: string | undefined): { trustProxy?: true } {
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return {};
  if (raw === '1' || raw === 'true') return { trustProxy: true };
  throw new StartupError(
    `TRUST_PROXY "${raw}" is not understood: use TRUST_PROXY=1 or leave it unset.`,
  );
}

function optional(key: string, value: string | undefined): Partial<Record<string, string>> {
  return value ? { [key]: value } : {};
}

/** Reads the settings of docs/design.md §5 from the environment; a bad value stops the start. */
export function readConfig(env: Env): ServerConfig {
  const adminUsername = env['ADMIN_USERNAME'];
  const adminPassword = env['ADMIN_PASSWORD'];
  if (Boolean(adminUsername) !== Boolean(adminPassword)) {
    throw new StartupError('Set both ADMIN_USERNAME and ADMIN_PASSWORD, or neither.');
  }
  return {
    port: parsePort(env['PORT']),
    host: env['HOST'] || '0.0.0.0',
    dataDir: env['DATA_DIR'] || './data',
    seed: parseSeed(env['SEED']),
    ...optional('databaseUrl', env['DATABASE_URL']),
    ...optional('adminUsername', adminUsername),
    ...optional('adminPassword', adminPassword),
    ...optional('staticDir', env['STATIC_DIR']),
    ...parseTrustProxy(env['TRUST_PROXY']),
  };
}
