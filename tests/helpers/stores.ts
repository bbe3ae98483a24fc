import { randomUUID } from 'node:crypto';
import { migrations } from '../../src/server/migrations';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';
import { openPostgres } from '../../src/server/store/postgres';
import type { Store } from '../../src/server/store/types';

export type StoreFactory = {
  name: 'pglite' | 'postgres';
  /** A fresh, empty, unmigrated store; `dispose` removes every trace of it. */
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
};

const DATABASE_URL = process.env['DATABASE_URL'];

const pglite: StoreFactory = {
  name: 'pglite',
  async open() {
    const store = await openPglite();
    return { store, dispose: () => store.close() };
  },
};

// Each PostgreSQL test store lives in a schema of its own, dropped afterwards, so suites can run
// side by side on the shared `test` database.
const postgres = (url: string): StoreFactory => ({
  name: 'postgres',
  async open() {
    const schema = `t_${randomUUID().replace(/-/g, '')}`;
    const store = await openPostgres(url, { schema });
    return {
      store,
      async dispose() {
        await store.query(`DROP SCHEMA ${schema} CASCADE`);
        await store.close();
      },
    };
  },
});

/** PGlite always; PostgreSQL too when DATABASE_URL is set (CI sets it). */
export const storeFactories: StoreFactory[] = DATABASE_URL
  ? [pglite, postgres(DATABASE_URL)]
  : [pglite];

export async function openMigratedStore(factory: StoreFactory) {
  const opened = await factory.open();
  await migrate(opened.store, migrations);
  return opened;
}
