import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  generateSealKeyPair,
  importSealPrivateKey,
  open,
  seal,
} from '../../../../src/shared/crypto';
import {
  type SealedEnvelope,
  sealedContext,
  sealedEnvelopeSchema,
  serverSealKeySchema,
} from '../../../../src/shared/protocol/sealed';
import { refusal } from './support';

let valid: SealedEnvelope;
let openers: Map<string, Awaited<ReturnType<typeof importSealPrivateKey>>>;

beforeAll(async () => {
  const key = await generateSealKeyPair();
  valid = await seal(key.publicJwk, key.kid, { a: 1 });
  openers = new Map([[key.kid, await importSealPrivateKey(key.privateJwk)]]);
});

describe('the sealed envelope schema', () => {
  it('accepts what seal() makes', () => {
    expect(v.is(sealedEnvelopeSchema, valid)).toBe(true);
  });

  it.each<[string, (e: SealedEnvelope) => unknown]>([
    ['null', () => null],
    ['a string', (e) => JSON.stringify(e)],
    ['an array', (e) => [e]],
    ['a newer version', (e) => ({ ...e, v: 2 })],
    ['the version as a string', (e) => ({ ...e, v: '1' })],
    ['an extra member', (e) => ({ ...e, data: { fullName: 'x' } })],
    ['no kid', ({ kid: _kid, ...rest }) => rest],
    ['an empty kid', (e) => ({ ...e, kid: '' })],
    ['a kid too long', (e) => ({ ...e, kid: 'k'.repeat(65) })],
    ['a kid with a slash', (e) => ({ ...e, kid: 'a/b' })],
    ['an epk one character short', (e) => ({ ...e, epk: e.epk.slice(1) })],
    ['an epk in standard base64', (e) => ({ ...e, epk: `${e.epk.slice(1)}+` })],
    ['an IV of 128 bits', (e) => ({ ...e, iv: `${e.iv}AAAAAA` })],
    ['a ciphertext shorter than a tag', (e) => ({ ...e, ct: e.ct.slice(0, 21) })],
    ['a padded ciphertext', (e) => ({ ...e, ct: `${e.ct}=` })],
    ['a ciphertext as a number', (e) => ({ ...e, ct: 12 })],
  ])('refuses %s (and open() says sealed_invalid)', async (_label, malform) => {
    const input = malform(valid);
    expect(v.is(sealedEnvelopeSchema, input)).toBe(false);
    expect(await refusal(open(openers, input))).toBe('sealed_invalid');
  });
});

describe('the login answer’s key', () => {
  it('is the kid and the public JWK', async () => {
    const key = await generateSealKeyPair();
    expect(v.is(serverSealKeySchema, { kid: key.kid, jwk: key.publicJwk })).toBe(true);
    expect(v.is(serverSealKeySchema, { kid: key.kid, jwk: key.privateJwk })).toBe(true);
    expect(
      v.parse(serverSealKeySchema, { kid: key.kid, jwk: key.privateJwk }).jwk,
    ).not.toHaveProperty('d');
    expect(
      v.is(serverSealKeySchema, { kid: key.kid, jwk: { ...key.publicJwk, crv: 'P-521' } }),
    ).toBe(false);
  });
});

describe('sealedContext', () => {
  it('names the record', () => {
    expect(sealedContext({ entity: 'visit', entityId: 'abc' })).toBe('visit:abc');
  });
});
