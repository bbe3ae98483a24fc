import type { LockKey } from './lock';

/** English of lock.ts, loaded only when the user chooses English. */
export const lockEn: Record<LockKey, string> = {
  'lock.setupTitle': 'Set a PIN',
  'lock.setupIntro':
    "The PIN locks the workers' personal data on this device (names, dates of birth, ID numbers, phones). While the app is locked you see only counts and enterprise names; new applications and visits can still be recorded.",
  'lock.setupWiped':
    'The PIN was wrong 10 times: the personal data on this device has been wiped. Records waiting to be sent will still reach the server. Set a new PIN.',
  'lock.pin': 'PIN (at least 6 digits)',
  'lock.pinAgain': 'PIN again',
  'lock.setupButton': 'Set PIN',
  'lock.title': 'The app is locked',
  'lock.intro': "Enter your PIN to see the workers' personal data.",
  'lock.enterPin': 'PIN',
  'lock.unlock': 'Unlock',
  'lock.unlockPasskey': 'Unlock with fingerprint (passkey)',
  'lock.wrongPin':
    'Wrong PIN. {count, number} tries left; after that the personal data on this device is wiped.',
  'lock.passkeyFailed': 'The fingerprint did not unlock the app. Use your PIN.',
  'lock.working': 'Unlocking…',
  'lock.lockedNames': 'Locked: names are hidden.',
  'lock.lockedName': '(locked)',
  'lock.lockedApplication': 'Application (unlock to see the name)',
  'lock.securityTitle': 'Security',
  'lock.autoLock': 'Lock after being unused for',
  'lock.minutes': '{count, number} minutes',
  'lock.lockNow': 'Lock now',
  'lock.addPasskey': 'Add fingerprint unlock',
  'lock.addPasskeyPin': 'Enter your PIN to add a fingerprint',
  'lock.passkeyAdded': 'Fingerprint unlock added.',
  'lock.passkeyUnsupported': 'This browser or phone cannot unlock with a fingerprint.',
  'lock.passkeyReady': 'Fingerprint unlock is on.',
  'backup.passphrase': 'Backup file password (at least 10 characters)',
  'backup.passphraseAgain': 'Backup file password again',
  'backup.exportButton': 'Encrypt and download the backup',
  'backup.importPassphrase': "The backup file's password",
  'backup.importButton': 'Decrypt and import',
  'backup.exported': 'The encrypted backup file was downloaded.',
  'backup.lockedExport': 'Unlock to export a backup file.',
  'logout.keptOutbox':
    'Signed out. {count, plural, one {# unsent record is} other {# unsent records are}} kept on this device (sealed for the server) and will be sent once online and signed in again.',
};
