import { fileURLToPath } from 'node:url';
import { readConfig } from './config';
import { type RunningServer, startServer } from './start';
import { StartupError } from './store/types';

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../app', import.meta.url));

function closeOnSignals(server: RunningServer): void {
  const shutdown = (signal: string) => {
    console.log(`${signal} received: closing.`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Closing the database failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const server = await startServer(config, config.staticDir ?? DEFAULT_STATIC_DIR);
  closeOnSignals(server);
  console.log(
    `Sổ tay server listening on http://localhost:${server.port} (database: ${server.store.kind})`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) console.error(`Cannot start: ${error.message}`);
  else console.error('Cannot start:', error);
  process.exit(1);
});
