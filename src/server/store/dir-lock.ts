import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from './types';

export const LOCK_FILE = 'sotay.lock';

/**
 * PGlite has a single connection and does not lock its folder itself: a second process opening
 * the same DATA_DIR (a second server, or the admin CLI while the server runs) would write to the
 * same files and corrupt them. This lock file, holding the owner's pid, makes that a clear error.
 * A lock left by a process that no longer runs (a crash) is taken over.
 */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ownerOf(path: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await ownerOf(path);
    if (owner !== undefined && isRunning(owner)) {
      throw new StartupError(
        `DATA_DIR "${dataDir}" is in use by another process (pid ${owner}): the embedded database allows one process at a time. Stop the server before using the admin CLI on it (or use the server's admin API), or delete ${path} if no server is running.`,
      );
    }
    await rm(path, { force: true });
  }
  throw new StartupError(
    `DATA_DIR "${dataDir}" could not be locked: another process keeps taking it.`,
  );
}
