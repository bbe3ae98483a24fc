import type { VnKey } from './vn';

/** English of vn.ts, loaded only when the user chooses English. */
export const vnEn: Record<VnKey, string> = {
  required: 'This field is required.',

  'tax_code.required': 'Enter the tax code.',
  'tax_code.too_long': 'The tax code is too long (at most {max} characters).',
  'tax_code.format':
    'A tax code has 10 digits, or 10 digits, a dash and a 3-digit branch number (e.g. 0100233488-001).',
  'tax_code.checksum': 'This tax code is not valid (wrong check digit). Please check it.',
  'tax_code.branch': 'The branch number (the 3 digits after the dash) cannot be 000.',

  'phone.required': 'Enter the phone number.',
  'phone.too_long': 'The phone number is too long (at most {max} characters).',
  'phone.format':
    'A phone number has only digits and starts with 0 or +84 (spaces, dots and dashes are fine).',
  'phone.country': 'Only Vietnamese phone numbers (+84) are accepted.',
  'phone.length':
    'A phone number has 10 digits (mobile) or 11 digits (landline), counting the leading 0; this one has {count}.',
  'phone.prefix': '{prefix} is not a Vietnamese mobile prefix.',

  'id_number.required': 'Enter the ID card or passport number.',
  'id_number.too_long': 'The ID number is too long (at most {max} characters).',
  'id_number.format': 'A citizen ID (CCCD) number has 12 digits (old CMND: 9 digits).',
  'id_number.province':
    'The first three digits of the CCCD number ({code}) are not a province code.',
  'id_number.century':
    'The fourth digit of the CCCD number ({digit}) is not valid: it can only be 0, 1 (born 1900–1999) or 2, 3 (born 2000–2099).',
  'id_number.gender_mismatch': 'The sex encoded in the CCCD number differs from the one entered.',
  'id_number.birth_year_mismatch':
    'The birth year encoded in the CCCD number ({idYear}) differs from the one entered ({year}).',
  'id_number.legacy_cmnd':
    'This is an old 9-digit CMND number. Enter the 12-digit CCCD number if the worker has one.',
  'id_number.passport': 'A passport number has 6–20 letters and digits, with at least one digit.',

  'date.required': 'Enter the date.',
  'date.too_long': 'The date is too long (at most {max} characters).',
  'date.format': 'Write the date as day/month/year, e.g. 29/02/2024.',
  'date.invalid': 'There is no day {day} in month {month} of {year}.',
  'date.month': 'There is no month {month}: months run from 1 to 12.',
  'date.year': 'The year {year} is not valid: please check it.',
};
