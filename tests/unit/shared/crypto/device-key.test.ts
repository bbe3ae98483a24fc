import { beforeAll, describe, expect, it } from 'vitest';
import {
  createDataKey,
  createDeviceSealKey,
  type DeviceSealKey,
  deviceOpeningKeys,
  generateSealKeyPair,
  importSealPrivateKey,
  type Key,
  open,
  seal,
  unwrapDataKeyWithPin,
  wrapDataKeyWithPin,
} from '../../../../src/shared/crypto';
import { sealedContext } from '../../../../src/shared/protocol/sealed';
import { APPLICANT, flipBit, refusal, TEST_ITERATIONS } from './support';

const PIN = '715260';
const context = sealedContext({ entity: 'signup', entityId: APPLICANT.id });

let dataKey: Key;
let deviceKey: DeviceSealKey;

beforeAll(async () => {
  dataKey = await createDataKey();
  deviceKey = await createDeviceSealKey(dataKey);
});

describe('capture while locked', () => {
  it('seals at the gate with public keys only, and the unlocked app reads it back', async () => {
    const server = await generateSealKeyPair();
    const wrapped = await wrapDataKeyWithPin(dataKey, PIN, { iterations: TEST_ITERATIONS });
    // Locked: the app holds the stored forms only, no data key.
    const stored = JSON.parse(JSON.stringify({ deviceKey, wrapped }));
    const forServer = await seal(server.publicJwk, server.kid, APPLICANT, context);
    const forDevice = await seal(
      stored.deviceKey.publicJwk,
      stored.deviceKey.kid,
      APPLICANT,
      context,
    );
    // Unlocked by PIN: the device key opens the organizer's own capture.
    const unlocked = await unwrapDataKeyWithPin(stored.wrapped, PIN);
    expect(
      await open(await deviceOpeningKeys(unlocked, stored.deviceKey), forDevice, context),
    ).toEqual(APPLICANT);
    // The server opens its copy; neither key opens the other's envelope.
    const serverKeys = new Map([[server.kid, await importSealPrivateKey(server.privateJwk)]]);
    expect(await open(serverKeys, forServer, context)).toEqual(APPLICANT);
    expect(await refusal(open(serverKeys, forDevice, context))).toBe('sealed_unknown_key');
    expect(
      await refusal(open(await deviceOpeningKeys(unlocked, stored.deviceKey), forServer, context)),
    ).toBe('sealed_unknown_key');
  });

  it('keeps the device’s private key wrapped: its public half is all that is in clear', () => {
    expect(Object.keys(deviceKey).sort()).toEqual(['iv', 'kid', 'publicJwk', 'wrappedPrivate']);
    expect(deviceKey.publicJwk).not.toHaveProperty('d');
  });

  it('opens the device key into a private key that cannot be exported', async () => {
    const keys = await deviceOpeningKeys(dataKey, deviceKey);
    const privateKey = keys.get(deviceKey.kid);
    expect(privateKey?.extractable).toBe(false);
    expect(privateKey?.type).toBe('private');
  });

  it.each<[string, () => Promise<unknown>]>([
    ['another data key', async () => deviceOpeningKeys(await createDataKey(), deviceKey)],
    [
      'a flipped bit in the wrapped private key',
      () =>
        deviceOpeningKeys(dataKey, {
          ...deviceKey,
          wrappedPrivate: flipBit(deviceKey.wrappedPrivate, 9),
        }),
    ],
    [
      'another device’s kid',
      async () =>
        deviceOpeningKeys(dataKey, { ...deviceKey, kid: (await generateSealKeyPair()).kid }),
    ],
    ['nothing stored', () => deviceOpeningKeys(dataKey, undefined)],
  ])('refuses %s: record_unreadable', async (_label, work) => {
    expect(await refusal(work())).toBe('record_unreadable');
  });
});
