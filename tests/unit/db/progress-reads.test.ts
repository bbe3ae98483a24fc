import { afterEach, describe, expect, it } from 'vitest';
import {
  lastVisits,
  listVisitsAround,
  loadProgressHeadline,
  loadProgressRecords,
  type SotayDb,
} from '../../../src/db';
import { toEnterpriseRow } from '../../../src/db/rows';
import {
  computeIndicators,
  indicatorFacts,
  type Period,
  quarterPeriod,
  yearToDate,
} from '../../../src/shared/domain';
import type { Enterprise, IndicatorEntry, Signup, Stage } from '../../../src/shared/schemas';
import { generateEnterprises, generateSignups, generateVisits } from '../../fixtures/generate';
import { freshDb } from './support';

const UNIT_A = '00000000-0000-4000-8000-0000000000a1';
const UNIT_B = '00000000-0000-4000-8000-0000000000b1';
let db: SotayDb;

afterEach(() => db?.close());

const STAGES: Stage[] = ['founded', 'closed', 'has_union', 'persuading', 'refused'];

/** Enterprises of two units, some founded (then moved to side states), applications decided. */
async function seed(): Promise<void> {
  db = freshDb();
  const enterprises: Enterprise[] = [
    ...generateEnterprises(20, UNIT_A, 1),
    ...generateEnterprises(10, UNIT_B, 2),
  ].map((enterprise, i) => {
    const stage = STAGES[i % STAGES.length] as Stage;
    return stage === 'persuading'
      ? { ...enterprise, stage }
      : {
          ...enterprise,
          stage,
          unionStatus: 'cdcs',
          foundedAt: `2026-0${1 + (i % 9)}-15`,
          workerCountAtFounding: i % 2 === 0 ? 40 : 12,
        };
  });
  const signups: Signup[] = generateSignups(enterprises, 60, 3).map((signup, i) =>
    i % 3 === 0
      ? signup
      : {
          ...signup,
          status: 'accepted',
          signedAt: '2026-01-05',
          decision: { number: `${i}/QĐ`, date: `2026-0${1 + (i % 9)}-2${i % 9}`, issuedBy: UNIT_A },
        },
  );
  const entries: IndicatorEntry[] = [
    {
      id: '00000000-0000-4000-8000-0000000000e1',
      unitId: UNIT_B,
      date: '2026-02-01',
      kind: 'left',
      count: 3,
      note: 'Nghỉ việc',
    },
  ];
  await db.enterprises.bulkPut(enterprises.map((e) => toEnterpriseRow(e)));
  await db.signups.bulkPut(signups);
  await db.indicatorEntries.bulkPut(entries);
  await db.units.bulkPut([
    { id: UNIT_A, name: 'A', kind: 'upper' },
    { id: UNIT_B, name: 'B', kind: 'upper', parentId: UNIT_A },
  ]);
  await db.visits.bulkPut(generateVisits(enterprises, 90, 4));
}

describe('the progress reads', () => {
  it.each<[string, Period]>([
    ['the first quarter', quarterPeriod(2026, 1)],
    ['the year to 30 September', yearToDate('2026-09-30')],
  ])('give the headline the same figures as the full read, for %s', async (_name, period) => {
    await seed();
    const headline = await loadProgressHeadline(db);
    const full = await loadProgressRecords(db);
    const unitIds = new Set([UNIT_A, UNIT_B]);
    const figures = (facts: ReturnType<typeof indicatorFacts>) =>
      computeIndicators({ facts, unitIds, period }, []).map((r) => r.actual);
    const fromFull = figures(indicatorFacts(full));
    expect(figures(indicatorFacts(headline.indicators))).toEqual(fromFull);
    expect(fromFull[0]).toBeGreaterThan(0);
    expect(headline.units).toHaveLength(2);
  });

  it('keeps no personal field of an application in what it returns', async () => {
    await seed();
    const { signups } = await loadProgressRecords(db);
    expect(signups.length).toBe(60);
    for (const signup of signups) {
      expect(Object.keys(signup).sort()).toEqual(
        ['authorId', 'decision', 'enterpriseId', 'id', 'local', 'signedAt', 'status'].sort(),
      );
    }
  });

  it('reads the visits around a period and the latest visit of each enterprise', async () => {
    await seed();
    const visits = await db.visits.toArray();
    const march = await listVisitsAround(db, '2026-03-01', '2026-03-31');
    const expected = visits.filter(
      (v) => v.visitedAt >= '2026-02-28' && v.visitedAt < '2026-04-02',
    );
    expect(march.map((v) => v.id).sort()).toEqual(expected.map((v) => v.id).sort());
    const ids = [...new Set(visits.map((v) => v.enterpriseId))].slice(0, 5);
    const latest = await lastVisits(db, [...ids, '00000000-0000-4000-8000-00000000ffff']);
    for (const id of ids) {
      const mine = visits.filter((v) => v.enterpriseId === id).map((v) => v.visitedAt);
      expect(latest.get(id)).toBe(mine.sort().at(-1));
    }
    expect(latest.has('00000000-0000-4000-8000-00000000ffff')).toBe(false);
  });
});
