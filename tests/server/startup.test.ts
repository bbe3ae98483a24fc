import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';
import { startServer } from '../../src/server/start';
import { StartupError } from '../../src/server/store/types';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sotay-start-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('server start-up', () => {
  it('starts on PGlite in DATA_DIR, creating it, and keeps data across restarts', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const config = readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    const first = await startServer(config);
    const health = await fetch(`http://127.0.0.1:${first.port}/api/health`);
    expect(await health.json()).toEqual({ ok: true, db: 'pglite' });
    const id = await first.store.query("SELECT value FROM app_meta WHERE key = 'instance_id'");
    await first.close();

    const second = await startServer(config);
    const again = await second.store.query("SELECT value FROM app_meta WHERE key = 'instance_id'");
    expect(again.rows).toEqual(id.rows);
    await second.close();
  });

  it('stops with one clear line when the port is taken', async () => {
    const config = readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'a') });
    const running = await startServer(config);
    const clash = readConfig({
      PORT: String(running.port),
      HOST: '127.0.0.1',
      DATA_DIR: join(dir, 'b'),
    });
    await expect(startServer(clash)).rejects.toThrow(
      new StartupError(
        `Port ${running.port} is already in use: stop the program using it or start with PORT=<another port>.`,
      ),
    );
    await running.close();
  });

  it('stops with a clear line when DATA_DIR cannot be used', async () => {
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    const config = readConfig({ PORT: '0', DATA_DIR: join(file, 'data') });
    await expect(startServer(config)).rejects.toThrow(
      /DATA_DIR ".*not-a-folder\/data" cannot be created/,
    );
  });

  it('stops with a clear line when DATABASE_URL is unreachable', async () => {
    const config = readConfig({
      PORT: '0',
      DATABASE_URL: 'postgres://someone:hunter2@127.0.0.1:1/nowhere',
    });
    const failure = startServer(config);
    await expect(failure).rejects.toThrow(
      /DATABASE_URL postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere cannot be reached/,
    );
  });
});
