import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SERVER_ENTRY = join(ROOT, 'dist/server/main.js');
export const APP_DIR = join(ROOT, 'dist/app');

export type ServerProcess = {
  url: string;
  port: number;
  dataDir: string;
  output(): string;
  /** SIGTERM and wait: the graceful path. */
  stop(): Promise<number | null>;
  /** SIGKILL: the crash path. */
  kill(): Promise<void>;
  /** Removes the data folder (after stop/kill). */
  cleanup(): Promise<void>;
};

function waitForListening(child: ChildProcess, log: () => string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onData = () => {
      const match = /listening on http:\/\/localhost:(\d+)/.exec(log());
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log()}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => child.once('exit', (code) => done(code)));
}

/** Starts the built server (dist/server/main.js) as a real process on a free port. */
export async function startServerProcess(
  options: { env?: Record<string, string>; dataDir?: string } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'sotay-e2e-')));
  let log = '';
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED: 'none',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const port = await waitForListening(child, () => log);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    output: () => log,
    async stop() {
      child.kill('SIGTERM');
      return exited(child);
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}
