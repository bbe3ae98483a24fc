import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';
import { startServer } from '../../src/server/start';
import { openStore } from '../../src/server/store/open';
import { StartupError } from '../../src/server/store/types';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sotay-start-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('server start-up', () => {
  it('starts on PGlite in DATA_DIR, creating it, and keeps data across restarts', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const config = readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED: 'none' });
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

  it('seeds the demo and creates ADMIN_USERNAME on the first start only, printing the logins once', async () => {
    const dataDir = join(dir, 'seeded');
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: 'root-of-the-union-1',
    });
    const printed: string[] = [];
    const log = (text: string) => printed.push(text);
    const first = await startServer(config, undefined, { log });
    // The embedded database is locked while the server runs: the CLI gets a clear message.
    await expect(openStore(config)).rejects.toThrow(
      /DATA_DIR ".*seeded" is in use by another process/,
    );
    await first.close();
    expect(printed.join('\n')).toMatch(/giamsat \/ \S+ {2}\(supervisor, LĐLĐ TP\. Cần Thơ\)/);
    expect(printed.join('\n')).toContain('Admin account "admin" created.');

    const again: string[] = [];
    const second = await startServer(config, undefined, { log: (text) => again.push(text) });
    const response = await fetch(`http://127.0.0.1:${second.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'root-of-the-union-1' }),
    });
    expect(response.status).toBe(200);
    await second.close();
    expect(again).toEqual([]);
  });

  it('stops with one clear line when the port is taken', async () => {
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(dir, 'a'),
      SEED: 'none',
    });
    const running = await startServer(config);
    const clash = readConfig({
      PORT: String(running.port),
      HOST: '127.0.0.1',
      DATA_DIR: join(dir, 'b'),
      SEED: 'none',
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

  it('stops with a clear line when SEAL_KEY_FILE is not a seal key file, and makes the first key otherwise', async () => {
    const keyFile = join(dir, 'seal-keys.json');
    await writeFile(keyFile, 'not json', { mode: 0o600 });
    const dataDir = join(dir, 'sealed-data');
    const broken = readConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      SEED: 'none',
      SEAL_KEY_FILE: keyFile,
    });
    const failure = startServer(broken);
    await expect(failure).rejects.toThrow(StartupError);
    await expect(failure).rejects.toThrow(
      /SEAL_KEY_FILE ".*seal-keys.json" is not a seal key file/,
    );

    await rm(keyFile);
    const server = await startServer(broken);
    const reply = await fetch(`http://127.0.0.1:${server.port}/api/auth/seal-key`);
    const key = (await reply.json()) as { kid: string };
    await server.close();
    expect(JSON.parse(await readFile(keyFile, 'utf8')).keys[0].kid).toBe(key.kid);
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
