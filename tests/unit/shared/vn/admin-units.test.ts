import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findProvince, findWard, provinces, wards } from '../../../../src/shared/vn';

const collator = new Intl.Collator('vi');
const isSorted = (names: string[]) =>
  names.every((name, i) => i === 0 || collator.compare(names[i - 1] ?? '', name) <= 0);

describe('provinces', () => {
  it('lists the 34 provinces of the 2025 reorganisation, sorted in Vietnamese order', () => {
    const list = provinces();
    expect(list).toHaveLength(34);
    expect(isSorted(list.map((p) => p.name))).toBe(true);
    expect(list).toContainEqual({ code: '01', name: 'Thành phố Hà Nội' });
    expect(list).toContainEqual({ code: '92', name: 'Thành phố Cần Thơ' });
    expect(new Set(list.map((p) => p.code)).size).toBe(34);
  });

  it('gives a fresh array each time, so callers cannot corrupt the list', () => {
    const first = provinces();
    first.pop();
    expect(provinces()).toHaveLength(34);
  });

  it('stores names in NFC', () => {
    for (const { name } of provinces()) expect(name).toBe(name.normalize('NFC'));
  });
});

describe('wards', () => {
  it.each([
    ['01', 126],
    ['79', 168],
    ['92', 103],
    ['96', 64],
    [' 01 ', 126],
  ])('province %j has %d communes and wards, sorted by name', (code, count) => {
    const list = wards(code);
    expect(list).toHaveLength(count);
    expect(isSorted(list.map((w) => w.name))).toBe(true);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(['code', 'name']);
  });

  it('covers all 3,314 units with unique codes', () => {
    const all = provinces().flatMap((p) => wards(p.code));
    expect(all).toHaveLength(3314);
    expect(new Set(all.map((w) => w.code)).size).toBe(3314);
  });

  it('sorts Đ after D as Vietnamese readers expect', () => {
    const names = wards('48').map((w) => w.name);
    const firstD = names.findIndex((n) => n.startsWith('Xã Đ'));
    const lastPlainD = names.findLastIndex((n) => /^Xã D/.test(n));
    expect(lastPlainD).toBeGreaterThan(-1);
    expect(firstD).toBeGreaterThan(lastPlainD);
  });

  it.each(['', '1', '001', '02', '99', 'HN', '<script>', '01'.repeat(5000)])(
    'gives an empty list for unknown province %j',
    (code) => {
      expect(wards(code)).toEqual([]);
    },
  );
});

describe('findProvince and findWard', () => {
  it('finds a province by code', () => {
    expect(findProvince('79')).toEqual({ code: '79', name: 'Thành phố Hồ Chí Minh' });
    expect(findProvince('02')).toBeUndefined();
  });

  it('finds a ward with the province it belongs to', () => {
    expect(findWard('00004')).toEqual({
      code: '00004',
      name: 'Phường Ba Đình',
      provinceCode: '01',
    });
    expect(findWard('4')).toBeUndefined();
    expect(findWard('')).toBeUndefined();
  });

  it('agrees with wards() for every unit', () => {
    for (const province of provinces()) {
      for (const ward of wards(province.code)) {
        expect(findWard(ward.code)?.provinceCode).toBe(province.code);
      }
    }
  });
});

describe('bundled data', () => {
  const dataDir = new URL('../../../../src/shared/vn/data/', import.meta.url);

  it('ships the licence notice of its source next to it', () => {
    const readme = readFileSync(new URL('README.md', dataDir), 'utf8');
    expect(readme).toContain('MIT License');
    expect(readme).toContain('Copyright (c) 2021 Thang Le Quoc');
    expect(readme).toContain('thanglequoc/vietnamese-provinces-database');
  });

  it('is read by one module only, so the file can be replaced', () => {
    const sources = ['index.ts', 'names.ts', 'format.ts', 'date.ts', 'id-number.ts'].map((file) =>
      readFileSync(new URL(`../${file}`, dataDir), 'utf8'),
    );
    for (const source of sources) expect(source).not.toContain('vn-admin-units');
  });
});
