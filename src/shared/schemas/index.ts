/**
 * Valibot schemas of the data model (docs/design.md §3) and the types inferred from them. Import from
 * here: `import { enterpriseSchema, type Enterprise, STAGES } from '../shared/schemas'`.
 */
export * from './common';
export { countryCodes, isCountryCode } from './countries';
export * from './decision';
export * from './enterprise';
export * from './enums';
export * from './indicator-entry';
export * from './personal';
export * from './signup';
export * from './target';
export * from './unit';
export * from './user';
export * from './visit';
