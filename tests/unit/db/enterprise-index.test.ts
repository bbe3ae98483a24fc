import { RangeSet } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import {
  clearUserData,
  type EnterpriseIndexRow,
  logVisit,
  type SotayDb,
  saveEnterprise,
  watchEnterpriseIndex,
} from '../../../src/db';
import { changedEnterprises } from '../../../src/db/enterprise-index';
import { toIndexRow } from '../../../src/db/repositories/enterprise-reads';
import { toEnterpriseRow } from '../../../src/db/rows';
import { generateEnterprises } from '../../fixtures/generate';
import { IDS, makeEnterprise, makeVisit } from '../../fixtures/records';
import { freshDb } from './support';

const PART = 'idb://sotay/enterprises/';

describe('changedEnterprises', () => {
  it.each<[string, Record<string, unknown>, string[] | 'all']>([
    ['another table', { 'idb://sotay/visits/': new RangeSet().addKeys(['v1']) }, []],
    ['named rows', { [PART]: new RangeSet().addKeys(['b', 'a', 'c']) }, ['a', 'b', 'c']],
    ['one row', { [PART]: new RangeSet('a') }, ['a']],
    ['a range of rows', { [PART]: new RangeSet('a', 'c') }, 'all'],
    ['the whole table', { [PART]: new RangeSet(-Infinity, [[[]]]) }, 'all'],
    ['anything (Dexie\'s "all")', { all: new RangeSet(-Infinity, [[]]) }, 'all'],
    [
      'named rows that came from another tab (a plain object)',
      { [PART]: JSON.parse(JSON.stringify(new RangeSet().addKeys(['x', 'y']))) },
      ['x', 'y'],
    ],
  ])('%s', (_, parts, expected) => {
    const changed = changedEnterprises(parts as never, PART);
    expect(changed === 'all' ? changed : [...changed].sort()).toEqual(expected);
  });
});

/** What loadEnterpriseIndex reads, read here without the spied Table.toArray. */
async function stored(db: SotayDb): Promise<EnterpriseIndexRow[]> {
  return (await db.enterprises.toCollection().toArray()).map(toIndexRow);
}

const byId = (rows: readonly EnterpriseIndexRow[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/** Watches the index; `next()` resolves with the next index it emits. */
function watch(db: SotayDb) {
  const emitted: (readonly EnterpriseIndexRow[])[] = [];
  let wake: (() => void) | undefined;
  const stop = watchEnterpriseIndex(db, {
    next: (index) => {
      emitted.push(index);
      wake?.();
    },
    error: (error) => {
      throw error;
    },
  });
  const next = async () => {
    while (emitted.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return emitted.shift() as readonly EnterpriseIndexRow[];
  };
  return { next, stop };
}

describe('watchEnterpriseIndex', () => {
  it('follows every kind of write, reading the whole table only when the rows are not named', async () => {
    const db = freshDb('sotay');
    await saveEnterprise(db, makeEnterprise({ id: IDS.otherEnterprise }));
    const fullReads = vi.spyOn(db.enterprises, 'toArray');
    const index = watch(db);
    const steps: [string, () => Promise<unknown>, number][] = [
      ['first read', async () => undefined, 1],
      ['a new enterprise (Dexie)', () => saveEnterprise(db, makeEnterprise()), 1],
      ['a rename', () => saveEnterprise(db, makeEnterprise({ name: 'Công ty Mới' })), 1],
      ['a visit that moves the stage (raw IndexedDB)', () => logVisit(db, makeVisit()), 1],
      ['a deletion', () => db.enterprises.delete(IDS.otherEnterprise), 1],
      [
        'a bulk write of 60 (rows not named)',
        () =>
          db.enterprises.bulkPut(
            generateEnterprises(60, IDS.upperUnit).map((e) => toEnterpriseRow(e)),
          ),
        2,
      ],
      ['sign-out (tables cleared)', () => clearUserData(db), 3],
    ];
    for (const [step, write, reads] of steps) {
      await write();
      const emitted = await index.next();
      expect(byId(emitted), step).toEqual(byId(await stored(db)));
      expect(fullReads, step).toHaveBeenCalledTimes(reads);
    }
    index.stop();
  });
});
