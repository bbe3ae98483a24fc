import { beforeAll, describe, expect, it } from 'vitest';
import { checkBackupPassphrase, checkPin, hasPinErrors } from '../../../../src/shared/crypto';
import { loadLanguage, setLanguage } from '../../../../src/shared/i18n';

beforeAll(() => loadLanguage('en'));

const codes = (issues: { code: string }[]) => issues.map((issue) => issue.code);

describe('checkPin', () => {
  it.each([
    ['480137', []],
    ['0482917365', []],
    ['112358', []],
    ['135790', []],
    ['', ['pin.required']],
    ['12 456', ['pin.digits_only']],
    ['４８０１３７', ['pin.digits_only']],
    ['48013a', ['pin.digits_only']],
    ['48013', ['pin.too_short']],
    ['000000', ['pin.repeated']],
    ['99999999', ['pin.repeated']],
    ['123456', ['pin.sequence']],
    ['654321', ['pin.sequence']],
    ['012345', ['pin.sequence']],
    ['789012', ['pin.sequence']],
    ['3210987', ['pin.sequence']],
    ['121212', ['pin.pattern']],
    ['123123', ['pin.pattern']],
    ['90909090', ['pin.pattern']],
  ])('%j → %j', (pin, expected) => {
    expect(codes(checkPin(pin))).toEqual(expected);
    expect(hasPinErrors(pin)).toBe(expected.length > 0);
  });

  it('checks the confirmation on its own field', () => {
    expect(checkPin('480137', '480137')).toEqual([]);
    expect(checkPin('480137', '480173')).toEqual([
      {
        field: 'pinConfirmation',
        level: 'error',
        code: 'pin.mismatch',
        message: 'Hai lần nhập mã PIN không khớp.',
      },
    ]);
  });

  it('speaks Vietnamese first, English when asked', () => {
    setLanguage('vi');
    expect(checkPin('4801')).toEqual([
      {
        field: 'pin',
        level: 'error',
        code: 'pin.too_short',
        message: 'Mã PIN cần ít nhất 6 chữ số.',
      },
    ]);
    setLanguage('en');
    expect(checkPin('4801')[0]?.message).toBe('A PIN needs at least 6 digits.');
    setLanguage('vi');
  });
});

describe('checkBackupPassphrase', () => {
  it.each([
    ['mùa xuân trên xưởng may', undefined, []],
    ['0123456789', undefined, []],
    ['', undefined, ['backup_passphrase.required']],
    ['          ', undefined, ['backup_passphrase.required']],
    ['ngắn quá', undefined, ['backup_passphrase.too_short']],
    ['mùa xuân trên xưởng may', 'mùa xuân', ['backup_passphrase.mismatch']],
    ['mùa xuân trên xưởng may', 'mùa xuân trên xưởng may'.normalize('NFD'), []],
  ])('%j (confirmed %j) → %j', (passphrase, confirmation, expected) => {
    expect(codes(checkBackupPassphrase(passphrase, confirmation))).toEqual(expected);
  });
});
