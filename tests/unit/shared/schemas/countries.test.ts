import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { countryCodes, isCountryCode, nationalitySchema } from '../../../../src/shared/schemas';

describe('the nationality list', () => {
  it('holds the 249 assigned ISO 3166-1 alpha-2 codes, each once', () => {
    expect(countryCodes()).toHaveLength(249);
    expect(new Set(countryCodes()).size).toBe(249);
    for (const code of countryCodes()) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it.each([
    ['VN', true],
    ['KR', true],
    ['VI', true], // the U.S. Virgin Islands: a real code, which is why it is chosen, not typed
    ['XX', false],
    ['UK', false], // exceptionally reserved, GB is the code
    ['EU', false],
    ['ZZ', false],
    ['vn', false],
    ['VNM', false],
    ['', false],
  ])('%s is a country code: %s', (code, expected) => {
    expect(isCountryCode(code)).toBe(expected);
  });

  it.each([
    [' vn ', 'VN'],
    ['kr', 'KR'],
  ])('accepts %j as %s', (input, expected) => {
    expect(v.parse(nationalitySchema, input)).toBe(expected);
  });

  it.each(['XX', 'Vi?', 'Việt Nam', 'VNM', ''])('refuses %j', (input) => {
    expect(v.safeParse(nationalitySchema, input).success).toBe(false);
  });
});
