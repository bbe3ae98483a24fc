import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ensureAdmin } from './accounts/bootstrap';
import { clientAddressResolver } from './auth/client-address';
import { schedulePurge } from './changes/purge';
import type { ServerConfig } from './config';
import { describeDemoLogins, seedDemo } from './demo/seed';
import { createApp } from './hono-app';
import { logServerError } from './http/log';
import { SealKeyError, type SealKeyStore } from './keys/key-store';
import { currentSealKey } from './keys/keyring';
import { openSealKeyStore } from './keys/settings';
import { openStore } from './store/open';
import { StartupError, type Store } from './store/types';

export type RunningServer = {
  port: number;
  store: Store;
  /** Stops accepting requests, then closes (and for PGlite flushes) the database. */
  close(): Promise<void>;
};

export type StartOptions = {
  /** Where the one-time demo logins go; the console by default. */
  log?: (text: string) => void;
};

function listen(app: ReturnType<typeof createApp>, config: ServerConfig) {
  return new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(server),
    );
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `Port ${config.port} is already in use: stop the program using it or start with PORT=<another port>.`,
          ),
        );
      } else reject(error);
    });
  });
}

/** Demo data on an empty database (SEED=demo), then the ADMIN_* account if it is missing. */
async function prepareData(store: Store, config: ServerConfig, log: (text: string) => void) {
  if (config.seed === 'demo') {
    const logins = await seedDemo(store);
    if (logins) log(describeDemoLogins(logins));
  }
  if (config.adminUsername && config.adminPassword) {
    const admin = await ensureAdmin(store, config.adminUsername, config.adminPassword);
    if (admin) log(`Admin account "${admin.username}" created.`);
  }
}

/**
 * The sealing keys must be readable and writable before any device signs in: a SEAL_KEY_FILE
 * that cannot be written stops the start with its reason, instead of failing every login. Makes
 * the first key on a new installation.
 */
async function checkSealKeys(keys: SealKeyStore): Promise<void> {
  try {
    await currentSealKey(keys);
  } catch (error) {
    if (error instanceof SealKeyError) throw new StartupError(error.message);
    throw error;
  }
}

export async function startServer(
  config: ServerConfig,
  staticDir?: string,
  options: StartOptions = {},
): Promise<RunningServer> {
  const store = await openStore(config);
  try {
    await prepareData(store, config, options.log ?? ((text) => console.log(text)));
    const sealKeys = openSealKeyStore(store, config);
    await checkSealKeys(sealKeys);
    const app = createApp({
      store,
      clientAddress: clientAddressResolver({ trustProxy: config.trustProxy === true }),
      sealKeys,
      ...(staticDir ? { staticDir } : {}),
    });
    const server = await listen(app, config);
    const port = (server.address() as AddressInfo).port;
    const stopPurge = schedulePurge(store, config.mutationRetentionDays, (error) =>
      logServerError({ route: 'purge mutations' }, error),
    );
    let closed: Promise<void> | undefined;
    return {
      port,
      store,
      close() {
        closed ??= new Promise<void>((resolve) => server.close(() => resolve()))
          .then(stopPurge)
          .then(() => store.close());
        return closed;
      },
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
