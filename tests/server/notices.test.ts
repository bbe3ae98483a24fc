import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/manage';
import { createSession } from '../../src/server/auth/sessions';
import type { Store } from '../../src/server/store/types';
import type { Enterprise } from '../../src/shared/schemas';
import { makeEnterprise } from '../fixtures/records';
import {
  type Account,
  type App,
  call,
  freshName,
  mutation,
  openTestWorld,
  PASSWORD,
  pull,
  push,
  type World,
} from '../helpers/api';
import { storeFactories } from '../helpers/stores';

type NoticeBody = {
  id: string;
  entity: string;
  entityId: string;
  field: string;
  value?: unknown;
  replacement?: unknown;
  version: number;
  replacedBy: string;
  replacedByName: string;
  replacedAt: string;
};

describe.each(storeFactories)('notices of replaced values on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let world: World;

  beforeAll(async () => {
    ({ store, dispose, app, world } = await openTestWorld(factory));
  });
  afterAll(() => dispose());

  /** An organizer of unit A with a name of their own. */
  async function organizer(displayName: string): Promise<Account> {
    const user = await createUser(store, {
      username: freshName('organizer'),
      password: PASSWORD,
      displayName,
      role: 'organizer',
      unitId: world.unitA.id,
    });
    return { user, token: await createSession(store, user.id) };
  }

  async function notices(token: string): Promise<NoticeBody[]> {
    const reply = await pull(app, token, '?limit=1');
    expect(reply.status).toBe(200);
    return (reply.body as { notices: NoticeBody[] }).notices;
  }

  async function put(account: Account, data: Enterprise, extra: Record<string, unknown> = {}) {
    const sent = mutation({ entity: 'enterprise', entityId: data.id, data, ...extra });
    const { results } = await push(app, account.token, [sent]);
    return { sent, result: results[0] };
  }

  /**
   * Lan and Minh both have version 1; Lan's address edit lands first (version 2); Minh's edit
   * of the same field is a conflict, and their merge keeps Minh's address over Lan's.
   */
  async function sameFieldEdited() {
    const lan = await organizer(`Nguyễn Thị Lan ${randomUUID().slice(0, 4)}`);
    const minh = await organizer(`Trần Văn Minh ${randomUUID().slice(0, 4)}`);
    // As the app registers it: assigned to Lan, who keeps it through both edits.
    const v1 = makeEnterprise({
      id: randomUUID(),
      unitId: world.unitA.id,
      assignedTo: lan.user.id,
    });
    expect((await put(lan, v1)).result?.status).toBe('applied');
    const lanAddress = '45 Lê Hồng Phong, Trà Nóc';
    const minhAddress = '7 Đường số 9, KCN Trà Nóc 2';
    expect(
      (await put(lan, { ...v1, address: lanAddress }, { baseVersion: 1 })).result,
    ).toMatchObject({ status: 'applied', version: 2 });
    const stale = await put(minh, { ...v1, address: minhAddress }, { baseVersion: 1 });
    return { lan, minh, v1, lanAddress, minhAddress, stale };
  }

  it('names who wrote the server copy in a conflict, for the merge note', async () => {
    const { lan, stale } = await sameFieldEdited();
    expect(stale.result).toMatchObject({
      status: 'conflict',
      version: 2,
      currentByName: lan.user.displayName,
    });
  });

  it('tells the author of the replaced value, and only them, until their device acknowledges it', async () => {
    const { lan, minh, v1, lanAddress, minhAddress } = await sameFieldEdited();
    const merged = await put(
      minh,
      { ...v1, address: minhAddress, workerCount: 400 },
      {
        baseVersion: 2,
        replaced: [
          { field: 'address', value: lanAddress },
          // Not the server's value at version 2: the field was not changed there.
          { field: 'workerCount', value: 999 },
          // Kept as it was: nothing replaced.
          { field: 'name', value: v1.name },
        ],
      },
    );
    expect(merged.result).toMatchObject({ status: 'applied', version: 3 });

    const told = await notices(lan.token);
    expect(told).toEqual([
      {
        id: expect.any(String),
        entity: 'enterprise',
        entityId: v1.id,
        field: 'address',
        value: lanAddress,
        replacement: minhAddress,
        version: 3,
        replacedBy: minh.user.id,
        replacedByName: minh.user.displayName,
        replacedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
      },
    ]);
    // Neither the one who replaced it nor anyone else in scope reads it.
    expect(await notices(minh.token)).toEqual([]);
    expect(await notices(world.supervisorA.token)).toEqual([]);
    // Every pull page carries it until acknowledged.
    expect(await notices(lan.token)).toEqual(told);

    const ids = told.map((n) => n.id);
    const byOther = await call(app, 'POST', '/api/sync/notices/ack', {
      token: minh.token,
      body: { ids },
    });
    expect(byOther.status).toBe(204);
    expect(await notices(lan.token)).toEqual(told);

    const acked = await call(app, 'POST', '/api/sync/notices/ack', {
      token: lan.token,
      body: { ids },
    });
    expect(acked.status).toBe(204);
    expect(await notices(lan.token)).toEqual([]);
    // Acknowledging again is harmless: a device whose first answer was lost retries.
    const again = await call(app, 'POST', '/api/sync/notices/ack', {
      token: lan.token,
      body: { ids },
    });
    expect(again.status).toBe(204);
  });

  it('tells no one when the replaced version was written by the one replacing it', async () => {
    const { lan, v1, lanAddress } = await sameFieldEdited();
    const own = await put(
      lan,
      { ...v1, address: 'Địa chỉ khác' },
      { baseVersion: 2, replaced: [{ field: 'address', value: lanAddress }] },
    );
    expect(own.result).toMatchObject({ status: 'applied', version: 3 });
    expect(await notices(lan.token)).toEqual([]);
  });

  it('records a replay once, and refuses the same id with another replaced list', async () => {
    const { lan, minh, v1, lanAddress, minhAddress } = await sameFieldEdited();
    const data = { ...v1, address: minhAddress };
    const merged = mutation({
      entity: 'enterprise',
      entityId: v1.id,
      baseVersion: 2,
      data,
      replaced: [{ field: 'address', value: lanAddress }],
    });
    expect((await push(app, minh.token, [merged])).results[0]?.status).toBe('applied');
    expect((await push(app, minh.token, [merged])).results[0]?.status).toBe('duplicate');
    expect(await notices(lan.token)).toHaveLength(1);
    const altered = { ...merged, replaced: [{ field: 'address', value: 'khác' }] };
    expect((await push(app, minh.token, [altered])).results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'mutation_id_taken' },
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a lone surrogate in a replaced value',
      { baseVersion: 2, replaced: [{ field: 'address', value: 'Số 1 \ud800' }] },
      'enterprise.replaced.value.malformed_text',
    ],
    [
      'a server-set field',
      { baseVersion: 2, replaced: [{ field: 'updatedBy', value: 'x' }] },
      'mutation.replaced_field',
    ],
    [
      'a field name that is no field',
      { baseVersion: 2, replaced: [{ field: 'a.b', value: 'x' }] },
      'mutation.replaced.field.invalid',
    ],
    ['a create', { replaced: [{ field: 'address', value: 'x' }] }, 'mutation.replaced_unexpected'],
  ])('refuses %s like any bad data, and tells no one', async (_name, extra, code) => {
    const { lan, minh, v1, minhAddress } = await sameFieldEdited();
    const data = extra['baseVersion'] === undefined ? { ...v1, id: randomUUID() } : v1;
    const refused = await put(minh, { ...data, address: minhAddress }, extra);
    expect(refused.result?.status).toBe('rejected');
    expect(refused.result?.error?.fields?.map((f) => f.code)).toContain(code);
    expect(await notices(lan.token)).toEqual([]);
  });

  it('answers 400 to an acknowledgement that is not a list of ids, 401 without a session', async () => {
    const { lan } = await sameFieldEdited();
    const bad = await call(app, 'POST', '/api/sync/notices/ack', {
      token: lan.token,
      body: { ids: ['nope'] },
    });
    expect(bad.status).toBe(400);
    const anonymous = await call(app, 'POST', '/api/sync/notices/ack', { body: { ids: [] } });
    expect(anonymous.status).toBe(401);
  });
});
