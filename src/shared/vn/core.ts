/**
 * The Vietnamese data rules without the administrative-unit data: what a bundle that must stay
 * small (the app's first screen, the service worker) imports. index.ts adds provinces/wards.
 */

export { cccdProvinceCodes } from './cccd-provinces';
export { daysInMonth, isLeapYear, parseDate } from './date';
export { formatDate, formatNumber, formatPercent, formatProgress, NO_VALUE } from './format';
export { type IdNumberContext, parseIdNumber } from './id-number';
export { type Issue, isValid, type Result } from './issue';
export { normalizeName, searchKey } from './names';
export { parsePhone } from './phone';
export { parseTaxCode, taxCodeCheckDigit } from './tax-code';
export { MAX_INPUT_LENGTH } from './text';
