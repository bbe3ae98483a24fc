import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendTogether } from '../../src/server/store/together';
import type { Statement, Store } from '../../src/server/store/types';
import { openMigratedStore, storeFactories } from '../helpers/stores';
import { watched } from '../helpers/watched-store';

/** An insert of `names` into the scratch table, its parameters numbered from `first`. */
const insert = (names: string[], first: number): Statement => ({
  text: `INSERT INTO together_names (name) VALUES ${names.map((_, i) => `($${first + i})`).join(', ')}`,
  params: names,
});

describe.each(storeFactories)('statements sent together on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const sent: string[] = [];

  beforeAll(async () => {
    ({ store, dispose } = await openMigratedStore(factory));
    await store.exec('CREATE TABLE together_names (name text PRIMARY KEY)');
    store = watched(store, sent);
  });
  afterAll(() => dispose());

  async function stored(names: string[]) {
    const rows = await store.query<{ name: string }>(
      'SELECT name FROM together_names WHERE name = ANY($1)',
      [names],
    );
    return rows.rows.map((row) => row.name).sort();
  }

  it.each([
    ['nothing', []],
    ['one statement', [1]],
    ['two statements', [2, 1]],
    ['three statements', [1, 3, 2]],
  ])('sends %s in one round trip, every row written', async (_, sizes: number[]) => {
    const names = sizes.map((size) => Array.from({ length: size }, () => randomUUID()));
    let first = 1;
    const statements = names.map((group) => {
      const statement = insert(group, first);
      first += group.length;
      return statement;
    });
    sent.length = 0;
    await sendTogether(store, statements);
    expect(sent).toHaveLength(sizes.length === 0 ? 0 : 1);
    expect(await stored(names.flat())).toEqual(names.flat().sort());
  });

  it('writes none of them when one fails', async () => {
    const [kept, twice] = [randomUUID(), randomUUID()];
    const fails = sendTogether(store, [insert([kept], 1), insert([twice, twice], 2)]);
    await expect(fails).rejects.toThrow();
    expect(await stored([kept, twice])).toEqual([]);
  });
});
