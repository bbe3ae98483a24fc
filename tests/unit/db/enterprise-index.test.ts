import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  clearUserData,
  compareEnterprises,
  type EnterpriseIndexRow,
  logVisit,
  type SotayDb,
  saveEnterprise,
  watchEnterpriseIndex,
} from '../../../src/db';
import { INDEX_PARTS, indexRanges, type KeyRange } from '../../../src/db/enterprise-index';
import { toIndexRow } from '../../../src/db/repositories/enterprise-reads';
import { toEnterpriseRow } from '../../../src/db/rows';
import { generateEnterprises } from '../../fixtures/generate';
import { IDS, makeEnterprise, makeVisit } from '../../fixtures/records';
import { countRowsRead, freshDb } from './support';

const cmp = (a: unknown, b: unknown) => new IDBFactory().cmp(a, b);

function holds(range: KeyRange, key: unknown): boolean {
  const below = range.last ? cmp(key, range.to) <= 0 : cmp(key, range.to) < 0;
  return cmp(key, range.from) >= 0 && below;
}

describe('indexRanges', () => {
  const ranges = indexRanges();

  it.each<[string, unknown]>([
    ['the lowest UUID', '00000000-0000-4000-8000-000000000000'],
    ['the highest UUID', 'ffffffff-ffff-4fff-bfff-ffffffffffff'],
    ['a key on a bound', ranges[1]?.from],
    ['a key just below a bound', '07ffffff-ffff-4fff-bfff-ffffffffffff'],
    ['an uppercase UUID', 'ABCDEF01-2345-4678-89AB-CDEF01234567'],
    ['a fixture id', IDS.enterprise],
    ['an empty string', ''],
    ['a number', 42],
  ])('puts %s in exactly one part', (_, key) => {
    expect(ranges.filter((range) => holds(range, key))).toHaveLength(1);
  });

  it('splits the keys into INDEX_PARTS ordered, adjoining parts', () => {
    expect(ranges).toHaveLength(INDEX_PARTS);
    for (const [i, range] of ranges.entries()) {
      expect(cmp(range.from, range.to), `part ${i}`).toBe(-1);
      if (i > 0) expect(cmp(range.from, ranges[i - 1]?.to), `part ${i}`).toBe(0);
    }
  });
});

/** What the index must hold: every stored enterprise. */
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
  return { next, stop, emitted };
}

const SEEDED = 200;

describe('watchEnterpriseIndex', () => {
  it('follows every kind of write, re-reading only the parts a write touched', async () => {
    const db = freshDb('sotay');
    const read = countRowsRead(db, 'enterprises');
    await db.enterprises.bulkPut(
      generateEnterprises(SEEDED, IDS.upperUnit, 7).map((e) => toEnterpriseRow(e)),
    );
    await saveEnterprise(db, makeEnterprise({ id: IDS.otherEnterprise }));
    const index = watch(db);
    // A write of one row reads its part again: about SEEDED / INDEX_PARTS rows, far below this.
    const onePart = SEEDED / 4;
    const steps: [string, () => Promise<unknown>, (rows: number) => boolean][] = [
      ['first read', async () => undefined, (rows) => rows === SEEDED + 1],
      ['a new enterprise', () => saveEnterprise(db, makeEnterprise()), (rows) => rows < onePart],
      [
        'a rename',
        () => saveEnterprise(db, makeEnterprise({ name: 'Công ty Mới' })),
        (rows) => rows < onePart,
      ],
      ['a visit that moves the stage', () => logVisit(db, makeVisit()), (rows) => rows < onePart],
      ['a deletion', () => db.enterprises.delete(IDS.otherEnterprise), (rows) => rows < onePart],
      [
        'a bulk write of 60',
        () =>
          db.enterprises.bulkPut(
            generateEnterprises(60, IDS.upperUnit).map((e) => toEnterpriseRow(e)),
          ),
        (rows) => rows > onePart && rows <= SEEDED + 61,
      ],
      ['sign-out (tables cleared)', () => clearUserData(db), (rows) => rows === 0],
    ];
    for (const [step, write, expected] of steps) {
      const before = read.rows;
      await write();
      const emitted = await index.next();
      const rowsRead = read.rows - before;
      expect(byId(emitted), step).toEqual(byId(await stored(db)));
      expect(emitted, `${step}: in the list's order`).toEqual(
        [...emitted].sort(compareEnterprises),
      );
      expect(rowsRead, step).toSatisfy(expected);
    }
    // One index per write, not one per part it touched.
    expect(index.emitted).toEqual([]);
    index.stop();
  });
});

describe('watchEnterpriseIndex paused', () => {
  it('reads no part past the first ones while paused, and the whole index once resumed', async () => {
    const db = freshDb('sotay');
    await db.enterprises.bulkPut(
      generateEnterprises(SEEDED, IDS.upperUnit, 9).map((e) => toEnterpriseRow(e)),
    );
    const read = countRowsRead(db, 'enterprises');
    let asked = 0;
    let resume: () => void = () => undefined;
    const paused = new Promise<void>((resolve) => {
      resume = resolve;
    });
    const emitted: (readonly EnterpriseIndexRow[])[] = [];
    const stop = watchEnterpriseIndex(
      db,
      { next: (index) => emitted.push(index), error: (error) => expect.fail(String(error)) },
      () => {
        asked += 1;
        return paused;
      },
    );
    // Every part that may start unpaused has been read, and each asked to go on.
    await expect.poll(() => asked, { interval: 5 }).toBeGreaterThanOrEqual(4);
    const rowsWhilePaused = read.rows;
    expect(rowsWhilePaused).toBeLessThan(SEEDED / 4);
    expect(emitted).toEqual([]);
    resume();
    await expect.poll(() => emitted.length, { interval: 5 }).toBe(1);
    expect(byId(emitted[0] ?? [])).toEqual(byId(await stored(db)));
    stop();
  });
});
