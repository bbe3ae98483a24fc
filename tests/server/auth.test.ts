import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit, createUser } from '../../src/server/accounts/manage';
import { clientAddressResolver } from '../../src/server/auth/client-address';
import { hashPassword, verifyPassword } from '../../src/server/auth/password';
import {
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_PAIR,
  MAX_FAILURES_PER_USERNAME,
} from '../../src/server/auth/rate-limit';
import { createApp } from '../../src/server/hono-app';
import type { Store } from '../../src/server/store/types';
import type { Unit } from '../../src/shared/schemas';
import {
  type App,
  call,
  freshName,
  login,
  PASSWORD,
  TEST_ADDRESS_HEADER,
  testApp,
} from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';

describe('password hashes', () => {
  it('are salted scrypt hashes that verify only the right password', async () => {
    const [first, second] = await Promise.all([hashPassword('mật khẩu'), hashPassword('mật khẩu')]);
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('mật khẩu');
    expect(await verifyPassword('mật khẩu', first)).toBe(true);
    // The same password typed as NFD (Unikey) is the same password.
    expect(await verifyPassword('mật khẩu'.normalize('NFD'), first)).toBe(true);
    expect(await verifyPassword('mat khau', first)).toBe(false);
    expect(await verifyPassword('mật khẩu', undefined)).toBe(false);
    expect(await verifyPassword('mật khẩu', 'scrypt$x$y$z$$')).toBe(false);
  });
});

describe.each(storeFactories)('accounts on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let unit: Unit;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    unit = await createUnit(store, { name: 'LĐLĐ thử', kind: 'federation' });
  });
  afterAll(() => dispose());

  async function newUser(options: { active?: boolean } = {}) {
    const user = await createUser(store, {
      username: freshName('user'),
      password: PASSWORD,
      displayName: 'Nguyễn Văn A',
      role: 'organizer',
      unitId: unit.id,
    });
    if (options.active === false) {
      await store.query('UPDATE users SET active = false WHERE id = $1', [user.id]);
    }
    return user;
  }

  const tryLogin = (username: string, password: string, address = '10.0.0.1') =>
    call(app, 'POST', '/api/auth/login', {
      body: { username, password },
      headers: { [TEST_ADDRESS_HEADER]: address },
    });

  it('logs in with the right password and answers the user without any password', async () => {
    const user = await newUser();
    // Usernames are case-insensitive.
    const reply = await tryLogin(user.username.toUpperCase(), PASSWORD, freshName('ip'));
    expect(reply.status).toBe(200);
    const body = reply.body as { token: string; user: Record<string, unknown> };
    expect(body.token).toMatch(/^[\w-]{43}$/);
    expect(body.user).toEqual(user);
    expect(JSON.stringify(body)).not.toMatch(/password|scrypt/i);
    const stored = await store.query<{ token_hash: string }>(
      'SELECT token_hash FROM sessions WHERE user_id = $1',
      [user.id],
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]?.token_hash).not.toContain(body.token);
  });

  it.each([
    ['a wrong password', 'wrong-password', true, false],
    ['an unknown user', PASSWORD, true, true],
    ['an inactive user', PASSWORD, false, false],
  ])('answers 401 with one message for %s', async (_case, password, active, unknown) => {
    const user = await newUser({ active });
    const username = unknown ? freshName('nobody') : user.username;
    const reply = await tryLogin(username, password, freshName('ip'));
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({
      error: { code: 'invalid_credentials', message: expect.any(String) },
    });
    const wrong = await tryLogin(user.username, 'wrong-password', freshName('ip'));
    expect((wrong.body as { error: unknown }).error).toEqual(
      (reply.body as { error: unknown }).error,
    );
  });

  it('rate-limits failures per (username, address) with 429 and Retry-After, even with the right password', async () => {
    const user = await newUser();
    const address = freshName('ip');
    for (let i = 0; i < MAX_FAILURES_PER_PAIR; i++) {
      expect((await tryLogin(user.username, 'wrong-password', address)).status).toBe(401);
    }
    const limited = await tryLogin(user.username, PASSWORD, address);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // The attack from that address does not lock the user out of their own phone.
    expect((await tryLogin(user.username, PASSWORD, freshName('phone'))).status).toBe(200);
    // Once the failures have left the window, the right password works again there too.
    await store.query(
      "UPDATE login_failures SET failed_at = failed_at - interval '16 minutes' WHERE username = $1",
      [user.username],
    );
    expect((await tryLogin(user.username, PASSWORD, address)).status).toBe(200);
  });

  it('rate-limits a username across addresses only at a much higher threshold', async () => {
    const user = await newUser();
    const phone = freshName('phone');
    // Failures spread over many addresses, below the threshold: the user still gets in.
    await store.query(
      `INSERT INTO login_failures (username, address)
       SELECT $1, 'botnet-' || n FROM generate_series(1, $2::int) AS n`,
      [user.username, MAX_FAILURES_PER_USERNAME - 2],
    );
    expect((await tryLogin(user.username, 'wrong-password', freshName('bot'))).status).toBe(401);
    expect((await tryLogin(user.username, PASSWORD, phone)).status).toBe(200);
    await store.query(
      `INSERT INTO login_failures (username, address)
       SELECT $1, 'botnet-' || n FROM generate_series(1, 2) AS n`,
      [user.username],
    );
    const limited = await tryLogin(user.username, PASSWORD, phone);
    expect(limited.status).toBe(429);
    expect(MAX_FAILURES_PER_USERNAME).toBeGreaterThanOrEqual(20 * MAX_FAILURES_PER_PAIR);
  });

  /** Earlier failures written directly: the limit is what is tested, not 20 slow hashes. */
  const failures = (address: string, count: number) =>
    store.query(
      `INSERT INTO login_failures (username, address)
       SELECT 'guess-' || n, $1 FROM generate_series(1, $2::int) AS n`,
      [address, count],
    );

  it('rate-limits failures per client address across usernames', async () => {
    const address = freshName('ip');
    await failures(address, MAX_FAILURES_PER_ADDRESS - 1);
    expect((await tryLogin(freshName('guess'), 'wrong-password', address)).status).toBe(401);
    const user = await newUser();
    const limited = await tryLogin(user.username, PASSWORD, address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await tryLogin(user.username, PASSWORD, freshName('ip'))).status).toBe(200);
  });

  it.each([
    [false, 429],
    [true, 200],
  ])(
    'counts X-Forwarded-For only behind a trusted proxy (trust: %s)',
    async (trustProxy, status) => {
      const proxied = createApp({ store, clientAddress: clientAddressResolver({ trustProxy }) });
      // app.request() has no socket: the peer is "unknown", standing for the proxy's address.
      await store.query("DELETE FROM login_failures WHERE address = 'unknown'");
      await failures('unknown', MAX_FAILURES_PER_ADDRESS);
      const user = await newUser();
      const reply = await call(proxied, 'POST', '/api/auth/login', {
        body: { username: user.username, password: PASSWORD },
        headers: { 'x-forwarded-for': `203.0.113.9, ${freshName('ip')}` },
      });
      expect(reply.status).toBe(status);
      await store.query("DELETE FROM login_failures WHERE address = 'unknown'");
    },
  );

  it('forgets the failures of its own address after a successful login, not the others', async () => {
    const user = await newUser();
    const [phone, elsewhere] = [freshName('phone'), freshName('bot')];
    for (let i = 0; i < MAX_FAILURES_PER_PAIR - 1; i++) {
      await tryLogin(user.username, 'wrong-password', phone);
    }
    await tryLogin(user.username, 'wrong-password', elsewhere);
    expect((await tryLogin(user.username, PASSWORD, phone)).status).toBe(200);
    const left = await store.query<{ address: string }>(
      'SELECT address FROM login_failures WHERE username = $1',
      [user.username],
    );
    expect(left.rows.map((row) => row.address)).toEqual([elsewhere]);
  });

  it('answers /me and ends the session on logout', async () => {
    const user = await newUser();
    const token = await login(app, user.username);
    const me = await call(app, 'GET', '/api/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(user);
    const logout = await call(app, 'POST', '/api/auth/logout', { token });
    expect(logout.status).toBe(204);
    expect((await call(app, 'GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('expires a session after 30 days without use', async () => {
    const user = await newUser();
    const token = await login(app, user.username);
    const age = (days: number) =>
      store.query(
        `UPDATE sessions SET last_used_at = now() - make_interval(days => $2) WHERE user_id = $1`,
        [user.id, days],
      );
    await age(29);
    expect((await call(app, 'GET', '/api/auth/me', { token })).status).toBe(200);
    await age(31);
    const expired = await call(app, 'GET', '/api/auth/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('refreshes last_used_at at most once a minute', async () => {
    const user = await newUser();
    const token = await login(app, user.username);
    const lastUsed = async () =>
      (
        await store.query<{ age: number }>(
          'SELECT extract(epoch FROM now() - last_used_at)::int AS age FROM sessions WHERE user_id = $1',
          [user.id],
        )
      ).rows[0]?.age;
    const setAge = (seconds: number) =>
      store.query(
        'UPDATE sessions SET last_used_at = now() - make_interval(secs => $2) WHERE user_id = $1',
        [user.id, seconds],
      );
    await setAge(30);
    await call(app, 'GET', '/api/auth/me', { token });
    expect(await lastUsed()).toBeGreaterThanOrEqual(30);
    await setAge(120);
    await call(app, 'GET', '/api/auth/me', { token });
    expect(await lastUsed()).toBeLessThan(30);
  });

  it('ends the sessions of a user who is made inactive', async () => {
    const user = await newUser();
    const token = await login(app, user.username);
    await store.query('UPDATE users SET active = false WHERE id = $1', [user.id]);
    expect((await call(app, 'GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it.each([
    ['GET', '/api/auth/me'],
    ['POST', '/api/auth/logout'],
    ['POST', '/api/admin/units'],
    ['POST', '/api/admin/users'],
    ['POST', '/api/sync/push'],
    ['GET', '/api/sync/pull'],
  ])('requires a Bearer token on %s %s', async (method, path) => {
    const forged = 'A'.repeat(43);
    for (const authorization of [undefined, 'Basic dXNlcjpwYXNz', `Bearer ${forged}`, 'Bearer ']) {
      const reply = await call(app, method, path, {
        headers: authorization ? { authorization } : {},
        ...(method === 'GET' ? {} : { body: {} }),
      });
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('keeps health open', async () => {
    expect((await call(app, 'GET', '/api/health')).status).toBe(200);
  });
});
