import { describe, expect, it } from 'vitest';
import { listFollowUps, saveEnterprise } from '../../../src/db';
import { fixtureId, makeEnterprise } from '../../fixtures/records';
import { freshDb } from './support';

const TODAY = '2025-03-28';
const ME = fixtureId(9, 1);
const COLLEAGUE = fixtureId(9, 2);

// [nextFollowUp, bucket]: the week runs over the month end into April.
const CASES: [string | undefined, 'overdue' | 'today' | 'thisWeek' | 'none'][] = [
  ['2025-01-02', 'overdue'],
  ['2025-03-27', 'overdue'],
  ['2025-03-28', 'today'],
  ['2025-03-29', 'thisWeek'],
  ['2025-04-04', 'thisWeek'],
  ['2025-04-05', 'none'],
  [undefined, 'none'],
];

describe('listFollowUps', () => {
  it('puts each enterprise in the bucket of its next follow-up, by date', async () => {
    const db = freshDb();
    for (const [n, [nextFollowUp]] of CASES.entries()) {
      await saveEnterprise(db, makeEnterprise({ id: fixtureId(2, n), nextFollowUp }));
    }

    const buckets = await listFollowUps(db, TODAY, ME);

    for (const bucket of ['overdue', 'today', 'thisWeek'] as const) {
      expect(
        buckets[bucket].map((row) => row.nextFollowUp),
        bucket,
      ).toEqual(CASES.filter(([, b]) => b === bucket).map(([date]) => date));
    }
  });

  it('follows the assignment: mine and nobody’s, not a colleague’s', async () => {
    const db = freshDb();
    const cases: [string | undefined, boolean][] = [
      [ME, true],
      [undefined, true],
      [COLLEAGUE, false],
    ];
    for (const [n, [assignedTo]] of cases.entries()) {
      await saveEnterprise(
        db,
        makeEnterprise({ id: fixtureId(2, n), nextFollowUp: TODAY, assignedTo }),
      );
    }
    const { today } = await listFollowUps(db, TODAY, ME);
    expect(today.map((row) => row.assignedTo)).toEqual(
      cases.filter(([, shown]) => shown).map(([assignedTo]) => assignedTo),
    );
  });

  it('is empty without follow-ups', async () => {
    expect(await listFollowUps(freshDb(), TODAY, ME)).toEqual({
      overdue: [],
      today: [],
      thisWeek: [],
    });
  });
});
