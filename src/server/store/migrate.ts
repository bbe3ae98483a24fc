import { type Sql, StartupError, type Store } from './types';

/**
 * A schema change: its SQL, then, for a change of the records' data that a shared function of
 * src/shared defines (so that device and server migrate alike), `run` in the same transaction.
 */
export type Migration = {
  version: number;
  name: string;
  sql: string;
  run?: (tx: Sql) => Promise<void>;
};

// Any constant works; it only has to be the same for every server sharing one database.
const MIGRATION_LOCK = 7_461_001;

async function appliedVersions(store: Store): Promise<Set<number>> {
  const result = await store.query<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(result.rows.map((row) => Number(row.version)));
}

/**
 * Applies each pending migration once, in version order, each in its own transaction together
 * with its row in schema_migrations. An advisory lock makes concurrent starts (several servers on
 * one PostgreSQL) wait instead of applying the same migration twice.
 */
export async function migrate(store: Store, migrations: readonly Migration[]): Promise<number[]> {
  await store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const applied: number[] = [];
  for (const migration of ordered) {
    if ((await appliedVersions(store)).has(migration.version)) continue;
    try {
      const ran = await store.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
          migration.version,
        ]);
        if (done.rowCount > 0) return false;
        await tx.exec(migration.sql);
        if (migration.run) await migration.run(tx);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        return true;
      });
      if (ran) applied.push(migration.version);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StartupError(
        `Migration ${migration.version} (${migration.name}) failed and was rolled back, the database is unchanged: ${reason}`,
      );
    }
  }
  await store.flush();
  return applied;
}
