import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listSealKeys, retireSealKey, rotateSealKey } from '../../src/server/keys/commands';
import { databaseSealKeyStore } from '../../src/server/keys/database-key-store';
import { fileSealKeyStore } from '../../src/server/keys/file-key-store';
import { SealKeyError, type SealKeyStore } from '../../src/server/keys/key-store';
import { currentSealKey, openSealed, sealOpeningKeys } from '../../src/server/keys/keyring';
import { openSealKeyStore, readSealKeySettings } from '../../src/server/keys/settings';
import { migrations } from '../../src/server/migrations';
import { m004SealKeys } from '../../src/server/migrations/004-seal-keys';
import { migrate } from '../../src/server/store/migrate';
import type { Store } from '../../src/server/store/types';
import { generateSealKeyPair, jwkThumbprint, seal } from '../../src/shared/crypto';
import { setLanguage } from '../../src/shared/i18n';
import { sealedContext } from '../../src/shared/protocol/sealed';
import { storeFactories } from '../helpers/stores';

// The lead registers 004 in migrations/index.ts; until then the test adds it itself.
const withSealKeys = migrations.some((m) => m.version === m004SealKeys.version)
  ? migrations
  : [...migrations, m004SealKeys];

type Opened = {
  keys: SealKeyStore;
  store?: Store;
  path?: string;
  /** Back to no keys at all, as on a new installation. */
  reset(): Promise<void>;
  dispose(): Promise<void>;
};

// One store per source for the whole file (opening PGlite is the slow part); each test starts
// from no keys at all.
type Source = { name: string; open(): Promise<Opened> };

const sources: Source[] = [
  ...storeFactories.map(
    (factory): Source => ({
      name: `the database on ${factory.name}`,
      async open() {
        const { store, dispose } = await factory.open();
        await migrate(store, withSealKeys);
        return {
          keys: databaseSealKeyStore(store),
          store,
          reset: async () => void (await store.query('DELETE FROM seal_keys')),
          dispose,
        };
      },
    }),
  ),
  {
    name: 'SEAL_KEY_FILE',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'sotay-seal-keys-'));
      const path = join(dir, 'seal-keys.json');
      return {
        keys: fileSealKeyStore(path),
        path,
        reset: () => rm(path, { force: true }),
        dispose: () => rm(dir, { recursive: true, force: true }),
      };
    },
  },
];

const signupId = '5d0c9f2e-1b7a-4e63-8c45-9a2f6b3d1e70';
const context = sealedContext({ entity: 'signup', entityId: signupId });
const record = (fullName: string) => ({ id: signupId, fullName, idNumber: '079301004512' });

describe.each(sources)('seal keys in $name', (source) => {
  let opened: Opened;
  let keys: SealKeyStore;
  let store: Store | undefined;
  let path: string | undefined;

  beforeAll(async () => {
    opened = await source.open();
    ({ keys, store, path } = opened);
  });
  afterAll(() => opened.dispose());
  beforeEach(async () => {
    await opened.reset();
    setLanguage('vi');
  });

  it('makes one key on first use and hands out that same public key after', async () => {
    const first = await currentSealKey(keys);
    expect(await currentSealKey(keys)).toEqual(first);
    expect(first.kid).toBe(await jwkThumbprint(first.jwk));
    expect(Object.keys(first.jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(await keys.list()).toHaveLength(1);
  });

  it('agrees on one first key when requests race', async () => {
    const handed = await Promise.all(Array.from({ length: 5 }, () => currentSealKey(keys)));
    expect(new Set(handed.map((key) => key.kid)).size).toBe(1);
    expect(await keys.list()).toHaveLength(1);
  });

  it('opens a record sealed for key 1 and one sealed for key 2 after a rotation', async () => {
    const key1 = await currentSealKey(keys);
    const sealed1 = await seal(key1.jwk, key1.kid, record('Trần Thị Mai'), context);
    expect(await rotateSealKey(keys)).toContain(key1.kid);
    const key2 = await currentSealKey(keys);
    expect(key2.kid).not.toBe(key1.kid);
    const sealed2 = await seal(key2.jwk, key2.kid, record('Lê Văn Tùng'), context);

    const openers = await sealOpeningKeys(keys);
    expect(await openSealed(openers, sealed1, context)).toEqual({
      ok: true,
      data: record('Trần Thị Mai'),
    });
    expect(await openSealed(openers, sealed2, context)).toEqual({
      ok: true,
      data: record('Lê Văn Tùng'),
    });
    const listed = await keys.list();
    expect(listed.map((key) => [key.kid, key.current])).toEqual([
      [key2.kid, true],
      [key1.kid, false],
    ]);
  });

  it('answers an unknown kid with the sealed_unknown_key rejection, never a crash', async () => {
    await currentSealKey(keys);
    const foreign = await generateSealKeyPair();
    const sealed = await seal(foreign.publicJwk, foreign.kid, record('Phạm Thu'), context);
    expect(await openSealed(await sealOpeningKeys(keys), sealed, context)).toEqual({
      ok: false,
      code: 'sealed_unknown_key',
      message:
        'Bản ghi được mã hoá bằng một khoá máy chủ không còn dùng. Hãy đăng nhập lại để nhận khoá mới.',
    });
  });

  it.each<[string, (sealed: Record<string, unknown>) => unknown, string]>([
    ['a malformed envelope', () => ({ v: 1, kid: 'x' }), context],
    ['not an object', () => 'sealed', context],
    [
      'a tampered ciphertext',
      // Another first character: 'A' alone left one ciphertext in 64 as it was.
      (sealed) => {
        const ct = String(sealed['ct']);
        return { ...sealed, ct: `${ct.startsWith('A') ? 'B' : 'A'}${ct.slice(1)}` };
      },
      context,
    ],
    [
      'an envelope moved to another record',
      (sealed) => sealed,
      sealedContext({ entity: 'signup', entityId: crypto.randomUUID() }),
    ],
  ])('answers %s with sealed_invalid', async (_label, malform, openAs) => {
    const key = await currentSealKey(keys);
    const sealed = await seal(key.jwk, key.kid, record('Đỗ Hải'), context);
    const opened = await openSealed(await sealOpeningKeys(keys), malform({ ...sealed }), openAs);
    expect(opened).toMatchObject({ ok: false, code: 'sealed_invalid' });
  });

  it('stops opening a previous key once retired; the current key cannot be retired', async () => {
    const key1 = await currentSealKey(keys);
    const sealed1 = await seal(key1.jwk, key1.kid, record('Võ Minh'), context);
    await rotateSealKey(keys);
    const key2 = await currentSealKey(keys);

    await expect(retireSealKey(keys, key2.kid)).rejects.toThrow(SealKeyError);
    await expect(retireSealKey(keys, 'no-such-key')).rejects.toThrow(SealKeyError);
    expect(await retireSealKey(keys, key1.kid)).toContain('retired');
    expect(await retireSealKey(keys, key1.kid)).toContain('already retired');

    const openers = await sealOpeningKeys(keys);
    expect([...openers.keys()]).toEqual([key2.kid]);
    expect(await openSealed(openers, sealed1, context)).toMatchObject({
      ok: false,
      code: 'sealed_unknown_key',
    });
    expect((await keys.list()).find((key) => key.kid === key1.kid)?.retiredAt).toEqual(
      expect.any(String),
    );
    const listing = await listSealKeys(keys);
    expect(listing).toMatch(new RegExp(`${key2.kid}\\s+current`));
    expect(listing).toMatch(new RegExp(`${key1.kid}\\s+retired`));
  });

  it('keeps rotating: three keys, each opening its own records', async () => {
    const sealedByKey = [];
    for (let round = 0; round < 3; round++) {
      if (round > 0) await rotateSealKey(keys);
      const key = await currentSealKey(keys);
      sealedByKey.push(await seal(key.jwk, key.kid, record(`Người ${round}`), context));
    }
    const openers = await sealOpeningKeys(keys);
    expect(openers.size).toBe(3);
    const opened = await Promise.all(
      sealedByKey.map((sealed) => openSealed(openers, sealed, context)),
    );
    expect(opened.map((result) => result.ok && result.data)).toEqual(
      [0, 1, 2].map((n) => record(`Người ${n}`)),
    );
  });

  if (source.name === 'SEAL_KEY_FILE') {
    it('writes a file only the server’s user can read', async () => {
      await currentSealKey(keys);
      const file = path ?? '';
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
        format: 'sotay-seal-keys',
        v: 1,
      });
    });

    it('never replaces a damaged key file with a new key', async () => {
      const file = path ?? '';
      await writeFile(file, '{"format": "sotay-seal-keys", "v": 1, "keys": [', { mode: 0o600 });
      await expect(currentSealKey(keys)).rejects.toThrow(SealKeyError);
      await expect(rotateSealKey(keys)).rejects.toThrow(SealKeyError);
      expect(await readFile(file, 'utf8')).toBe('{"format": "sotay-seal-keys", "v": 1, "keys": [');
    });
  } else {
    it('allows one current key at most, whatever writes to the table', async () => {
      await currentSealKey(keys);
      const extra = await generateSealKeyPair();
      await expect(
        store?.query(
          'INSERT INTO seal_keys (kid, private_jwk, is_current) VALUES ($1, $2::jsonb, true)',
          [extra.kid, JSON.stringify(extra.privateJwk)],
        ),
      ).rejects.toThrow();
      expect(await keys.list()).toHaveLength(1);
    });

    it('is where SEAL_KEY_FILE is unset', () => {
      if (!store) throw new Error('no store');
      expect(openSealKeyStore(store, {}).location).toContain('database');
      expect(openSealKeyStore(store, { sealKeyFile: '/srv/keys.json' }).location).toContain(
        '/srv/keys.json',
      );
    });

    it('refuses a damaged key row with a message, not a crash', async () => {
      await currentSealKey(keys);
      await store?.query(`UPDATE seal_keys SET private_jwk = '{"kty": "EC"}'::jsonb`);
      await expect(sealOpeningKeys(keys)).rejects.toThrow(SealKeyError);
    });
  }
});

describe('SEAL_KEY_FILE', () => {
  it.each<[Record<string, string | undefined>, boolean]>([
    [{}, false],
    [{ SEAL_KEY_FILE: '' }, false],
    [{ SEAL_KEY_FILE: 'secrets/seal-keys.json' }, true],
  ])('%j names a file: %s', (env, named) => {
    const settings = readSealKeySettings(env);
    expect(settings.sealKeyFile !== undefined).toBe(named);
    if (settings.sealKeyFile) expect(isAbsolute(settings.sealKeyFile)).toBe(true);
  });
});
