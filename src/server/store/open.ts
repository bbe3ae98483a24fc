import { migrations } from '../migrations';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Store } from './types';

export type StoreConfig = { databaseUrl?: string; dataDir: string };

/** Opens the configured store and brings its schema up to date. */
export async function openStore(config: StoreConfig): Promise<Store> {
  const store = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite(config.dataDir);
  try {
    await migrate(store, migrations);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
