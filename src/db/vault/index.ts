/**
 * Privacy on the phone (docs/design.md §6): personal fields encrypted at rest, the lock, the
 * wipe after ten wrong PINs. The rest of src/db calls protect* before a write's transaction and
 * reveal* after a read; the app unlocks and locks through these functions. The cryptography is
 * loaded on first use (lazy.ts).
 */

export {
  hasClearPersonal,
  PERSONAL_FIELD,
  withProtection,
} from '../../shared/domain/personal-fields';
export {
  addPasskey,
  mutationToSend,
  protectAny,
  protectClearRows,
  protectRecord,
  protectTables,
  revealBackup,
  revealOutboxRows,
  revealRow,
  revealRows,
  sealForServer,
  setUpVault,
  unlockWithPasskey,
  unlockWithPin,
  wipePersonalData,
} from './lazy';
export type { SendableMutation } from './records';
export {
  forgetKeys as lockVault,
  isUnlocked,
  lastVaultBasis,
  MAX_FAILED_PINS,
  onLockChange,
  pinServerSealKey,
  readVault,
  readVaultBasis,
  type VaultBasis,
  type VaultRecord,
  type VaultStatus,
  vaultStatus,
} from './state';
export type { PinOptions, UnlockOutcome } from './unlock';
