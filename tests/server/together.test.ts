import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StatementBuilder, sendTogether } from '../../src/server/store/together';
import type { Store } from '../../src/server/store/types';
import { openMigratedStore, storeFactories } from '../helpers/stores';
import { watched } from '../helpers/watched-store';

/** An insert of `names` into the scratch table; nothing to send for no name. */
const insert =
  (names: string[]): StatementBuilder =>
  (first) =>
    names.length === 0
      ? undefined
      : {
          text: `INSERT INTO together_names (name) VALUES ${names.map((_, i) => `($${first + i})`).join(', ')}`,
          params: names,
        };

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
    ['two statements around one with nothing to send', [2, 0, 1]],
    ['only a statement with nothing to send', [0]],
  ])('sends %s in one round trip, every row written', async (_, sizes: number[]) => {
    const names = sizes.map((size) => Array.from({ length: size }, () => randomUUID()));
    sent.length = 0;
    await sendTogether(store, names.map(insert));
    expect(sent).toHaveLength(sizes.some((size) => size > 0) ? 1 : 0);
    expect(await stored(names.flat())).toEqual(names.flat().sort());
  });

  it('writes none of them when one fails', async () => {
    const [kept, twice] = [randomUUID(), randomUUID()];
    const fails = sendTogether(store, [insert([kept]), insert([twice, twice])]);
    await expect(fails).rejects.toThrow();
    expect(await stored([kept, twice])).toEqual([]);
  });
});
