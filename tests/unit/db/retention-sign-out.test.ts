import { describe, expect, it } from 'vitest';
import {
  applyRetention,
  getSession,
  outboxCount,
  pendingRevocations,
  pinServerSealKey,
  revocationDelivered,
  saveSession,
  setUpVault,
  signOutDevice,
} from '../../../src/db';
import { generateSealKeyPair, importSealPrivateKey, open } from '../../../src/shared/crypto';
import { personalRetentionEnds } from '../../../src/shared/domain/personal-fields';
import { sealedContext } from '../../../src/shared/protocol/sealed';
import { IDS, makeEnterprise, makeSignup, makeUser } from '../../fixtures/records';
import { freshDb } from './support';

const DAY = 86_400_000;
const FAST = { iterations: 1_000 };

describe('personalRetentionEnds', () => {
  it.each([
    [
      'accepted, by its decision date',
      { status: 'accepted', decision: { date: '2025-04-01' } },
      '2025-05-01',
    ],
    [
      'rejected, by the rejection',
      { status: 'rejected', updatedAt: '2025-04-01T00:00:00.000Z' },
      '2025-05-01',
    ],
    ['submitted: not decided', { status: 'submitted' }, undefined],
    ['accepted without a decision', { status: 'accepted' }, undefined],
  ])('%s', (_name, signup, ends) => {
    const expected = ends === undefined ? undefined : Date.parse(ends);
    expect(personalRetentionEnds(signup)).toBe(expected);
  });
});

describe('applyRetention', () => {
  const accepted = (id: string) =>
    makeSignup({
      id,
      status: 'accepted',
      decision: { number: '1/QĐ', date: '2025-04-01', issuedBy: IDS.upperUnit },
      version: 2,
    });

  it('removes the personal fields of applications decided over 30 days ago and delivered', async () => {
    const db = freshDb();
    await db.signups.bulkPut([
      accepted('00000000-0000-4000-8000-00000000a001'),
      accepted('00000000-0000-4000-8000-00000000a002'),
      makeSignup({ id: '00000000-0000-4000-8000-00000000a003' }),
    ]);
    // The second still waits to be delivered.
    await db.outbox.add({
      mutationId: IDS.mutation,
      entity: 'signup',
      entityId: '00000000-0000-4000-8000-00000000a002',
      op: 'put',
      createdAt: '2025-04-02T00:00:00.000Z',
      state: 'pending',
      attempts: 0,
    });

    expect(await applyRetention(db, Date.parse('2025-04-20'))).toBe(0);
    expect(await applyRetention(db, Date.parse('2025-05-02'))).toBe(1);

    const [cleared, waiting, undecided] = await db.signups.toArray();
    expect(cleared).toMatchObject({ status: 'accepted', enterpriseId: IDS.enterprise });
    expect(cleared).not.toHaveProperty('fullName');
    expect(cleared).not.toHaveProperty('idNumber');
    expect(waiting?.fullName).toBe('Nguyễn Thị Lan');
    expect(undecided?.fullName).toBe('Nguyễn Thị Lan');
    expect(
      await db.signups.where('[enterpriseId+status]').equals([IDS.enterprise, 'accepted']).count(),
    ).toBe(2);
  });

  it('removes the ciphertext of an encrypted one too', async () => {
    const db = freshDb();
    await setUpVault(db, '583920', FAST);
    await db.signups.put({
      ...accepted('00000000-0000-4000-8000-00000000a004'),
      fullName: undefined as never,
      personal: { v: 1 },
    } as never);
    await applyRetention(db, Date.parse('2025-06-01') + 40 * DAY);
    expect(await db.signups.toArray()).toEqual([
      expect.not.objectContaining({ personal: expect.anything() }),
    ]);
  });
});

describe('signOutDevice', () => {
  it('wipes the token and every record at once and queues the revocation', async () => {
    const db = freshDb();
    await setUpVault(db, '583920', FAST);
    await saveSession(db, { token: 'tok-1', user: makeUser(), signedInAt: '2025-03-05' });
    await db.signups.put(makeSignup());
    await db.outbox.add({
      mutationId: IDS.mutation,
      entity: 'signup',
      entityId: IDS.signup,
      op: 'put',
      data: makeSignup(),
      createdAt: '2025-03-05T08:00:00.000Z',
      state: 'pending',
      attempts: 0,
    });

    expect(await signOutDevice(db, 'a'.repeat(64))).toBe(0);

    expect(await getSession(db)).toBeNull();
    expect(await db.signups.count()).toBe(0);
    expect((await outboxCount(db)).total).toBe(0);
    expect(await db.meta.get('vault')).toBeUndefined();
    expect(await pendingRevocations(db)).toEqual(['a'.repeat(64)]);
    await revocationDelivered(db, 'a'.repeat(64));
    expect(await pendingRevocations(db)).toEqual([]);
    // Delivered: nothing of the sign-out is left beside the installation's id.
    expect(await db.meta.get('revocations')).toBeUndefined();
  });

  it('seals for the server an undelivered record without personal fields, and keeps it', async () => {
    const db = freshDb();
    const server = await generateSealKeyPair();
    await pinServerSealKey(db, { kid: server.kid, jwk: server.publicJwk });
    await db.outbox.add({
      mutationId: IDS.mutation,
      entity: 'enterprise',
      entityId: IDS.enterprise,
      op: 'put',
      data: makeEnterprise(),
      base: makeEnterprise({ notes: 'bản cũ' }),
      createdAt: '2025-03-05T08:00:00.000Z',
      state: 'pending',
      attempts: 0,
    });

    expect(await signOutDevice(db, undefined)).toBe(1);
    const [kept] = await db.outbox.toArray();
    expect(kept).not.toHaveProperty('base');
    const keys = new Map([[server.kid, await importSealPrivateKey(server.privateJwk)]]);
    const context = sealedContext({ entity: 'enterprise', entityId: IDS.enterprise });
    expect(await open(keys, kept?.sealed, context)).toEqual(makeEnterprise());
  });

  it('drops what it cannot seal: no server key was pinned', async () => {
    const db = freshDb();
    await db.outbox.add({
      mutationId: IDS.mutation,
      entity: 'enterprise',
      entityId: IDS.enterprise,
      op: 'put',
      data: makeEnterprise(),
      createdAt: '2025-03-05T08:00:00.000Z',
      state: 'pending',
      attempts: 0,
    });

    expect(await signOutDevice(db, undefined)).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps the undelivered rows sealed for the server, with nothing the device could read', async () => {
    const db = freshDb();
    const sealed = {
      v: 1 as const,
      kid: 'k',
      epk: 'e'.repeat(87),
      iv: 'i'.repeat(16),
      ct: 'c'.repeat(40),
    };
    await db.outbox.add({
      mutationId: IDS.mutation,
      entity: 'signup',
      entityId: IDS.signup,
      op: 'put',
      data: { ...makeSignup(), personal: { v: 1, iv: 'x', ct: 'y' } } as never,
      sealed,
      createdAt: '2025-03-05T08:00:00.000Z',
      state: 'pending',
      attempts: 0,
    });

    expect(await signOutDevice(db, undefined)).toBe(1);
    const [kept] = await db.outbox.toArray();
    expect(kept?.sealed).toEqual(sealed);
    expect(kept?.data).not.toHaveProperty('personal');
  });
});
