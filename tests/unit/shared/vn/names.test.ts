import { describe, expect, it } from 'vitest';
import { normalizeName, searchKey } from '../../../../src/shared/vn';

// Unikey in "Unicode tổ hợp" mode sends decomposed text: base letter + combining marks.
const nfd = (text: string) => text.normalize('NFD');

describe('searchKey', () => {
  it.each([
    ['Hoà', 'hoa'],
    ['Hòa', 'hoa'],
    [nfd('Hoà'), 'hoa'],
    [nfd('Hòa'), 'hoa'],
    ['HOÀ', 'hoa'],
    ['hoa', 'hoa'],
    ['Nguyễn Văn An', 'nguyen van an'],
    [nfd('Nguyễn Văn An'), 'nguyen van an'],
    ['NGUYỄN VĂN AN', 'nguyen van an'],
    ['Đặng Thị Đào', 'dang thi dao'],
    ['đường', 'duong'],
    ['ĐỒNG NAI', 'dong nai'],
    ['Ðặng', 'dang'], // U+00D0 from old encoding converters
    ['Thuỷ', 'thuy'],
    ['Thủy', 'thuy'],
    ['Khánh Hòa', 'khanh hoa'],
    ['Thanh Hoá', 'thanh hoa'],
    ['Bà Rịa – Vũng Tàu', 'ba ria – vung tau'],
    ['Ơn ưng ữ', 'on ung u'],
    ['  Trần   Hưng\tĐạo\n', 'tran hung dao'],
    ['Lê\u00a0Lợi', 'le loi'],
    ['Lý\u200bThường Kiệt', 'lythuong kiet'],
    ['Phường 1', 'phuong 1'],
    ['Công ty TNHH May Việt Tiến', 'cong ty tnhh may viet tien'],
    ['H’Hen Niê', 'h’hen nie'],
    ['Samsung Electronics Việt Nam', 'samsung electronics viet nam'],
    ['', ''],
    ['   ', ''],
    ['😀 Ánh', '😀 anh'],
    ['\u0000Minh\u0007', 'minh'],
    ['Ỳ Ý Ỷ Ỹ Ỵ', 'y y y y y'],
    ['ẤẦẨẪẬ ẮẰẲẴẶ', 'aaaaa aaaaa'],
  ])('%j → %j', (input, expected) => {
    expect(searchKey(input)).toBe(expected);
  });

  it('makes old and new tone placement and both normal forms equal', () => {
    const keys = new Set(['Hoà', 'Hòa', nfd('Hoà'), nfd('Hòa'), 'HOÀ', 'hoa'].map(searchKey));
    expect([...keys]).toEqual(['hoa']);
  });

  it('is idempotent', () => {
    for (const text of ['Nguyễn Văn An', nfd('Đặng Thị Hoà'), '  A  b ']) {
      expect(searchKey(searchKey(text))).toBe(searchKey(text));
    }
  });
});

describe('normalizeName', () => {
  it.each([
    ['nguyễn văn  an', 'Nguyễn Văn An'],
    ['ĐẶNG THỊ', 'Đặng Thị'],
    ['đặng thị đào', 'Đặng Thị Đào'],
    ['NGUYỄN VĂN AN', 'Nguyễn Văn An'],
    ['nGUYỄN vĂN aN', 'Nguyễn Văn An'],
    [nfd('nguyễn văn an'), 'Nguyễn Văn An'],
    ['  trần   hưng\tđạo \n', 'Trần Hưng Đạo'],
    ['lê\u00a0thị\u00a0ánh', 'Lê Thị Ánh'],
    ['ông ích khiêm', 'Ông Ích Khiêm'],
    ['ưng hoàng phúc', 'Ưng Hoàng Phúc'],
    ['ỷ lan', 'Ỷ Lan'],
    ['ÂU DƯƠNG', 'Âu Dương'],
    ['ơn', 'Ơn'],
    ['h’hen niê', 'H’Hen Niê'],
    ["h'luân", "H'Luân"],
    ['y-moan ênuôl', 'Y-Moan Ênuôl'],
    ['ksor h’bia', 'Ksor H’Bia'],
    ['john o’brien', 'John O’Brien'],
    ['kim min-jun', 'Kim Min-Jun'],
    ['a', 'A'],
    ['', ''],
    ['    ', ''],
    ['\u0000an\u200b', 'An'],
    ['văn an 2', 'Văn An 2'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  // Both spellings are correct Vietnamese and the stored name must match the person's CCCD,
  // so tone placement is kept as typed; only the normal form (NFC) is unified.
  it.each([
    ['hoà', 'Hoà'],
    ['hòa', 'Hòa'],
    [nfd('hoà'), 'Hoà'],
    [nfd('hòa'), 'Hòa'],
    ['THUỶ', 'Thuỷ'],
    ['THỦY', 'Thủy'],
    ['khoẻ', 'Khoẻ'],
    ['quý', 'Quý'],
  ])('keeps tone placement: %j → %j', (input, expected) => {
    const name = normalizeName(input);
    expect(name).toBe(expected);
    expect(name).toBe(name.normalize('NFC'));
  });

  it('returns NFC even for NFD input, and is idempotent', () => {
    for (const text of [nfd('Nguyễn Thị Hoà'), 'ĐẶNG  THỊ', 'h’hen niê']) {
      const name = normalizeName(text);
      expect(name).toBe(name.normalize('NFC'));
      expect(normalizeName(name)).toBe(name);
    }
  });

  it('keeps names with different tone placement apart but gives them one search key', () => {
    expect(normalizeName('Hoà')).not.toBe(normalizeName('Hòa'));
    expect(searchKey(normalizeName('Hoà'))).toBe(searchKey(normalizeName('Hòa')));
  });
});
