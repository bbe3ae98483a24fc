import source from './data/vn-admin-units-2025.json';

/** A province/city or a commune/ward/special zone of the 2025 two-level administration. */
export type AdminUnit = { code: string; name: string };
export type Ward = AdminUnit & { provinceCode: string };

// The shape of data/vn-admin-units-2025.json. Replacing the file with a newer one of the same
// shape is all it takes to follow a boundary change; this is the only module that reads it.
type AdminUnitsFile = {
  provinces: ReadonlyArray<AdminUnit & { wards: ReadonlyArray<AdminUnit> }>;
};

type AdminIndex = {
  provinces: readonly AdminUnit[];
  wardsByProvince: ReadonlyMap<string, readonly AdminUnit[]>;
};

type CodeIndex = {
  provinceByCode: ReadonlyMap<string, AdminUnit>;
  wardByCode: ReadonlyMap<string, Ward>;
};

// Built on first call, not at import: nothing runs when a bundle merely includes this module.
let cached: AdminIndex | undefined;
// Apart from the sorted lists: naming a unit by its code (the list, an address) sorts nothing.
let byCode: CodeIndex | undefined;

function adminIndex(): AdminIndex {
  cached ??= buildIndex(source);
  return cached;
}

function codeIndex(): CodeIndex {
  byCode ??= {
    provinceByCode: new Map(source.provinces.map((province) => [province.code, unit(province)])),
    wardByCode: new Map(
      source.provinces.flatMap((province) =>
        province.wards.map((ward): [string, Ward] => [
          ward.code,
          Object.freeze({ ...unit(ward), provinceCode: province.code }),
        ]),
      ),
    ),
  };
  return byCode;
}

function buildIndex(file: AdminUnitsFile): AdminIndex {
  const collator = new Intl.Collator('vi');
  const byName = (a: AdminUnit, b: AdminUnit) =>
    collator.compare(a.name, b.name) || collator.compare(a.code, b.code);
  const wardsByProvince = new Map<string, readonly AdminUnit[]>();
  for (const province of file.provinces) {
    wardsByProvince.set(province.code, Object.freeze(province.wards.map(unit).sort(byName)));
  }
  const provinces = Object.freeze(file.provinces.map(unit).sort(byName));
  return { provinces, wardsByProvince };
}

function unit({ code, name }: AdminUnit): AdminUnit {
  return Object.freeze({ code, name: name.normalize('NFC') });
}

function key(code: unknown): string {
  return typeof code === 'string' ? code.trim() : '';
}

/** The 34 provinces and centrally-run cities, sorted by name (Vietnamese collation). */
export function provinces(): AdminUnit[] {
  return [...adminIndex().provinces];
}

/** Communes, wards and special zones of a province, sorted by name; unknown province → []. */
export function wards(provinceCode: string): AdminUnit[] {
  return [...(adminIndex().wardsByProvince.get(key(provinceCode)) ?? [])];
}

export function findProvince(code: string): AdminUnit | undefined {
  return codeIndex().provinceByCode.get(key(code));
}

/** The ward with this code and the province it belongs to (to check a provinceCode/wardCode pair). */
export function findWard(code: string): Ward | undefined {
  return codeIndex().wardByCode.get(key(code));
}
