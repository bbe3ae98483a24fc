import { type Issue, makeIssue } from '../vn/issue';
import { MIN_BACKUP_PASSPHRASE_LENGTH, MIN_PIN_DIGITS } from './params';

/**
 * What a PIN and a backup passphrase must be (README.md, "PIN"). A 6-digit PIN has a million
 * values; the ones people pick first (one digit repeated, a run, a short group repeated) are
 * refused because a finder of the phone tries them first. Issues like the rest of src/shared.
 */

function isRun(digits: readonly number[], step: 1 | 9): boolean {
  // Steps are taken modulo 10, so 789012 and 210987 count as runs too.
  return digits.every((digit, i) => i === 0 || (digit - (digits[i - 1] ?? 0) + 10) % 10 === step);
}

function repeatsBlock(pin: string, period: number): boolean {
  return pin.length > period && [...pin].every((char, i) => i < period || char === pin[i - period]);
}

function weakness(pin: string): 'pin.repeated' | 'pin.sequence' | 'pin.pattern' | undefined {
  if (repeatsBlock(pin, 1)) return 'pin.repeated';
  const digits = [...pin].map(Number);
  if (isRun(digits, 1) || isRun(digits, 9)) return 'pin.sequence';
  if (repeatsBlock(pin, 2) || repeatsBlock(pin, 3)) return 'pin.pattern';
  return undefined;
}

/** Findings on a new PIN (field `pin`) and, when given, its confirmation (`pinConfirmation`). */
export function checkPin(pin: string, confirmation?: string): Issue[] {
  const issues: Issue[] = [];
  if (pin === '') issues.push(makeIssue('pin', 'error', 'pin.required'));
  else if (!/^[0-9]+$/.test(pin)) issues.push(makeIssue('pin', 'error', 'pin.digits_only'));
  else if (pin.length < MIN_PIN_DIGITS) {
    issues.push(makeIssue('pin', 'error', 'pin.too_short', { min: MIN_PIN_DIGITS }));
  } else {
    const weak = weakness(pin);
    if (weak) issues.push(makeIssue('pin', 'error', weak));
  }
  if (confirmation !== undefined && confirmation !== pin) {
    issues.push(makeIssue('pinConfirmation', 'error', 'pin.mismatch'));
  }
  return issues;
}

export function hasPinErrors(pin: string): boolean {
  return checkPin(pin).some((issue) => issue.level === 'error');
}

/** Findings on a new backup passphrase (field `passphrase`) and its confirmation. */
export function checkBackupPassphrase(passphrase: string, confirmation?: string): Issue[] {
  const issues: Issue[] = [];
  const length = [...passphrase.normalize('NFC')].length;
  if (passphrase.trim() === '') {
    issues.push(makeIssue('passphrase', 'error', 'backup_passphrase.required'));
  } else if (length < MIN_BACKUP_PASSPHRASE_LENGTH) {
    const min = MIN_BACKUP_PASSPHRASE_LENGTH;
    issues.push(makeIssue('passphrase', 'error', 'backup_passphrase.too_short', { min }));
  }
  if (confirmation !== undefined && confirmation.normalize('NFC') !== passphrase.normalize('NFC')) {
    issues.push(makeIssue('passphraseConfirmation', 'error', 'backup_passphrase.mismatch'));
  }
  return issues;
}
