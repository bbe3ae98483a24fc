import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REVOCATIONS_PER_ADDRESS } from '../../src/server/auth/revoke';
import { hashToken } from '../../src/server/auth/tokens';
import type { Store } from '../../src/server/store/types';
import { sessionTokenHash } from '../../src/shared/crypto';
import {
  type App,
  account,
  call,
  openTestWorld,
  TEST_ADDRESS_HEADER,
  type World,
} from '../helpers/api';
import { storeFactories } from '../helpers/stores';

/** Sign-out that works offline (docs/design.md §5 `POST /api/auth/revoke`). */
describe.each(storeFactories)('revoke on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;

  beforeAll(async () => {
    ({ store, dispose, app, world } = await openTestWorld(factory));
  });
  afterAll(() => dispose());

  const revoke = (tokenHash: unknown, address = '10.0.0.1') =>
    call(app, 'POST', '/api/auth/revoke', {
      body: { tokenHash },
      headers: { [TEST_ADDRESS_HEADER]: address },
    });

  it('names a session by the same hash on the device and on the server', async () => {
    const { token } = await account(store, 'organizer', world.unitA.id);
    expect(await sessionTokenHash(token)).toBe(hashToken(token));
  });

  it('ends the session of a wiped token without asking for it, and answers a replay the same', async () => {
    const { token } = await account(store, 'organizer', world.unitA.id);
    const other = await account(store, 'organizer', world.unitA.id);
    expect((await call(app, 'GET', '/api/auth/me', { token })).status).toBe(200);
    const tokenHash = await sessionTokenHash(token);
    expect((await revoke(tokenHash)).status).toBe(204);
    expect((await call(app, 'GET', '/api/auth/me', { token })).status).toBe(401);
    // Queued twice, or sent after the session had expired anyway: nothing to tell.
    expect((await revoke(tokenHash)).status).toBe(204);
    // Only that session ends.
    expect((await call(app, 'GET', '/api/auth/me', { token: other.token })).status).toBe(200);
  });

  it.each([
    ['not hex', 'z'.repeat(64)],
    ['upper case', 'A'.repeat(64)],
    ['too short', 'a'.repeat(63)],
    ['the token itself', 'x'.repeat(43)],
    ['a number', 42],
  ])('refuses a hash that is %s with 400', async (_, tokenHash) => {
    const reply = await revoke(tokenHash);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('answers 204 for a hash no session has: it tells nothing', async () => {
    expect((await revoke('0'.repeat(64))).status).toBe(204);
  });

  it('throttles an address with 429 and Retry-After, not the others', async () => {
    const address = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const hash = (i: number) => `${randomUUID().replace(/-/g, '')}${String(i).padStart(32, '0')}`;
    for (let i = 0; i < MAX_REVOCATIONS_PER_ADDRESS; i++) {
      expect((await revoke(hash(i), address)).status).toBe(204);
    }
    const limited = await revoke(hash(99), address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await revoke(hash(100), '10.8.0.1')).status).toBe(204);
  });
});
