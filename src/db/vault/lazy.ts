import {
  hasClearPersonal,
  hasPersonalFields,
  PERSONAL_FIELD,
  type PersonalEntity,
  splitPersonal,
} from '../../shared/domain/personal-fields';
import type { SotayDb } from '../database';
import { guardStorage } from '../errors';
import { toMutation } from '../rows';
import {
  forgetKeys,
  MAX_FAILED_PINS,
  pinnedServerSealKey,
  readVault,
  rememberKeys,
  unlockedKeys,
  VAULT_KEY,
} from './state';

/**
 * The vault's entry points for the rest of src/db and the app: each loads the cryptography
 * (code.ts) on its first call, so the first screen's JavaScript does not carry it. After that
 * first load the import is a resolved promise.
 */

let loading: Promise<Code> | undefined;
const code = () => {
  loading ??= import('./code').then((loaded) => {
    loaded.bindVault({
      guardStorage,
      toMutation,
      readVault,
      pinnedServerSealKey,
      unlockedKeys,
      rememberKeys,
      forgetKeys,
      VAULT_KEY,
      MAX_FAILED_PINS,
      fields: { PERSONAL_FIELD, splitPersonal, hasClearPersonal, hasPersonalFields },
    });
    return loaded;
  });
  return loading;
};

type Code = typeof import('./code');
type Loaded = Omit<Code, 'bindVault'>;

/** `name` of the chunk, called once it is loaded. */
function later<K extends keyof Loaded>(name: K): Loaded[K] {
  const call = async (...args: unknown[]) =>
    ((await code())[name] as (...given: unknown[]) => unknown)(...args);
  // The same function as the chunk's, typed as it: it forwards its arguments and its promise.
  return call as unknown as Loaded[K];
}

export const protectRecord = later('protectRecord');
const laterRevealRows = later('revealRows');

/**
 * Locked, or with nothing protected, a read needs no cryptography, and the enterprise page's tap
 * does not wait for the chunk. Locked, the rows come back as stored: without their personal
 * fields, their ciphertext left in place, opaque (a draft typed in still counts as typed: the
 * drafts list and the sign-out's question count it).
 */
export function revealRows<T extends object>(
  db: SotayDb,
  entity: PersonalEntity,
  rows: readonly T[],
): Promise<T[]> {
  if (!rows.some((row) => PERSONAL_FIELD in row) || unlockedKeys(db) === undefined) {
    return Promise.resolve([...rows]);
  }
  return laterRevealRows(db, entity, rows);
}

export async function revealRow<T extends object>(
  db: SotayDb,
  entity: PersonalEntity,
  row: T,
): Promise<T> {
  const [revealed] = await revealRows(db, entity, [row]);
  return revealed ?? row;
}
export const protectAny = later('protectAny');
export const mutationToSend = later('mutationToSend');
export const revealBackup = later('revealBackup');
export const revealOutboxRows = later('revealOutboxRows');
export const protectTables = later('protectTables');
export const protectClearRows = later('protectClearRows');
export const setUpVault = later('setUpVault');
export const unlockWithPin = later('unlockWithPin');
export const unlockWithPasskey = later('unlockWithPasskey');
export const addPasskey = later('addPasskey');
export const wipePersonalData = later('wipePersonalData');
export const sealForServer = later('sealForServer');
