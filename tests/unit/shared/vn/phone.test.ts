import { describe, expect, it } from 'vitest';
import { isValid, parsePhone } from '../../../../src/shared/vn';
import { codes } from './support';

describe('parsePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0987654321', '+84987654321'],
    ['0321234567', '+84321234567'],
    ['0391234567', '+84391234567'],
    ['0521234567', '+84521234567'],
    ['0591234567', '+84591234567'],
    ['0701234567', '+84701234567'],
    ['0761234567', '+84761234567'],
    ['0791234567', '+84791234567'],
    ['0811234567', '+84811234567'],
    ['0891234567', '+84891234567'],
    ['0901234567', '+84901234567'],
    ['+84912345678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['0084912345678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['+84 (0) 912 345 678', '+84912345678'],
    ['+840912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['0912-345-678', '+84912345678'],
    ['  0912345678 ', '+84912345678'],
    ['0912\u00a0345\u00a0678', '+84912345678'], // no-break spaces from a web page
    ['０９１２３４５６７８', '+84912345678'],
    ['02438221234', '+842438221234'], // Hà Nội landline
    ['028 3822 1234', '+842838221234'], // TP.HCM landline
    ['(0292) 382 1234', '+842923821234'], // Cần Thơ landline
    ['+84 24 3822 1234', '+842438221234'],
    ['842438221234', '+842438221234'],
  ])('accepts %j as %s', (input, expected) => {
    expect(parsePhone(input)).toEqual({ value: expected, issues: [] });
  });

  it.each([
    ['', ['phone.required']],
    [' \t ', ['phone.required']],
    ['091234567', ['phone.length']],
    ['09123456789', ['phone.length']],
    ['0243822123', ['phone.length']], // landline one digit short
    ['024382212345', ['phone.length']],
    ['+8491234567', ['phone.length']],
    ['0', ['phone.length']],
    ['+84', ['phone.length']],
    ['0123456789', ['phone.prefix']], // old 012x prefixes were renumbered in 2018
    ['0312345678', ['phone.prefix']],
    ['0412345678', ['phone.prefix']],
    ['0512345678', ['phone.prefix']],
    ['0612345678', ['phone.prefix']],
    ['0712345678', ['phone.prefix']],
    ['0801234567', ['phone.prefix']],
    ['01234567890', ['phone.length', 'phone.prefix']],
    ['912345678', ['phone.format']], // trunk 0 missing
    ['8491234567', ['phone.format']],
    ['+1 202 555 0100', ['phone.country']],
    ['+33612345678', ['phone.country']],
    ['0912 345 67a', ['phone.format']],
    ['0912/345/678', ['phone.format']],
    ['+', ['phone.format']],
    ['++84912345678', ['phone.format']],
    ['0912345678+', ['phone.format']],
    ['tel:0912345678', ['phone.format']],
    ['📞0912345678', ['phone.format']],
    ["0912345678' OR '1'='1", ['phone.format']],
    ['0'.repeat(101), ['phone.too_long']],
  ])('refuses %j with %j', (input, expected) => {
    const result = parsePhone(input);
    expect(codes(result)).toEqual(expected);
    expect(isValid(result)).toBe(false);
    expect(result.value).toBeUndefined();
  });

  it('names the wrong prefix and the expected length in the message', () => {
    expect(parsePhone('0612345678').issues[0]?.message).toContain('061');
    expect(parsePhone('091234567').issues[0]?.message).toContain('10');
    expect(parsePhone('0243822123').issues[0]?.message).toContain('11');
  });

  it('uses the phone field by default and the field the caller names', () => {
    expect(parsePhone('x').issues[0]?.field).toBe('phone');
    expect(parsePhone('x', 'contact.phone').issues[0]?.field).toBe('contact.phone');
  });

  it('parses its own output to itself', () => {
    for (const input of ['0912345678', '028 3822 1234', '+84 0912 345 678']) {
      const value = parsePhone(input).value ?? '';
      expect(parsePhone(value).value).toBe(value);
    }
  });
});
