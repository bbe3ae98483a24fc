import type { DeviceSealKey, Key, PinWrappedKey, SealOpeningKeys } from '../../shared/crypto';
import type { ServerSealKey } from '../../shared/protocol/sealed';
import type { SotayDb } from '../database';

/**
 * What unlocks this installation's personal data (src/shared/crypto/README.md, "The keys"), as
 * stored in the `meta` row `vault`: the data key wrapped by the PIN and, when a passkey was added,
 * by its PRF output; the device's sealing key (public half in clear, for capture while locked);
 * the PIN failures in a row. After ten wrong PINs only `wipedAt` is left.
 */
export type VaultRecord = {
  pin?: PinWrappedKey;
  passkey?: PasskeyRecord;
  device?: DeviceSealKey;
  failedPins: number;
  wipedAt?: string;
};

/** A passkey that unlocks: its credential id and the PRF input asked of it (base64url). */
export type PasskeyRecord = { credentialId: string; prfInput: string; wrapped: unknown };

/** The server's sealing key pinned at the first login of this installation (meta `serverSealKey`). */
export type PinnedServerKey = ServerSealKey;

/** The keys of an unlocked app: in memory only, gone on lock, reload or sign-out. */
export type UnlockedKeys = { dataKey: Key; deviceOpeners: SealOpeningKeys };

const unlocked = new WeakMap<SotayDb, UnlockedKeys>();
const listeners = new Set<() => void>();

export function unlockedKeys(db: SotayDb): UnlockedKeys | undefined {
  return unlocked.get(db);
}

export function isUnlocked(db: SotayDb): boolean {
  return unlocked.has(db);
}

export function rememberKeys(db: SotayDb, keys: UnlockedKeys): void {
  unlocked.set(db, keys);
  for (const listener of listeners) listener();
}

/** Locks: the keys are dropped; what is stored stays encrypted. */
export function forgetKeys(db: SotayDb): void {
  if (!unlocked.delete(db)) return;
  for (const listener of listeners) listener();
}

/** Called on every lock and unlock; returns the unsubscribe. */
export function onLockChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const VAULT_KEY = 'vault';
export const SERVER_SEAL_KEY = 'serverSealKey';

/**
 * Pins the server's sealing key of a login answer for this installation: the outbox seals for
 * it from then on. A later login of the same server after a key rotation brings the new one.
 */
export async function pinServerSealKey(db: SotayDb, key: PinnedServerKey): Promise<void> {
  await db.meta.put({ key: SERVER_SEAL_KEY, value: { kid: key.kid, jwk: key.jwk } });
}

export async function pinnedServerSealKey(db: SotayDb): Promise<PinnedServerKey | undefined> {
  // Only pinServerSealKey writes this row, from a login answer its schema checked.
  return (await db.meta.get(SERVER_SEAL_KEY))?.value as PinnedServerKey | undefined;
}

/**
 * The meta rows a protected write depends on, as last read in this context: the vault (a record
 * protected while locked, or before a PIN) and the pinned server key (its seal). A write that
 * protects and seals from them reads them again inside its transaction and, when they changed (a
 * PIN set in another tab, a login that pinned a new key), is done again from the fresh ones
 * (repositories/changed-meanwhile.ts): a stale copy costs one more try, never a wrong seal.
 */
export type VaultBasis = { vault: VaultRecord | undefined; serverKey: PinnedServerKey | undefined };

const bases = new WeakMap<SotayDb, VaultBasis>();

/** Reads the basis now (inside the caller's transaction, when there is one) and keeps it. */
export async function readVaultBasis(db: SotayDb): Promise<VaultBasis> {
  const [vault, serverKey] = await db.meta.bulkGet([VAULT_KEY, SERVER_SEAL_KEY]);
  // Only this folder writes these rows, in these shapes.
  const basis: VaultBasis = {
    vault: vault?.value as VaultRecord | undefined,
    serverKey: serverKey?.value as PinnedServerKey | undefined,
  };
  bases.set(db, basis);
  return basis;
}

/** The basis as last read in this context, without reading it again when there is one. */
export function lastVaultBasis(db: SotayDb): Promise<VaultBasis> {
  const known = bases.get(db);
  return known === undefined ? readVaultBasis(db) : Promise.resolve(known);
}

/** Wrong PINs in a row after which the readable personal data is wiped (docs/design.md §6). */
export const MAX_FAILED_PINS = 10;

export async function readVault(db: SotayDb): Promise<VaultRecord | undefined> {
  const row = await db.meta.get(VAULT_KEY);
  // Only this folder writes the row, in this shape.
  return row?.value as VaultRecord | undefined;
}

/** What the lock screen needs to know: has a PIN been set, is there a passkey, failures so far. */
export type VaultStatus = {
  hasPin: boolean;
  passkey: Pick<PasskeyRecord, 'credentialId' | 'prfInput'> | undefined;
  failedPins: number;
  wiped: boolean;
};

export async function vaultStatus(db: SotayDb): Promise<VaultStatus> {
  const vault = await readVault(db);
  return {
    hasPin: vault?.pin !== undefined,
    passkey: vault?.passkey && {
      credentialId: vault.passkey.credentialId,
      prfInput: vault.passkey.prfInput,
    },
    failedPins: vault?.failedPins ?? 0,
    wiped: vault?.wipedAt !== undefined,
  };
}
