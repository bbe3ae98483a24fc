/**
 * Vietnamese data rules (docs/design.md §4). Modules are split so that a bundle importing only,
 * say, searchKey does not carry the 225 KB administrative-unit data (admin-units.ts).
 */

export {
  type AdminUnit,
  findProvince,
  findWard,
  provinces,
  type Ward,
  wards,
} from './admin-units';
export * from './core';
