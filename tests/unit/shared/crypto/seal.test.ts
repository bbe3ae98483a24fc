import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  generateSealKeyPair,
  importSealPrivateKey,
  jwkThumbprint,
  open,
  type SealKeyPair,
  type SealOpeningKeys,
  seal,
} from '../../../../src/shared/crypto';
import { type SealedEnvelope, sealedContext } from '../../../../src/shared/protocol/sealed';
import { APPLICANT, flipBit, refusal } from './support';

let server: SealKeyPair;
let other: SealKeyPair;
let openers: SealOpeningKeys;

beforeAll(async () => {
  server = await generateSealKeyPair();
  other = await generateSealKeyPair();
  openers = new Map([
    [server.kid, await importSealPrivateKey(server.privateJwk)],
    [other.kid, await importSealPrivateKey(other.privateJwk)],
  ]);
});

const context = sealedContext({ entity: 'signup', entityId: APPLICANT.id });

describe('seal and open', () => {
  it.each<[string, unknown]>([
    ['an application', APPLICANT],
    ['an array', [1, 'hai', { ba: null }]],
    ['a string', 'Đoàn viên'],
    ['a number', 42.5],
    ['null', null],
  ])('round-trips %s', async (_label, value) => {
    const envelope = await seal(server.publicJwk, server.kid, value, context);
    expect(await open(openers, envelope, context)).toEqual(value);
  });

  it('makes a self-describing envelope that shows nothing of the record', async () => {
    const envelope = await seal(server.publicJwk, server.kid, APPLICANT, context);
    expect(Object.keys(envelope).sort()).toEqual(['ct', 'epk', 'iv', 'kid', 'v']);
    expect(envelope.v).toBe(1);
    expect(envelope.kid).toBe(server.kid);
    const text = JSON.stringify(envelope);
    for (const secret of [APPLICANT.fullName, APPLICANT.idNumber, APPLICANT.phone]) {
      expect(text).not.toContain(secret);
    }
  });

  it('uses a fresh ephemeral key and IV for every message', async () => {
    const first = await seal(server.publicJwk, server.kid, APPLICANT, context);
    const second = await seal(server.publicJwk, server.kid, APPLICANT, context);
    expect(second.epk).not.toBe(first.epk);
    expect(second.iv).not.toBe(first.iv);
    expect(second.ct).not.toBe(first.ct);
  });
});

describe('open refuses', () => {
  let envelope: SealedEnvelope;
  beforeAll(async () => {
    envelope = await seal(server.publicJwk, server.kid, APPLICANT, context);
  });

  it.each<[string, (e: SealedEnvelope) => SealedEnvelope]>([
    ['a flipped bit in the ciphertext', (e) => ({ ...e, ct: flipBit(e.ct, 0) })],
    ['a flipped bit in the tag', (e) => ({ ...e, ct: flipBit(e.ct, -1) })],
    ['a flipped bit in the IV', (e) => ({ ...e, iv: flipBit(e.iv, 3) })],
    ['a flipped bit in the ephemeral key', (e) => ({ ...e, epk: flipBit(e.epk, 40) })],
    ['an ephemeral key that is not a point', (e) => ({ ...e, epk: flipBit(e.epk, 0) })],
    ['a truncated ciphertext', (e) => ({ ...e, ct: e.ct.slice(0, 22) })],
    ['the kid of another key the opener holds', (e) => ({ ...e, kid: other.kid })],
  ])('%s: sealed_invalid', async (_label, tamper) => {
    expect(await refusal(open(openers, tamper(envelope), context))).toBe('sealed_invalid');
  });

  it('an envelope moved to another record: sealed_invalid', async () => {
    const elsewhere = sealedContext({ entity: 'signup', entityId: crypto.randomUUID() });
    expect(await refusal(open(openers, envelope, elsewhere))).toBe('sealed_invalid');
    expect(await refusal(open(openers, envelope, ''))).toBe('sealed_invalid');
    const asVisit = sealedContext({ entity: 'visit', entityId: APPLICANT.id });
    expect(await refusal(open(openers, envelope, asVisit))).toBe('sealed_invalid');
  });

  it('a key id the opener does not hold: sealed_unknown_key', async () => {
    const unknown = await generateSealKeyPair();
    const sealedForUnknown = await seal(unknown.publicJwk, unknown.kid, APPLICANT, context);
    expect(await refusal(open(openers, sealedForUnknown, context))).toBe('sealed_unknown_key');
    expect(await refusal(open(new Map(), envelope, context))).toBe('sealed_unknown_key');
  });
});

describe('keys', () => {
  it('names a key by its RFC 7638 thumbprint', async () => {
    const { crv, kty, x, y } = server.publicJwk;
    const canonical = `{"crv":"${crv}","kty":"${kty}","x":"${x}","y":"${y}"}`;
    const expected = createHash('sha256').update(canonical).digest('base64url');
    expect(await jwkThumbprint(server.publicJwk)).toBe(expected);
    expect(server.kid).toBe(expected);
  });

  it('generates P-256 pairs whose private JWK carries the public point', () => {
    expect(server.publicJwk).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: server.privateJwk.x,
      y: server.privateJwk.y,
    });
    expect(server.privateJwk.d).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(other.kid).not.toBe(server.kid);
  });

  it.each<[string, () => Promise<unknown>]>([
    ['a kid that is not the key’s thumbprint', () => seal(server.publicJwk, other.kid, 1)],
    ['another curve', () => seal({ ...server.publicJwk, crv: 'P-384' } as never, server.kid, 1)],
    [
      'a point off the curve',
      async () => {
        const jwk = { ...server.publicJwk, y: server.publicJwk.x };
        return seal(jwk, await jwkThumbprint(jwk), 1);
      },
    ],
    ['a private key that is not a JWK', () => importSealPrivateKey({ kty: 'EC' })],
    [
      'a private key without its secret part',
      () => importSealPrivateKey({ ...server.privateJwk, d: undefined }),
    ],
  ])('refuses %s: key_invalid', async (_label, work) => {
    expect(await refusal(work())).toBe('key_invalid');
  });

  it('refuses to seal what JSON cannot carry', async () => {
    await expect(seal(server.publicJwk, server.kid, undefined)).rejects.toThrow(TypeError);
  });
});
