import { SESSION_MAX_DAYS } from './auth/sessions';
import { readSealKeySettings, type SealKeySettings } from './keys/settings';
import { StartupError } from './store/types';

/**
 * A device replays a mutation whose answer it did not get for as long as it can sign in with the
 * session that sent it: at most SESSION_MAX_DAYS. The idempotency record must outlive that, with
 * a margin for a phone left in a drawer and a clock that is off.
 */
export const MIN_MUTATION_RETENTION_DAYS = SESSION_MAX_DAYS + 7;
export const DEFAULT_MUTATION_RETENTION_DAYS = SESSION_MAX_DAYS + 30;

export type SeedMode = 'demo' | 'none';

export type ServerConfig = SealKeySettings & {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminUsername?: string;
  adminPassword?: string;
  seed: SeedMode;
  /** Days a mutation id is kept for replays (MUTATION_RETENTION_DAYS); older rows are purged. */
  mutationRetentionDays: number;
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

/**
 * The demo (and its printed passwords) belongs on the embedded database: with DATABASE_URL set,
 * a real deployment is assumed and SEED defaults to none.
 */
function parseSeed(raw: string | undefined, databaseUrl: string | undefined): SeedMode {
  if (raw === undefined || raw === '') return databaseUrl ? 'none' : 'demo';
  if (raw === 'demo' || raw === 'none') return raw;
  throw new StartupError(`SEED "${raw}" is not understood: use SEED=demo or SEED=none.`);
}

function parseRetention(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_MUTATION_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < MIN_MUTATION_RETENTION_DAYS) {
    throw new StartupError(
      `MUTATION_RETENTION_DAYS "${raw}" is too short: a device may replay a mutation as long as its session lives (${SESSION_MAX_DAYS} days at most), so keep them at least ${MIN_MUTATION_RETENTION_DAYS} days.`,
    );
  }
  return days;
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
    seed: parseSeed(env['SEED'], env['DATABASE_URL']),
    mutationRetentionDays: parseRetention(env['MUTATION_RETENTION_DAYS']),
    ...optional('databaseUrl', env['DATABASE_URL']),
    ...optional('adminUsername', adminUsername),
    ...optional('adminPassword', adminPassword),
    ...optional('staticDir', env['STATIC_DIR']),
    ...parseTrustProxy(env['TRUST_PROXY']),
    ...readSealKeySettings(env),
  };
}
