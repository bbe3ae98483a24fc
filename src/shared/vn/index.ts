/**
 * Vietnamese data rules (DESIGN.md §4). Modules are split so that a bundle importing only,
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
export { cccdProvinceCodes } from './cccd-provinces';
export { daysInMonth, isLeapYear, parseDate } from './date';
export { formatDate, formatNumber, formatPercent, formatProgress, NO_VALUE } from './format';
export { type IdNumberContext, parseIdNumber } from './id-number';
export { type Issue, isValid, type Result } from './issue';
export { normalizeName, searchKey } from './names';
export { parsePhone } from './phone';
export { parseTaxCode, taxCodeCheckDigit } from './tax-code';
export { MAX_INPUT_LENGTH } from './text';
