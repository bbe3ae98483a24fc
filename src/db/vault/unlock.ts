import {
  createDataKey,
  createDeviceSealKey,
  DATA_KEY_USAGES,
  deviceOpeningKeys,
  isCryptoError,
  type Key,
  pinWrapNeedsUpgrade,
  unwrapDataKeyWithPin,
  unwrapDataKeyWithPrf,
  wrapDataKeyWithPin,
  wrapDataKeyWithPrf,
} from '../../shared/crypto';
import type { SotayDb } from '../database';
import { vaultContext } from './context';
import { protectClearRows } from './migrate';
import type { PasskeyRecord, VaultRecord } from './state';
import { wipePersonalData } from './wipe';

/** The same data key, not extractable: the one the app keeps in memory while unlocked. */
async function subtleKeyCopy(extractable: Key): Promise<Key> {
  const subtle = globalThis.crypto.subtle;
  const raw = await subtle.exportKey('raw', extractable);
  return subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, [...DATA_KEY_USAGES]);
}

/** `iterations` is for tests only (PBKDF2's count); the app never passes it. */
export type PinOptions = { iterations?: number };

async function unlockWith(db: SotayDb, dataKey: Key, vault: VaultRecord): Promise<void> {
  if (vault.device === undefined) throw new Error('vault without a device key');
  const deviceOpeners = await deviceOpeningKeys(dataKey, vault.device);
  vaultContext().rememberKeys(db, { dataKey, deviceOpeners });
}

/**
 * The first PIN of this installation (or the first after a wipe): a new data key, wrapped by the
 * PIN, and a new device sealing key. The app is unlocked after, and what an older version or a
 * pull before the PIN left in clear is encrypted at once.
 */
export async function setUpVault(
  db: SotayDb,
  pin: string,
  options: PinOptions = {},
): Promise<void> {
  const extractable = await createDataKey();
  const [pinWrapped, device, dataKey] = await Promise.all([
    wrapDataKeyWithPin(extractable, pin, options),
    createDeviceSealKey(extractable),
    subtleKeyCopy(extractable),
  ]);
  const vault: VaultRecord = { pin: pinWrapped, device, failedPins: 0 };
  await vaultContext().guardStorage(() =>
    db.meta.put({ key: vaultContext().VAULT_KEY, value: vault }),
  );
  await unlockWith(db, dataKey, vault);
  await protectClearRows(db);
}

export type UnlockOutcome =
  | { ok: true }
  | { ok: false; reason: 'wrong_pin'; remaining: number }
  | { ok: false; reason: 'wiped' };

/**
 * Unlocks with the PIN. A wrong one counts; the tenth in a row wipes the readable personal data
 * (queued records, sealed for the server, are still delivered).
 */
export async function unlockWithPin(
  db: SotayDb,
  pin: string,
  options: PinOptions = {},
): Promise<UnlockOutcome> {
  const vault = await vaultContext().readVault(db);
  if (vault?.pin === undefined) return { ok: false, reason: 'wiped' };
  let dataKey: Key;
  try {
    dataKey = await unwrapDataKeyWithPin(vault.pin, pin);
  } catch (error) {
    if (!isCryptoError(error) || error.code !== 'wrong_pin') throw error;
    return countFailure(db);
  }
  await setFailures(db, 0);
  await unlockWith(db, dataKey, vault);
  // A PIN set with fewer iterations than today's is wrapped again at the next unlock.
  if (options.iterations === undefined) await upgradePinWrap(db, vault, pin);
  return { ok: true };
}

async function upgradePinWrap(db: SotayDb, vault: VaultRecord, pin: string): Promise<void> {
  if (vault.pin === undefined || !pinWrapNeedsUpgrade(vault.pin)) return;
  const extractable = await unwrapDataKeyWithPin(vault.pin, pin, { extractable: true });
  const rewrapped = await wrapDataKeyWithPin(extractable, pin);
  await updateVault(db, (stored) => ({ ...stored, pin: rewrapped }));
}

async function countFailure(db: SotayDb): Promise<UnlockOutcome> {
  const failures = await updateVault(db, (vault) => ({
    ...vault,
    failedPins: vault.failedPins + 1,
  }));
  if (failures >= vaultContext().MAX_FAILED_PINS) {
    await wipePersonalData(db);
    return { ok: false, reason: 'wiped' };
  }
  return { ok: false, reason: 'wrong_pin', remaining: vaultContext().MAX_FAILED_PINS - failures };
}

function setFailures(db: SotayDb, failedPins: number): Promise<number> {
  return updateVault(db, (vault) => ({ ...vault, failedPins }));
}

/** Rewrites the vault row in one transaction; returns the failures after. */
function updateVault(db: SotayDb, change: (vault: VaultRecord) => VaultRecord): Promise<number> {
  return vaultContext().guardStorage(() =>
    db.transaction('rw', db.meta, async () => {
      const vault = await vaultContext().readVault(db);
      if (vault === undefined) return 0;
      const next = change(vault);
      await db.meta.put({ key: vaultContext().VAULT_KEY, value: next });
      return next.failedPins;
    }),
  );
}

/** Unlocks with a passkey's PRF output (32 bytes); another passkey's → false. */
export async function unlockWithPasskey(db: SotayDb, prfOutput: ArrayBuffer): Promise<boolean> {
  const vault = await vaultContext().readVault(db);
  if (vault?.passkey === undefined) return false;
  try {
    const dataKey = await unwrapDataKeyWithPrf(vault.passkey.wrapped, prfOutput);
    await setFailures(db, 0);
    await unlockWith(db, dataKey, vault);
    return true;
  } catch (error) {
    if (isCryptoError(error)) return false;
    throw error;
  }
}

/**
 * Adds a passkey as a second way in: the PIN proves the user and gives the data key once more
 * (the key kept while unlocked cannot be exported, so it cannot be wrapped again).
 */
export async function addPasskey(
  db: SotayDb,
  pin: string,
  passkey: { credentialId: string; prfInput: string; prfOutput: ArrayBuffer },
): Promise<boolean> {
  const vault = await vaultContext().readVault(db);
  if (vault?.pin === undefined) return false;
  let extractable: Key;
  try {
    extractable = await unwrapDataKeyWithPin(vault.pin, pin, { extractable: true });
  } catch (error) {
    if (isCryptoError(error) && error.code === 'wrong_pin') return false;
    throw error;
  }
  const wrapped = await wrapDataKeyWithPrf(extractable, passkey.prfOutput);
  const record: PasskeyRecord = {
    credentialId: passkey.credentialId,
    prfInput: passkey.prfInput,
    wrapped,
  };
  await updateVault(db, (stored) => ({ ...stored, passkey: record }));
  return true;
}
