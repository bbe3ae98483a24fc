import type { PrivacyKey } from './privacy';

/** English of privacy.ts, loaded only when the user chooses English. */
export const privacyEn: Record<PrivacyKey, string> = {
  'api_error.sealed_unknown_key':
    'The record was sealed with a server key that is no longer in use. Log in again to receive the current key.',
  'api_error.sealed_invalid': 'The sealed record is damaged or not valid.',

  'crypto.key_invalid': 'The encryption key is not valid.',
  'crypto.record_unreadable':
    'The data on this device cannot be decrypted (it is damaged, or the key is not the right one).',
  'crypto.wrong_pin': 'Wrong PIN.',
  'crypto.wrong_prf_secret': 'The passkey (fingerprint) did not unlock the app. Use your PIN.',
  'crypto.pin_weak': 'The PIN is not safe enough.',
  'crypto.backup_passphrase_weak': 'The backup file password is not safe enough.',
  'crypto.backup_wrong_passphrase': 'Wrong backup file password.',
  'crypto.backup_not_a_backup': 'This file is not an encrypted Sổ tay backup.',
  'crypto.backup_newer_version':
    'This backup was made by a newer version of the app. Update the app and try again.',

  'pin.required': 'Enter a PIN.',
  'pin.digits_only': 'A PIN has digits only.',
  'pin.too_short': 'A PIN needs at least {min} digits.',
  'pin.repeated': 'A PIN may not be one digit repeated (like 111111).',
  'pin.sequence': 'A PIN may not be a run of consecutive digits (like 123456 or 654321).',
  'pin.pattern': 'A PIN may not repeat a short group of digits (like 121212 or 123123).',
  'pin.mismatch': 'The two PINs do not match.',
  'backup_passphrase.required': 'Enter a password for the backup file.',
  'backup_passphrase.too_short': 'The backup file password needs at least {min} characters.',
  'backup_passphrase.mismatch': 'The two backup file passwords do not match.',

  'access_log.title': 'Access log of personal data',
  'access_log.note': 'Each line: who received the personal data of how many records, when and why.',
  'access_log.at': 'Time',
  'access_log.user': 'Account',
  'access_log.unit': 'Unit',
  'access_log.purpose': 'Purpose',
  'access_log.entity': 'Record type',
  'access_log.count': 'Records',
  'access_log.purpose.pull': 'Sync to a device',
  'access_log.purpose.export': 'File export',
  'access_log.purpose.report': 'Report',
  'access_log.entity.signup': 'Applications',
  'access_log.entity.visit': 'Visit logs',
};
