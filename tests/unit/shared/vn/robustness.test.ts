import { describe, expect, it } from 'vitest';
import {
  findProvince,
  findWard,
  formatDate,
  formatNumber,
  formatPercent,
  isValid,
  normalizeName,
  parseDate,
  parseIdNumber,
  parsePhone,
  parseTaxCode,
  type Result,
  searchKey,
  wards,
} from '../../../../src/shared/vn';
import { isWellFormedIssue, seededRandom } from './support';

const ROUNDS = 3000;

const validators: Array<[string, (input: string) => Result<string>]> = [
  ['parseTaxCode', (input) => parseTaxCode(input)],
  ['parsePhone', (input) => parsePhone(input)],
  ['parseIdNumber (VN)', (input) => parseIdNumber(input)],
  [
    'parseIdNumber (context)',
    (input) => parseIdNumber(input, { gender: 'female', dateOfBirth: input }),
  ],
  ['parseIdNumber (foreign)', (input) => parseIdNumber(input, { nationality: 'KR' })],
  ['parseDate', (input) => parseDate(input)],
];

// Characters that reach the deep branches (digits, separators, prefixes) mixed with the
// hostile ones: controls, lone surrogates, combining marks, emoji, full-width digits.
const ALPHABET = [
  ...'0123456789',
  ...'0123456789', // digits twice as likely, so that near-valid inputs are common
  ...' .-/+()\t\n',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u00a0',
  '\u200b',
  '\u2013',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\u0300',
  '\u0323',
  'đ',
  'Đ',
  'ư',
  'ệ',
  '😀',
  '０',
  '９',
  'A',
  'x',
  "'",
  '"',
  ';',
];

function randomString(random: () => number): string {
  const shape = random();
  if (shape < 0.02) return randomCodePoints(random, 100 + Math.floor(random() * 10_000));
  const length = Math.floor(random() * 24);
  let text = '';
  for (let i = 0; i < length; i += 1) {
    text +=
      random() < 0.9
        ? (ALPHABET[Math.floor(random() * ALPHABET.length)] ?? '')
        : randomCodePoints(random, 1);
  }
  return text;
}

// Any UTF-16 code unit, lone surrogates included, or an astral code point.
function randomCodePoints(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) {
    text +=
      random() < 0.8
        ? String.fromCharCode(Math.floor(random() * 0x10000))
        : String.fromCodePoint(0x10000 + Math.floor(random() * 0xfffff));
  }
  return text;
}

function expectWellFormed(result: Result<string>): void {
  expect(Array.isArray(result.issues)).toBe(true);
  expect(result.issues.every(isWellFormedIssue)).toBe(true);
  // value is present exactly when no issue is an error.
  expect(result.value === undefined).toBe(!isValid(result));
  if (result.value !== undefined) expect(typeof result.value).toBe('string');
}

describe('no validator throws, whatever the string', () => {
  it.each(validators)('%s returns a well-formed result for random input', (_, validate) => {
    const random = seededRandom(20_250_701);
    for (let round = 0; round < ROUNDS; round += 1) {
      const result = validate(randomString(random));
      expectWellFormed(result);
      // A normalised value is itself valid and normalises to itself.
      if (result.value !== undefined) expect(validate(result.value).value).toBe(result.value);
    }
  });

  it.each(validators)('%s survives named hostile inputs', (_, validate) => {
    const hostile = [
      '',
      ' ',
      '\u0000',
      '\ud800',
      '\udc00\ud800',
      '😀'.repeat(60),
      '9'.repeat(10_000),
      ' '.repeat(10_000),
      `${' '.repeat(5000)}0912345678`,
      "'; DROP TABLE signup; --",
      '<img src=x onerror=alert(1)>',
      '0'.repeat(100),
      'constructor',
      '__proto__',
    ];
    for (const input of hostile) expectWellFormed(validate(input));
  });

  it('tolerates callers outside TypeScript passing non-strings', () => {
    const junk: unknown[] = [undefined, null, 42, {}, [], Symbol('x')];
    for (const value of junk) {
      const input = value as string; // simulating untyped JSON input on purpose
      for (const [, validate] of validators) expectWellFormed(validate(input));
      expect(typeof searchKey(input)).toBe('string');
      expect(typeof normalizeName(input)).toBe('string');
      expect(typeof formatDate(input)).toBe('string');
      expect(wards(input)).toEqual([]);
      expect(findWard(input)).toBeUndefined();
      expect(findProvince(input)).toBeUndefined();
    }
    expect(parseIdNumber('001099012345', null as unknown as undefined).value).toBe('001099012345');
  });
});

describe('text helpers never throw and keep their promises', () => {
  it('searchKey and normalizeName on random input', () => {
    const random = seededRandom(1975);
    for (let round = 0; round < ROUNDS; round += 1) {
      const text = randomString(random);
      const key = searchKey(text);
      expect(key).toBe(key.trim());
      expect(key).not.toMatch(/\s{2}|[\u0300-\u036f]|[A-ZĐđ]/);
      expect(searchKey(key)).toBe(key);
      const name = normalizeName(text);
      expect(name).toBe(name.trim());
      expect(name).not.toMatch(/\s{2}/);
      expect(normalizeName(name)).toBe(name);
    }
  });

  it('format helpers on random input', () => {
    const random = seededRandom(8500);
    const numbers = [0, -0, Number.NaN, Number.POSITIVE_INFINITY, -1e308, 1e-308, 2 ** 53];
    for (let round = 0; round < ROUNDS; round += 1) {
      const n = random() < 0.2 ? (numbers[round % numbers.length] ?? 0) : (random() - 0.5) * 1e9;
      expect(formatNumber(n)).not.toBe('');
      expect(formatPercent(n, (random() - 0.5) * 1e4)).toMatch(/%$|^–$/);
      expect(typeof formatDate(randomString(random))).toBe('string');
    }
  });
});
