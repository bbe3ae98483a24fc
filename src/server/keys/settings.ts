import { resolve } from 'node:path';
import type { Store } from '../store/types';
import { databaseSealKeyStore } from './database-key-store';
import { fileSealKeyStore } from './file-key-store';
import type { SealKeyStore } from './key-store';

/**
 * SEAL_KEY_FILE: where the sealing keys live. Unset → the database. A path → that file (made on
 * first use, 0600). Switching between the two strands records sealed for the other's keys:
 * choose once, before devices log in.
 */
export type SealKeySettings = { sealKeyFile?: string };

export function readSealKeySettings(env: Record<string, string | undefined>): SealKeySettings {
  const file = env['SEAL_KEY_FILE'];
  return file ? { sealKeyFile: resolve(file) } : {};
}

export function openSealKeyStore(store: Store, settings: SealKeySettings): SealKeyStore {
  return settings.sealKeyFile === undefined
    ? databaseSealKeyStore(store)
    : fileSealKeyStore(settings.sealKeyFile);
}
