import { randomUUID } from 'node:crypto';
import { link, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as v from 'valibot';
import { type SealKeyPair, sealPrivateJwkSchema } from '../../shared/crypto';
import {
  type AddMode,
  type RetireOutcome,
  SealKeyError,
  type SealKeyRecord,
  type SealKeyStore,
} from './key-store';

/**
 * Sealing keys in the file named by SEAL_KEY_FILE, for operators who keep secrets out of the
 * database and its backups. The file is JSON, readable by the server's user only (0600):
 * `{"format": "sotay-seal-keys", "v": 1, "keys": [{kid, privateJwk, current, createdAt, retiredAt}]}`.
 * Servers sharing a database must share this file too. Changes are written to a temporary file
 * and renamed over it, under a lock file, so a reader never sees half a file.
 */

const FORMAT = 'sotay-seal-keys';

const fileSchema = v.strictObject({
  format: v.literal(FORMAT),
  v: v.literal(1),
  keys: v.array(
    v.strictObject({
      kid: v.string(),
      privateJwk: sealPrivateJwkSchema,
      current: v.boolean(),
      createdAt: v.string(),
      retiredAt: v.nullable(v.string()),
    }),
  ),
});

// A rotation takes milliseconds; a lock older than this many tries is left over from a crash.
const LOCK_TRIES = 200;
const LOCK_WAIT_MS = 25;

function errnoOf(error: unknown): string | undefined {
  return (error as { code?: unknown } | null)?.code as string | undefined;
}

async function readKeys(path: string): Promise<SealKeyRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return [];
    throw new SealKeyError(`SEAL_KEY_FILE "${path}" cannot be read: ${String(error)}`);
  }
  let parsed: v.SafeParseResult<typeof fileSchema>;
  try {
    parsed = v.safeParse(fileSchema, JSON.parse(text));
  } catch {
    parsed = v.safeParse(fileSchema, undefined);
  }
  if (!parsed.success) {
    // Never replaced by a fresh key: that would strand every record sealed for the old ones.
    throw new SealKeyError(
      `SEAL_KEY_FILE "${path}" is not a seal key file: restore it from a backup (a new key would not open records sealed for the old ones).`,
    );
  }
  return parsed.output.keys;
}

async function writeKeys(path: string, keys: readonly SealKeyRecord[]): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  const body = `${JSON.stringify({ format: FORMAT, v: 1, keys }, null, 2)}\n`;
  try {
    await writeFile(temporary, body, { mode: 0o600, flush: true });
    await rename(temporary, path);
    // The rename itself must reach the disk too, or a crash could bring back the old file.
    const directory = await open(dirname(path), 'r');
    await directory.sync().finally(() => directory.close());
  } catch (error) {
    await rm(temporary, { force: true });
    throw new SealKeyError(`SEAL_KEY_FILE "${path}" cannot be written: ${String(error)}`);
  }
}

async function withLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lockPath = `${path}.lock`;
  const claim = `${lockPath}.${randomUUID()}`;
  await writeFile(claim, String(process.pid), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < LOCK_TRIES; attempt++) {
      try {
        // link() fails when the lock exists: an atomic "create if absent" across processes.
        await link(claim, lockPath);
      } catch (error) {
        if (errnoOf(error) !== 'EEXIST') throw error;
        await sleep(LOCK_WAIT_MS);
        continue;
      }
      try {
        return await work();
      } finally {
        await rm(lockPath, { force: true });
      }
    }
  } finally {
    await rm(claim, { force: true });
  }
  throw new SealKeyError(
    `The lock "${lockPath}" is held: another process is changing the seal keys, or one crashed while doing so (then delete the lock file).`,
  );
}

function record(key: SealKeyPair): SealKeyRecord {
  const now = new Date().toISOString();
  return {
    kid: key.kid,
    privateJwk: key.privateJwk,
    current: true,
    createdAt: now,
    retiredAt: null,
  };
}

export function fileSealKeyStore(path: string): SealKeyStore {
  return {
    location: `the file ${path}`,

    list: () => readKeys(path),

    add: (key: SealKeyPair, mode: AddMode) =>
      withLock(path, async () => {
        const keys = await readKeys(path);
        const existing = keys.find((candidate) => candidate.current);
        if (existing && mode === 'if-none') return existing;
        const added = record(key);
        // Newest first, as list() promises.
        await writeKeys(path, [added, ...keys.map((other) => ({ ...other, current: false }))]);
        return added;
      }),

    retire: (kid: string) =>
      withLock(path, async (): Promise<RetireOutcome> => {
        const keys = await readKeys(path);
        const found = keys.find((candidate) => candidate.kid === kid);
        if (!found) return 'unknown';
        if (found.current) return 'current';
        if (found.retiredAt !== null) return 'already_retired';
        const retiredAt = new Date().toISOString();
        await writeKeys(
          path,
          keys.map((other) => (other.kid === kid ? { ...other, retiredAt } : other)),
        );
        return 'retired';
      }),
  };
}
