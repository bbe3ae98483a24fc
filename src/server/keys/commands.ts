import { generateSealKeyPair } from '../../shared/crypto';
import { SealKeyError, type SealKeyStore } from './key-store';

/**
 * The admin CLI's seal key commands, as plain functions returning what to print (like
 * cli/commands.ts). A refusal is a SealKeyError whose message says what to do.
 */

export const SEAL_KEY_USAGE = `  seal-key rotate                make a new current sealing key (previous keys still open)
  seal-key retire --kid <kid>    stop opening records sealed for a previous key
  seal-key list`;

/** A new current key; every previous key keeps opening what was sealed for it until retired. */
export async function rotateSealKey(keys: SealKeyStore): Promise<string> {
  const added = await keys.add(await generateSealKeyPair(), 'rotate');
  const previous = (await keys.list()).filter((key) => !key.current && key.retiredAt === null);
  const still =
    previous.length > 0
      ? ` Previous keys still open what was sealed for them: ${previous.map((key) => key.kid).join(', ')}.`
      : '';
  return `New current seal key ${added.kid} in ${keys.location}. Devices receive it at their next login.${still}`;
}

const RETIRE_REFUSALS = {
  unknown: (kid: string) => `There is no seal key ${kid}: see seal-key list.`,
  current: (kid: string) =>
    `Seal key ${kid} is the current key: seal-key rotate first, then retire it once devices have logged in again.`,
} as const;

/**
 * Retires a previous key. Records still queued on a device for it will be rejected
 * (`sealed_unknown_key`): retire only once every device has delivered or logged in again.
 */
export async function retireSealKey(keys: SealKeyStore, kid: string): Promise<string> {
  const outcome = await keys.retire(kid);
  if (outcome === 'unknown' || outcome === 'current') {
    throw new SealKeyError(RETIRE_REFUSALS[outcome](kid));
  }
  return outcome === 'retired'
    ? `Seal key ${kid} retired: records sealed for it no longer open.`
    : `Seal key ${kid} was already retired.`;
}

export async function listSealKeys(keys: SealKeyStore): Promise<string> {
  const listed = await keys.list();
  if (listed.length === 0)
    return `No seal keys in ${keys.location} yet: the first login makes one.`;
  return listed
    .map((key) => {
      const state = key.current ? 'current' : key.retiredAt ? `retired ${key.retiredAt}` : 'opens';
      return `${key.kid}  ${state.padEnd(8)}  created ${key.createdAt}`;
    })
    .join('\n');
}
