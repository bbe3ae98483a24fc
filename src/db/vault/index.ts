/**
 * Privacy on the phone (docs/design.md §6): personal fields encrypted at rest, the lock, the
 * wipe after ten wrong PINs. The rest of src/db calls protect* before a write's transaction and
 * reveal* after a read; the app unlocks and locks through these functions.
 */
export { protectClearRows } from './migrate';
export {
  hasClearPersonal,
  PERSONAL_FIELD,
  protectRecord,
  protectRecords,
  revealRow,
  revealRows,
} from './protect';
export {
  mutationToSend,
  protectAny,
  protectOutboxRow,
  protectShadow,
  revealOutboxRow,
  revealRecord,
  revealShadow,
  type SendableMutation,
  withProtection,
} from './records';
export { isUnlocked, onLockChange, readVault, type VaultRecord } from './state';
export {
  addPasskey,
  lockVault,
  MAX_FAILED_PINS,
  type PinOptions,
  setUpVault,
  type UnlockOutcome,
  unlockWithPasskey,
  unlockWithPin,
  type VaultStatus,
  vaultStatus,
} from './unlock';
export { wipePersonalData } from './wipe';
