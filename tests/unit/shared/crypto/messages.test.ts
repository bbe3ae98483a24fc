import { describe, expect, it } from 'vitest';
import { CRYPTO_ERROR_CODES, CryptoError, cryptoMessageKey } from '../../../../src/shared/crypto';
import { hasMessage, setLanguage, t } from '../../../../src/shared/i18n';
import { domainVi } from '../../../../src/shared/i18n/catalog/domain';
import { privacyVi } from '../../../../src/shared/i18n/catalog/privacy';
import { privacyEn } from '../../../../src/shared/i18n/catalog/privacy.en';
import { uiVi } from '../../../../src/shared/i18n/catalog/ui';
import { vnVi } from '../../../../src/shared/i18n/catalog/vn';
import { SEALED_REJECTION_CODES } from '../../../../src/shared/protocol/sealed';

const privacyMessages = { vi: privacyVi, en: privacyEn };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the privacy catalogue part', () => {
  it.each(Object.keys(privacyMessages.vi))('%s is translated with the same placeholders', (key) => {
    const vi = (privacyMessages.vi as Record<string, string>)[key] ?? '';
    const en = (privacyMessages.en as Record<string, string>)[key] ?? '';
    expect(vi.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(placeholders(en)).toEqual(placeholders(vi));
    expect(vi).toBe(vi.normalize('NFC'));
  });

  it('has the same keys in both languages and none taken by another part', () => {
    expect(Object.keys(privacyMessages.en).sort()).toEqual(Object.keys(privacyMessages.vi).sort());
    const others = new Set([uiVi, vnVi, domainVi].flatMap((part) => Object.keys(part)));
    expect(Object.keys(privacyMessages.vi).filter((key) => others.has(key))).toEqual([]);
  });
});

describe('crypto refusals', () => {
  it.each([...CRYPTO_ERROR_CODES])('%s has a message', (code) => {
    expect(hasMessage(cryptoMessageKey(code))).toBe(true);
    setLanguage('vi');
    expect(new CryptoError(code).message).toBe(t(cryptoMessageKey(code)));
  });

  it.each([...SEALED_REJECTION_CODES])('the API code %s has its api_error message', (code) => {
    expect(hasMessage(`api_error.${code}`)).toBe(true);
    expect(cryptoMessageKey(code)).toBe(`api_error.${code}`);
  });
});
