/**
 * Everything of the vault that uses cryptography, as one chunk loaded on first use (lazy.ts):
 * the first screen draws without it.
 */
export { protectTables, revealBackup } from './backup';
export { bindVault } from './context';
export { protectClearRows } from './migrate';
export { protectRecord, protectRecords, revealRow, revealRows } from './protect';
export { mutationToSend, protectAny, revealOutboxRows, sealForServer } from './records';
export {
  addPasskey,
  setUpVault,
  unlockWithPasskey,
  unlockWithPin,
} from './unlock';
export { wipePersonalData } from './wipe';
