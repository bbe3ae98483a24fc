import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRejected, outboxCount, saveEnterprise, submitSignup } from '../../../src/db';
import { createUnit, createUser } from '../../../src/server/accounts/manage';
import { createSession } from '../../../src/server/auth/sessions';
import { createApp } from '../../../src/server/hono-app';
import type { Store } from '../../../src/server/store/types';
import type { Enterprise } from '../../../src/shared/schemas';
import { drain } from '../../../src/sync';
import { generateEnterprises, generateSignups } from '../../fixtures/generate';
import { fetchInto, newDevice } from '../../helpers/device';
import { openMigratedStore, storeFactories } from '../../helpers/stores';

/**
 * A record whose text is malformed (a lone surrogate, which PostgreSQL cannot store) reached the
 * outbox, e.g. queued by an app version that did not check text yet. The server refuses that one
 * record with a field-named reason, the device quarantines it, and the rest of the queue — before
 * and after it — is delivered: one bad string never blocks a phone's queue again.
 */
describe.each(storeFactories)('a malformed record in the queue, server on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    app = createApp({ store, clientAddress: () => '127.0.0.1' });
    // A real database starts here: slower than the unit project's default hook time.
  }, 60_000);
  afterAll(() => dispose());

  it('is quarantined with its reason and the rest of the queue is delivered', async () => {
    const unit = await createUnit(store, { name: 'CĐ thử', kind: 'federation' });
    const user = await createUser(store, {
      username: 'lan.malformed',
      password: 'thu-nghiem-chuoi-hong',
      displayName: 'Lan',
      role: 'organizer',
      unitId: unit.id,
    });
    const device = await newDevice(user, await createSession(store, user.id));
    const [enterprise] = generateEnterprises(1, unit.id, 141) as [Enterprise];
    // The enterprise is delivered first: the applications need it on the server.
    await saveEnterprise(device, enterprise);
    expect(await drain({ db: device, fetch: fetchInto(app) })).toBe('done');

    const signups = generateSignups([enterprise], 3, 142);
    for (const signup of signups) await submitSignup(device, signup);
    const broken = signups[1]?.id as string;
    // What an older app could have queued: the queued payload is edited in place.
    await device.outbox
      .filter((row) => row.entityId === broken)
      .modify((row) => {
        Object.assign(row.data ?? {}, { fullName: 'Lan\ud800X' });
      });

    expect(await drain({ db: device, fetch: fetchInto(app) })).toBe('done');
    expect(await outboxCount(device)).toMatchObject({ pending: 0, rejected: 1 });
    const [rejected] = await listRejected(device);
    expect(rejected?.entityId).toBe(broken);
    expect(rejected?.issues).toEqual([
      expect.objectContaining({ field: 'fullName', code: 'signup.full_name.malformed_text' }),
    ]);
    const stored = await store.query<{ id: string }>(
      "SELECT id FROM records WHERE entity = 'signup' AND enterprise_id = $1 ORDER BY id",
      [enterprise.id],
    );
    const delivered = signups.map((signup) => signup.id).filter((id) => id !== broken);
    expect(stored.rows.map((row) => row.id)).toEqual([...delivered].sort());
  }, 60_000);
});
