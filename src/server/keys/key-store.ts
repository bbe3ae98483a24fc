import type { SealKeyPair, SealPrivateJwk } from '../../shared/crypto';

/**
 * Where the server's sealing keys live: the database (default) or the file named by
 * SEAL_KEY_FILE. Both keep every key ever made until an admin retires it; exactly one key not
 * retired is current (the one handed to devices at login).
 */

export type SealKeyRecord = {
  kid: string;
  privateJwk: SealPrivateJwk;
  current: boolean;
  /** ISO date-times. */
  createdAt: string;
  retiredAt: string | null;
};

/** `rotate`: the new key becomes current. `if-none`: only when there is no current key yet. */
export type AddMode = 'rotate' | 'if-none';

export type RetireOutcome = 'retired' | 'unknown' | 'current' | 'already_retired';

export interface SealKeyStore {
  /** For messages: "the database" or the file's path. */
  readonly location: string;
  /** Every key, retired ones included, newest first. */
  list(): Promise<SealKeyRecord[]>;
  /** Adds `key` per `mode`, atomically and durably; returns the current key afterwards. */
  add(key: SealKeyPair, mode: AddMode): Promise<SealKeyRecord>;
  /** Retires a previous key: it no longer opens anything. The current key cannot be retired. */
  retire(kid: string): Promise<RetireOutcome>;
}

/** The keys' storage cannot be read or changed; the message tells the operator what to fix. */
export class SealKeyError extends Error {
  override readonly name = 'SealKeyError';
}
