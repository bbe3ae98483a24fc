import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/manage';
import { runCommand } from '../../src/server/cli/commands';
import { databaseSealKeyStore } from '../../src/server/keys/database-key-store';
import type { SealKeyStore } from '../../src/server/keys/key-store';
import type { Store } from '../../src/server/store/types';
import { seal } from '../../src/shared/crypto';
import { type ServerSealKey, sealedContext, serverSealKeySchema } from '../../src/shared/protocol';
import { makeEnterprise, makeSignup } from '../fixtures/records';
import {
  type App,
  call,
  login,
  makeWorld,
  mutation,
  PASSWORD,
  push,
  testApp,
  type World,
} from '../helpers/api';
import { openMigratedStore, storeFactories } from '../helpers/stores';

/** Sealed delivery on push (docs/design.md §5 "Sealing"), against the real key store. */
describe.each(storeFactories)('sealed push on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;
  let keys: SealKeyStore;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = testApp(store);
    world = await makeWorld(store);
    keys = databaseSealKeyStore(store);
  });
  afterAll(() => dispose());

  async function currentKey(): Promise<ServerSealKey> {
    const reply = await call(app, 'GET', '/api/auth/seal-key');
    expect(reply.status).toBe(200);
    return v.parse(serverSealKeySchema, reply.body);
  }

  async function enterprise() {
    const data = makeEnterprise({
      id: randomUUID(),
      unitId: world.unitA.id,
      assignedTo: undefined,
    });
    const { results } = await push(app, world.organizerA.token, [
      mutation({ entity: 'enterprise', entityId: data.id, data }),
    ]);
    expect(results[0]?.status).toBe('applied');
    return data;
  }

  async function sealedSignup(key: ServerSealKey, enterpriseId: string, fullName = 'Trần Thị Mai') {
    const data = makeSignup({ id: randomUUID(), enterpriseId, fullName });
    const entityId = data.id;
    const sealed = await seal(
      key.jwk,
      key.kid,
      data,
      sealedContext({ entity: 'signup', entityId }),
    );
    return { data, m: { mutationId: randomUUID(), entity: 'signup', entityId, op: 'put', sealed } };
  }

  async function storedSignup(id: string) {
    const result = await store.query<{ data: Record<string, unknown> | null }>(
      "SELECT data FROM records WHERE entity = 'signup' AND id = $1",
      [id],
    );
    return result.rows[0]?.data;
  }

  it('delivers the current key at login and on GET /api/auth/seal-key', async () => {
    const username = `seal-${randomUUID().slice(0, 8)}`;
    await createUser(store, {
      username,
      password: PASSWORD,
      displayName: 'Cán bộ',
      role: 'organizer',
      unitId: world.unitA.id,
    });
    const reply = await call(app, 'POST', '/api/auth/login', {
      body: { username, password: PASSWORD },
    });
    expect(reply.status).toBe(200);
    const sealKey = v.parse(serverSealKeySchema, (reply.body as { sealKey: unknown }).sealKey);
    expect(await currentKey()).toEqual(sealKey);
    // The public half only.
    expect(JSON.stringify(reply.body)).not.toMatch(/"d"/);
    expect(await login(app, username)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('applies a sealed signup as the plain one, and answers its replay duplicate', async () => {
    const key = await currentKey();
    const { id } = await enterprise();
    const { data, m } = await sealedSignup(key, id);
    const first = await push(app, world.organizerA.token, [m]);
    expect(first.results).toEqual([{ mutationId: m.mutationId, status: 'applied', version: 1 }]);
    expect(await storedSignup(data.id)).toMatchObject({
      fullName: 'Trần Thị Mai',
      idNumber: data.idNumber,
      version: 1,
      updatedBy: world.organizerA.user.id,
    });
    const again = await push(app, world.organizerA.token, [m]);
    expect(again.results).toEqual([{ mutationId: m.mutationId, status: 'duplicate', version: 1 }]);
    // Sealed anew (other bytes, same record): still the same change, not another one.
    const resealed = await seal(key.jwk, key.kid, data, sealedContext(m));
    const third = await push(app, world.organizerA.token, [{ ...m, sealed: resealed }]);
    expect(third.results[0]?.status).toBe('duplicate');
    // And in clear too.
    const plain = await push(app, world.organizerA.token, [
      { mutationId: m.mutationId, entity: 'signup', entityId: data.id, op: 'put', data },
    ]);
    expect(plain.results[0]?.status).toBe('duplicate');
  });

  it('judges the opened record with the same rules as a plain one', async () => {
    const key = await currentKey();
    const { id } = await enterprise();
    const bad = makeSignup({ id: randomUUID(), enterpriseId: id, idNumber: '12' });
    const sealed = await seal(
      key.jwk,
      key.kid,
      bad,
      sealedContext({ entity: 'signup', entityId: bad.id }),
    );
    const { results } = await push(app, world.organizerA.token, [
      { mutationId: randomUUID(), entity: 'signup', entityId: bad.id, op: 'put', sealed },
    ]);
    expect(results[0]?.status).toBe('rejected');
    expect(results[0]?.error?.code).toBe('validation_failed');
    expect(results[0]?.error?.fields?.map((f) => f.field)).toContain('idNumber');
  });

  it('opens records sealed for the previous key and the new one in one push after a rotation', async () => {
    const before = await currentKey();
    const { id } = await enterprise();
    const old = await sealedSignup(before, id, 'Lê Văn Nam');
    expect(await runCommand(store, ['seal-key', 'rotate'], keys)).toMatch(/New current seal key/);
    const after = await currentKey();
    expect(after.kid).not.toBe(before.kid);
    const fresh = await sealedSignup(after, id, 'Phạm Thị Hoa');
    const { results } = await push(app, world.organizerA.token, [old.m, fresh.m]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await storedSignup(old.data.id)).toMatchObject({ fullName: 'Lê Văn Nam' });
    expect(await storedSignup(fresh.data.id)).toMatchObject({ fullName: 'Phạm Thị Hoa' });
    expect(await runCommand(store, ['seal-key', 'list'], keys)).toContain(before.kid);

    // Once the previous key is retired, what is still sealed for it is refused, alone.
    const late = await sealedSignup(before, id, 'Võ Văn Tú');
    const other = await sealedSignup(after, id, 'Đặng Thị Thu');
    expect(await runCommand(store, ['seal-key', 'retire', '--kid', before.kid], keys)).toMatch(
      /retired/,
    );
    const second = await push(app, world.organizerA.token, [late.m, other.m]);
    expect(second.results.map((r) => [r.status, r.error?.code])).toEqual([
      ['rejected', 'sealed_unknown_key'],
      ['applied', undefined],
    ]);
    await expect(
      runCommand(store, ['seal-key', 'retire', '--kid', after.kid], keys),
    ).rejects.toThrow(/current key/);
  });

  it('rejects an envelope that does not open, records nothing of it, and replays the rejection', async () => {
    const key = await currentKey();
    const { id } = await enterprise();
    const tampered = await sealedSignup(key, id);
    const ct = tampered.m.sealed.ct;
    tampered.m.sealed = { ...tampered.m.sealed, ct: `${ct[0] === 'A' ? 'B' : 'A'}${ct.slice(1)}` };
    // Sealed for another record: an envelope copied into another mutation.
    const moved = await sealedSignup(key, id);
    const elsewhere = { ...moved.m, entityId: randomUUID(), mutationId: randomUUID() };
    const garbage = { ...moved.m, mutationId: randomUUID(), sealed: { v: 1, kid: 'x' } };
    const both = { ...moved.m, mutationId: randomUUID(), data: moved.data };
    const good = await sealedSignup(key, id);
    const { status, results } = await push(app, world.organizerA.token, [
      tampered.m,
      elsewhere,
      garbage,
      both,
      good.m,
    ]);
    expect(status).toBe(200);
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ['rejected', 'sealed_invalid'],
      ['rejected', 'sealed_invalid'],
      ['rejected', 'sealed_invalid'],
      ['rejected', 'validation_failed'],
      ['applied', undefined],
    ]);
    expect(results[3]?.error?.fields?.[0]?.field).toBe('sealed');
    expect(await storedSignup(tampered.data.id)).toBeUndefined();
    const replay = await push(app, world.organizerA.token, [tampered.m]);
    expect(replay.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'sealed_invalid' },
    });
  });
});
