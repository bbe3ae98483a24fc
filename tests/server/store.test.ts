import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/server/migrations';
import { type Migration, migrate } from '../../src/server/store/migrate';
import { StartupError, type Store } from '../../src/server/store/types';
import { storeFactories } from '../helpers/stores';

const tableNames = async (store: Store) =>
  (
    await store.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = current_schema() ORDER BY table_name`,
    )
  ).rows.map((row) => row.table_name);

describe.each(storeFactories)('storage on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
  });
  afterEach(() => dispose());

  it('reports its kind', () => {
    expect(store.kind).toBe(factory.name);
  });

  it('applies every migration once, and a second run applies nothing', async () => {
    const first = await migrate(store, migrations);
    expect(first).toEqual(migrations.map((m) => m.version));
    const second = await migrate(store, migrations);
    expect(second).toEqual([]);
    const rows = await store.query('SELECT version FROM schema_migrations');
    expect(rows.rowCount).toBe(migrations.length);
  });

  it('applies a migration once when two start-ups race', async () => {
    const results = await Promise.all([migrate(store, migrations), migrate(store, migrations)]);
    expect(results.flat().sort()).toEqual(migrations.map((m) => m.version));
    const meta = await store.query(
      "SELECT count(*)::int AS n FROM app_meta WHERE key = 'instance_id'",
    );
    expect(meta.rows[0]).toEqual({ n: 1 });
  });

  it('rolls a failed migration back whole and says which one failed', async () => {
    await migrate(store, migrations);
    const before = await tableNames(store);
    const broken: Migration = {
      version: 999,
      name: 'broken',
      sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();',
    };
    const failure = migrate(store, [...migrations, broken]);
    await expect(failure).rejects.toBeInstanceOf(StartupError);
    await expect(failure).rejects.toThrow(/Migration 999 \(broken\) failed/);
    expect(await tableNames(store)).toEqual(before);
    const recorded = await store.query('SELECT 1 FROM schema_migrations WHERE version = 999');
    expect(recorded.rowCount).toBe(0);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await store.exec('CREATE TABLE probe (id int PRIMARY KEY)');
    await store.transaction((tx) => tx.query('INSERT INTO probe VALUES (1)'));
    await expect(
      store.transaction(async (tx) => {
        await tx.query('INSERT INTO probe VALUES (2)');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = await store.query<{ id: number }>('SELECT id FROM probe ORDER BY id');
    expect(rows.rows).toEqual([{ id: 1 }]);
  });

  it('passes parameters without interpolating them', async () => {
    const hostile = "'); DROP TABLE schema_migrations; --";
    const result = await store.query<{ v: string }>('SELECT $1::text AS v', [hostile]);
    expect(result.rows[0]?.v).toBe(hostile);
  });

  it('answers a named statement as an unnamed one, each time with its own parameters', async () => {
    const answers = await store.transaction(async (tx) => {
      const named = [];
      for (const value of ['một', 'hai']) {
        const result = await tx.query<{ v: string }>('SELECT $1::text AS v', [value], {
          name: 'store_test_echo',
        });
        named.push(result.rows[0]?.v);
      }
      // PostgreSQL keeps it prepared on the connection; PGlite plans each statement anew.
      const prepared = await tx.query<{ name: string }>(
        `SELECT name FROM pg_prepared_statements WHERE name = 'store_test_echo'`,
      );
      return { named, prepared: prepared.rows.map((row) => row.name) };
    });
    expect(answers.named).toEqual(['một', 'hai']);
    expect(answers.prepared).toEqual(store.kind === 'postgres' ? ['store_test_echo'] : []);
  });
});
