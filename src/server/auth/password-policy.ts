import { t } from '../../shared/i18n';
import { MIN_PASSWORD_LENGTH } from '../../shared/protocol';
import type { FieldError } from '../http/errors';
import commonPasswords from './common-passwords.json';

/**
 * What a new password must not be (issue 14 point 7), beyond the length the request schema
 * checks: one of the 17,950 most common passwords of that length (common-passwords.json, see its
 * LICENSE file), the username or anything containing it, or one character repeated. Checked
 * wherever a password is set: the admin API and CLI, ADMIN_PASSWORD, a password change. The
 * list stays on the server: the app's bundle does not carry it.
 */
const COMMON = new Set<string>(commonPasswords);

export type PasswordRule = 'common' | 'contains_username' | 'repeated_character';

function brokenRule(password: string, username: string): PasswordRule | undefined {
  const folded = password.normalize('NFC').toLowerCase();
  const name = username.toLowerCase();
  if (name !== '' && folded.includes(name)) return 'contains_username';
  if (new Set(folded).size === 1) return 'repeated_character';
  if (COMMON.has(folded)) return 'common';
  return undefined;
}

/** The field error for `password`, or none; the message names the rule. */
export function passwordIssues(
  password: string,
  username: string,
  field = 'password',
): FieldError[] {
  if ([...password].length < MIN_PASSWORD_LENGTH) return [];
  const rule = brokenRule(password, username);
  if (!rule) return [];
  return [{ field, code: `password.${rule}`, message: t(`password.${rule}`) }];
}
