import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_UNIT_NAME, ensureAdmin } from '../../src/server/accounts/bootstrap';
import { CliError, runCommand } from '../../src/server/cli/commands';
import { LOCK_FILE, lockDataDir } from '../../src/server/store/dir-lock';
import { StartupError, type Store } from '../../src/server/store/types';
import {
  type App,
  call,
  freshName,
  login,
  openTestWorld,
  PASSWORD,
  type World,
} from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';

describe.each(storeFactories)('admin API and CLI on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;

  beforeAll(async () => {
    ({ store, dispose, app, world } = await openTestWorld(factory));
  });
  afterAll(() => dispose());

  const newUser = (unitId: string, overrides: Record<string, unknown> = {}) => ({
    username: freshName('new'),
    password: PASSWORD,
    displayName: 'Lê Thị Mai',
    role: 'organizer',
    unitId,
    ...overrides,
  });

  it('creates a unit (201) that the units below the admin include', async () => {
    const id = randomUUID();
    const reply = await call(app, 'POST', '/api/admin/units', {
      token: world.admin.token,
      body: { id, name: '  Công đoàn phường Cái Khế ', kind: 'commune', parentId: world.unitA.id },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      id,
      name: 'Công đoàn phường Cái Khế',
      kind: 'commune',
      parentId: world.unitA.id,
      version: 1,
      updatedBy: world.admin.user.id,
    });
  });

  it('creates a user (201) who can log in, and never answers the password', async () => {
    const input = newUser(world.unitB.id);
    const reply = await call(app, 'POST', '/api/admin/users', {
      token: world.admin.token,
      body: input,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.any(String),
      username: input.username,
      displayName: 'Lê Thị Mai',
      role: 'organizer',
      unitId: world.unitB.id,
      active: true,
    });
    expect(await login(app, input.username)).toMatch(/^[\w-]{43}$/);
  });

  it.each([
    ['an organizer', 'organizerA'],
    ['a supervisor', 'supervisor'],
  ] as const)('answers 403 to %s', async (_who, key) => {
    const { token } = world[key];
    const unit = await call(app, 'POST', '/api/admin/units', {
      token,
      body: { name: 'X', kind: 'cdcs', parentId: world.unitA.id },
    });
    const user = await call(app, 'POST', '/api/admin/users', {
      token,
      body: newUser(world.unitA.id),
    });
    for (const reply of [unit, user]) {
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({ error: { code: 'forbidden' } });
    }
  });

  it('answers 403 for units outside the admin’s own subtree', async () => {
    const unitAdmin = await call(app, 'POST', '/api/admin/users', {
      token: world.admin.token,
      body: newUser(world.unitA.id, { role: 'admin' }),
    });
    const token = await login(app, (unitAdmin.body as { username: string }).username);
    const cases = [
      call(app, 'POST', '/api/admin/units', {
        token,
        body: { name: 'X', kind: 'cdcs', parentId: world.unitB.id },
      }),
      call(app, 'POST', '/api/admin/units', { token, body: { name: 'X', kind: 'federation' } }),
      call(app, 'POST', '/api/admin/users', { token, body: newUser(world.unitB.id) }),
    ];
    for (const reply of await Promise.all(cases)) expect(reply.status).toBe(403);
  });

  it('answers 409 for a username taken in any letter case, and for a unit id taken', async () => {
    const input = newUser(world.unitA.id);
    const { token } = world.admin;
    expect((await call(app, 'POST', '/api/admin/users', { token, body: input })).status).toBe(201);
    const again = await call(app, 'POST', '/api/admin/users', {
      token,
      body: { ...input, username: input.username.toUpperCase() },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'conflict' } });
    const unit = await call(app, 'POST', '/api/admin/units', {
      token,
      body: { id: world.unitA.id, name: 'Trùng', kind: 'cdcs', parentId: world.federation.id },
    });
    expect(unit.status).toBe(409);
  });

  it.each([
    ['units', { name: '', kind: 'upper' }, 'name'],
    ['units', { name: 'X', kind: 'district' }, 'kind'],
    ['units', { name: 'X', kind: 'upper', parentId: 'not-a-uuid' }, 'parentId'],
    ['units', { name: 'X', kind: 'upper', parentId: randomUUID() }, 'parentId'],
    [
      'users',
      { username: 'a b', password: PASSWORD, displayName: 'X', role: 'organizer' },
      'username',
    ],
    [
      'users',
      { username: 'valid.name', password: 'short', displayName: 'X', role: 'organizer' },
      'password',
    ],
    [
      'users',
      { username: 'valid.name', password: PASSWORD, displayName: 'X', role: 'boss' },
      'role',
    ],
    [
      'users',
      { username: 'valid.name', password: PASSWORD, displayName: ' ', role: 'organizer' },
      'displayName',
    ],
    [
      'users',
      {
        username: 'valid.name',
        password: PASSWORD,
        displayName: 'X',
        role: 'organizer',
        unitId: randomUUID(),
      },
      'unitId',
    ],
  ])('answers 400 with fields for invalid %s: %o', async (what, body, field) => {
    const withUnit =
      what === 'users' && !('unitId' in body) ? { ...body, unitId: world.unitA.id } : body;
    const reply = await call(app, 'POST', `/api/admin/${what}`, {
      token: world.admin.token,
      body: withUnit,
    });
    expect(reply.status).toBe(400);
    const error = (reply.body as { error: { code: string; fields: { field: string }[] } }).error;
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((issue) => issue.field)).toContain(field);
  });

  it('runs the CLI commands against the store', async () => {
    const name = freshName('Công đoàn CLI');
    const created = await runCommand(store, [
      'create-unit',
      '--name',
      name,
      '--kind',
      'upper',
      '--parent',
      world.federation.id,
    ]);
    const unitId = /Unit created: ([0-9a-f-]{36})/.exec(created)?.[1] ?? '';
    expect(unitId).not.toBe('');
    const username = freshName('cli');
    const user = await runCommand(store, [
      'create-user',
      '--username',
      username,
      '--password',
      PASSWORD,
      '--display-name',
      'Phạm Thị Cúc',
      '--role',
      'supervisor',
      '--unit',
      unitId,
    ]);
    expect(user).toContain(`User created: ${username} (supervisor)`);
    expect(await runCommand(store, ['list-users'])).toContain(username);
    expect(await runCommand(store, ['list-units'])).toContain(name);
    expect(await login(app, username)).toMatch(/^[\w-]{43}$/);
  });

  it.each([
    [[], /Usage/],
    [['drop-database'], /Unknown command "drop-database"/],
    [['create-unit', '--name'], /Expected "--option value"/],
    [['create-unit', '--name', 'X'], /--kind/],
    [
      ['create-unit', '--name', 'X', '--kind', 'upper', '--parent', randomUUID()],
      /--parent: unit.not_found/,
    ],
    [
      ['create-user', '--username', 'x y', '--password', 'short'],
      /--username, --password, --display-name, --role, --unit/,
    ],
    [['seal-key'], /Expected "seal-key rotate\|list\|retire"/],
    [['seal-key', 'burn'], /Expected "seal-key rotate\|list\|retire"/],
    [['seal-key', 'retire'], /--kid/],
    [['seal-key', 'retire', '--kid', 'no-such-key'], /There is no seal key no-such-key/],
  ])('explains a bad CLI call %j', async (argv, message) => {
    const failure = runCommand(store, argv);
    await expect(failure).rejects.toBeInstanceOf(CliError);
    await expect(failure).rejects.toThrow(message);
  });

  it('creates the ADMIN_USERNAME account once, in the first top-level unit', async () => {
    const username = freshName('boss');
    const admin = await ensureAdmin(store, username, 'root-of-the-union-1');
    expect(admin).toMatchObject({ username, role: 'admin' });
    expect(await ensureAdmin(store, username, 'another-password')).toBeUndefined();
    expect(await login(app, username, 'root-of-the-union-1')).toMatch(/^[\w-]{43}$/);
    await expect(ensureAdmin(store, freshName('x'), 'short')).rejects.toThrow(StartupError);
  });
});

describe('first admin on an empty database', () => {
  it.each(storeFactories)('makes a top-level unit for it on $name', async (factory) => {
    const { store, dispose } = await openMigratedStore(factory);
    try {
      const admin = await ensureAdmin(store, 'admin', 'root-of-the-union-1');
      const units = await store.query<{ id: string; name: string; parent_id: string | null }>(
        'SELECT id, name, parent_id FROM units',
      );
      expect(units.rows).toEqual([
        { id: admin?.unitId, name: BOOTSTRAP_UNIT_NAME, parent_id: null },
      ]);
    } finally {
      await dispose();
    }
  });
});

describe('the embedded database folder lock', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sotay-lock-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a second opener with a clear message, and frees the folder on release', async () => {
    const release = await lockDataDir(dir);
    expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    await expect(lockDataDir(dir)).rejects.toThrow(
      new RegExp(
        `DATA_DIR ".*" is in use by another process \\(pid ${process.pid}\\).*Stop the server`,
      ),
    );
    await release();
    const again = await lockDataDir(dir);
    await again();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    // PIDs are below 2^22 on Linux, so this one cannot be running.
    await writeFile(join(dir, LOCK_FILE), '999999999');
    const release = await lockDataDir(dir);
    expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    await release();
  });
});
