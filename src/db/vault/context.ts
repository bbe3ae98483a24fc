import type * as fields from '../../shared/domain/personal-fields';
import type { guardStorage } from '../errors';
import type { toMutation } from '../rows';
import type * as state from './state';

/**
 * What the cryptography chunk (code.ts) uses of the rest of src/db, handed over by lazy.ts when
 * it loads the chunk. The chunk imports nothing of src/db itself: a chunk loaded on demand that
 * imports the first screen's modules makes the bundler split the first screen into many files,
 * which costs it kilobytes it does not have (docs/design.md §6).
 */
export type VaultContext = {
  guardStorage: typeof guardStorage;
  toMutation: typeof toMutation;
  readVault: typeof state.readVault;
  pinnedServerSealKey: typeof state.pinnedServerSealKey;
  unlockedKeys: typeof state.unlockedKeys;
  rememberKeys: typeof state.rememberKeys;
  forgetKeys: typeof state.forgetKeys;
  VAULT_KEY: typeof state.VAULT_KEY;
  MAX_FAILED_PINS: typeof state.MAX_FAILED_PINS;
  fields: Pick<
    typeof fields,
    'PERSONAL_FIELD' | 'splitPersonal' | 'hasClearPersonal' | 'hasPersonalFields'
  >;
};

let context: VaultContext | undefined;

export function bindVault(given: VaultContext): void {
  context = given;
}

export function vaultContext(): VaultContext {
  if (context === undefined) throw new Error('the vault chunk was loaded without its context');
  return context;
}
