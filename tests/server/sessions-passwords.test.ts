import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import commonPasswords from '../../src/server/auth/common-passwords.json';
import { createTurns } from '../../src/server/changes/turns';
import type { Store } from '../../src/server/store/types';
import {
  type App,
  call,
  freshName,
  login,
  openTestWorld,
  PASSWORD,
  type World,
} from '../helpers/api';
import { storeFactories } from '../helpers/stores';

/** Issue 14 points 7 (weak passwords) and 8 (sessions that end), on both stores. */
describe.each(storeFactories)('passwords and sessions on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;

  beforeAll(async () => {
    ({ store, dispose, app, world } = await openTestWorld(factory));
  });
  afterAll(() => dispose());

  const createUser = (username: string, password: string) =>
    call(app, 'POST', '/api/admin/users', {
      token: world.admin.token,
      body: {
        username,
        password,
        displayName: 'Cán bộ',
        role: 'organizer',
        unitId: world.unitA.id,
      },
    });

  it('ships a list of at least 10,000 common passwords', () => {
    expect(commonPasswords.length).toBeGreaterThanOrEqual(10_000);
    expect(commonPasswords).toContain('password');
  });

  it.each([
    ['a common password', 'password', 'password.common'],
    ['a common password in capitals', 'Qwertyuiop', 'password.common'],
    ['one repeated character', 'aaaaaaaa', 'password.repeated_character'],
    ['eight spaces', '        ', 'password.repeated_character'],
    ['the username', '@name@', 'password.contains_username'],
    ['the username inside it', 'x-@name@-2026', 'password.contains_username'],
  ])('refuses %s, naming the rule', async (_case, template, code) => {
    const username = freshName('weak');
    const reply = await createUser(username, template.replace('@name@', username));
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: {
        code: 'validation_failed',
        fields: [{ field: 'password', code, message: expect.stringMatching(/./) }],
      },
    });
    const exists = await store.query('SELECT 1 FROM users WHERE username = $1', [username]);
    expect(exists.rowCount).toBe(0);
  });

  it('accepts a password that breaks no rule', async () => {
    const username = freshName('strong');
    expect((await createUser(username, 'mùa-lúa-chín-ở-Cần-Thơ')).status).toBe(201);
    expect(await login(app, username, 'mùa-lúa-chín-ở-Cần-Thơ')).toMatch(/^[\w-]{43}$/);
  });

  async function newAccount() {
    const username = freshName('sess');
    expect((await createUser(username, PASSWORD)).status).toBe(201);
    const tokens = [await login(app, username), await login(app, username)];
    return { username, tokens };
  }

  const me = (token: string) => call(app, 'GET', '/api/auth/me', { token });

  it('ends a session 90 days after sign-in even while it is used', async () => {
    const { username, tokens } = await newAccount();
    const [token] = tokens as [string];
    const signedIn = (days: number) =>
      store.query(
        `UPDATE sessions SET created_at = now() - make_interval(days => $2), last_used_at = now()
         WHERE user_id = (SELECT id FROM users WHERE username = $1)`,
        [username, days],
      );
    await signedIn(89);
    expect((await me(token)).status).toBe(200);
    await signedIn(91);
    expect((await me(token)).status).toBe(401);
  });

  it('signs a user out everywhere', async () => {
    const { tokens } = await newAccount();
    const [phone, tablet] = tokens as [string, string];
    expect((await call(app, 'POST', '/api/auth/logout-all', { token: phone })).status).toBe(204);
    expect((await me(phone)).status).toBe(401);
    expect((await me(tablet)).status).toBe(401);
  });

  it('ends the other sessions when the password changes, keeping this one', async () => {
    const { username, tokens } = await newAccount();
    const [phone, stolen] = tokens as [string, string];
    const change = (body: Record<string, string>) =>
      call(app, 'POST', '/api/auth/password', { token: phone, body });
    const wrong = await change({
      currentPassword: 'not-my-password',
      newPassword: 'đổi-mật-khẩu-2026',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { fields: [{ field: 'currentPassword' }] } });
    const weak = await change({ currentPassword: PASSWORD, newPassword: 'password1' });
    expect(weak.body).toMatchObject({
      error: { fields: [{ field: 'newPassword', code: 'password.common' }] },
    });
    expect((await me(stolen)).status).toBe(200);
    const done = await change({ currentPassword: PASSWORD, newPassword: 'đổi-mật-khẩu-2026' });
    expect(done.status).toBe(204);
    expect((await me(phone)).status).toBe(200);
    expect((await me(stolen)).status).toBe(401);
    expect(await login(app, username, 'đổi-mật-khẩu-2026')).toMatch(/^[\w-]{43}$/);
    const old = await call(app, 'POST', '/api/auth/login', {
      body: { username, password: PASSWORD },
    });
    expect(old.status).toBe(401);
  });

  it.each([
    ['the admin of the federation, for a user of a unit below', 'admin', 'organizerA', 204],
    ['a supervisor, who is no admin', 'supervisor', 'organizerA', 403],
    ['the admin, for an unknown user', 'admin', 'nobody', 404],
  ] as const)('lets %s sign them out everywhere: %s', async (_case, actor, target, status) => {
    const targetToken =
      target === 'nobody' ? undefined : await login(app, world[target].user.username);
    const id = target === 'nobody' ? '00000000-0000-4000-8000-000000000009' : world[target].user.id;
    const reply = await call(app, 'POST', `/api/admin/users/${id}/sign-out`, {
      token: world[actor].token,
    });
    expect(reply.status).toBe(status);
    if (targetToken) expect((await me(targetToken)).status).toBe(status === 204 ? 401 : 200);
  });

  it('refuses an admin a user outside their subtree', async () => {
    const username = freshName('subadmin');
    const created = await call(app, 'POST', '/api/admin/users', {
      token: world.admin.token,
      body: {
        username,
        password: PASSWORD,
        displayName: 'Quản trị đơn vị A',
        role: 'admin',
        unitId: world.unitA.id,
      },
    });
    expect(created.status).toBe(201);
    const token = await login(app, username);
    const outside = await call(
      app,
      'POST',
      `/api/admin/users/${world.organizerB.user.id}/sign-out`,
      {
        token,
      },
    );
    expect(outside.status).toBe(403);
  });
});

describe('one push per user at a time (issue 14 point 11)', () => {
  it('runs a key’s work in arrival order, one at a time, and other keys beside it', async () => {
    const turns = createTurns();
    const events: string[] = [];
    const gates = new Map<string, () => void>();
    const work = (name: string) => () =>
      new Promise<string>((resolve) => {
        events.push(`start ${name}`);
        gates.set(name, () => {
          events.push(`end ${name}`);
          resolve(name);
        });
      });
    const a1 = turns('a', work('a1'));
    const a2 = turns('a', work('a2'));
    const b1 = turns('b', work('b1'));
    await Promise.resolve();
    await Promise.resolve();
    expect(events).toEqual(['start a1', 'start b1']);
    gates.get('a1')?.();
    expect(await a1).toBe('a1');
    await Promise.resolve();
    expect(events).toEqual(['start a1', 'start b1', 'end a1', 'start a2']);
    gates.get('b1')?.();
    gates.get('a2')?.();
    expect(await Promise.all([a2, b1])).toEqual(['a2', 'b1']);
  });

  it('gives the next turn even when a work fails', async () => {
    const turns = createTurns();
    const failed = turns('a', () => Promise.reject(new Error('boom')));
    const next = turns('a', async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('next');
  });
});
