import { afterEach, describe, expect, it } from 'vitest';
import { headlineFacts } from '../../../src/app/pages/progress/figures';
import {
  headlineSpans,
  lastVisits,
  listVisitsAround,
  loadProgressHeadline,
  loadProgressRecords,
  type SotayDb,
} from '../../../src/db';
import { toEnterpriseRow } from '../../../src/db/rows';
import {
  computeIndicators,
  type IndicatorFact,
  indicatorFacts,
  monthPeriod,
  type Period,
  periodRange,
  quarterPeriod,
  totalsAt,
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
          // One founded on the last day of the year before: in no figure of 2026.
          foundedAt: i === 0 ? '2025-12-31' : `2026-0${1 + (i % 9)}-15`,
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
          decision: {
            number: `${i}/QĐ`,
            // Two on the edges of the year: 31 December before it, 31 December of it.
            date:
              i === 1 ? '2025-12-31' : i === 2 ? '2026-12-31' : `2026-0${1 + (i % 9)}-2${i % 9}`,
            issuedBy: UNIT_A,
          },
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
  it.each<[string, Period, string | undefined]>([
    ['the first quarter', quarterPeriod(2026, 1), '2026-03-31'],
    ['the first quarter, while it runs', quarterPeriod(2026, 1), '2026-02-20'],
    ['March', monthPeriod(2026, 3), '2026-03-31'],
    ['the year to 30 September', yearToDate('2026-09-30'), '2026-09-30'],
    ['December, on its last day', monthPeriod(2026, 12), '2026-12-31'],
    ['a month not begun', monthPeriod(2026, 12), undefined],
  ])('give the headline the same figures as the full read, for %s', async (_name, period, asOf) => {
    await seed();
    const { from, to } = periodRange(period);
    const headline = await loadProgressHeadline(db, { from, to, asOf });
    const full = await loadProgressRecords(db);
    const unitIds = new Set([UNIT_A, UNIT_B]);
    const figures = (facts: IndicatorFact[]) => ({
      period: computeIndicators({ facts, unitIds, period }, []).map((r) => r.actual),
      totals: asOf === undefined ? undefined : totalsAt(facts, unitIds, asOf),
    });
    const fromFull = figures(indicatorFacts(full));
    const narrow = headlineFacts(UNIT_A, headline.indicators, headline.admitted);
    expect(figures(narrow)).toEqual(fromFull);
    expect(headline.units).toHaveLength(2);
    // Narrow indeed: no application read whole, only the enterprises founded in the year.
    expect(headline.indicators.signups).toEqual([]);
    expect(headline.indicators.enterprises.every((e) => e.foundedAt?.startsWith('2026'))).toBe(
      true,
    );
  });

  it('finds admissions in the full read of the first quarter', async () => {
    await seed();
    const facts = indicatorFacts(await loadProgressRecords(db));
    const unitIds = new Set([UNIT_A, UNIT_B]);
    const [newMembers] = computeIndicators({ facts, unitIds, period: quarterPeriod(2026, 1) }, []);
    expect(newMembers?.actual).toBeGreaterThan(0);
  });

  it('splits the year at the period and the totals’ date', () => {
    expect(headlineSpans({ from: '2026-03-01', to: '2026-03-31', asOf: '2026-03-15' })).toEqual([
      '2026-01-01',
      '2026-03-01',
      '2026-03-16',
      '2026-04-01',
    ]);
    expect(headlineSpans({ from: '2026-01-01', to: '2026-12-31', asOf: '2026-12-31' })).toEqual([
      '2026-01-01',
      '2027-01-01',
    ]);
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
