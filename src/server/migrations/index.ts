import type { Migration } from '../store/migrate';
import { m001Meta } from './001-meta';
import { m002AccountsSync } from './002-accounts-sync';
import { m003Hardening } from './003-hardening';
import { m004SealKeys } from './004-seal-keys';
import { m005Reports } from './005-reports';
import { m006Notices } from './006-notices';
import { m007EntryKinds } from './007-entry-kinds';
import { m008Privacy } from './008-privacy';

/** Every schema change, in order. Never edit a released migration: add the next one. */
export const migrations: readonly Migration[] = [
  m001Meta,
  m002AccountsSync,
  m003Hardening,
  m004SealKeys,
  m005Reports,
  m006Notices,
  m007EntryKinds,
  m008Privacy,
];
