import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerConfig } from './config';
import { createApp } from './hono-app';
import { openStore } from './store/open';
import { StartupError, type Store } from './store/types';

export type RunningServer = {
  port: number;
  store: Store;
  /** Stops accepting requests, then closes (and for PGlite flushes) the database. */
  close(): Promise<void>;
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

export async function startServer(
  config: ServerConfig,
  staticDir?: string,
): Promise<RunningServer> {
  const store = await openStore(config);
  try {
    const app = createApp({ store, ...(staticDir ? { staticDir } : {}) });
    const server = await listen(app, config);
    const port = (server.address() as AddressInfo).port;
    let closed: Promise<void> | undefined;
    return {
      port,
      store,
      close() {
        closed ??= new Promise<void>((resolve) => server.close(() => resolve())).then(() =>
          store.close(),
        );
        return closed;
      },
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
