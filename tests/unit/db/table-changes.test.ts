import { describe, expect, it } from 'vitest';
import {
  logVisit,
  onTablesChanged,
  type SotayDb,
  saveEnterprise,
  type TableName,
} from '../../../src/db';
import { IDS, makeEnterprise, makeVisit } from '../../fixtures/records';
import { freshDb } from './support';

/** Opened: creating the database announces every table changed (as any upgrade does). */
async function openedDb(name: string): Promise<SotayDb> {
  const db = freshDb(name);
  await db.open();
  return db;
}

/** Resolves at the next change of `tables` in `db`. */
function nextChange(db: SotayDb, tables: readonly TableName[]): Promise<void> {
  return new Promise((resolve) => {
    const stop = onTablesChanged(db, tables, () => {
      stop();
      resolve();
    });
  });
}

/** Counts the changes `tables` of `db` hear until `stop()`. */
function countChanges(db: SotayDb, tables: readonly TableName[]) {
  const heard = { count: 0, stop: (): void => undefined };
  heard.stop = onTablesChanged(db, tables, () => {
    heard.count++;
  });
  return heard;
}

// Every listener hears a change in the same dispatch, so once `nextChange` resolves, a listener
// that did not count it never will.
describe('onTablesChanged', () => {
  it.each<[string, readonly TableName[], number]>([
    ['a table written by Dexie', ['enterprises'], 1],
    ['one of several tables', ['targets', 'enterprises'], 1],
    ['a table not written', ['targets', 'signups'], 0],
  ])('hears %s', async (_, tables, expected) => {
    const db = await openedDb('sotay-changes-dexie');
    const heard = countChanges(db, tables);
    const written = nextChange(db, ['enterprises']);

    await saveEnterprise(db, makeEnterprise());
    await written;

    expect(heard.count).toBe(expected);
    heard.stop();
  });

  it('hears the visit save', async () => {
    const db = await openedDb('sotay-changes-raw');
    await saveEnterprise(db, makeEnterprise());
    const visits = countChanges(db, ['visits']);
    const written = nextChange(db, ['visits']);

    await logVisit(db, makeVisit());
    await written;

    expect(visits.count).toBe(1);
    visits.stop();
  });

  it('hears nothing after the unsubscribe, nor another database of the same tables', async () => {
    const db = await openedDb('sotay-changes-mine');
    const other = await openedDb('sotay-changes-mine-other');
    const stopped = countChanges(db, ['enterprises']);
    stopped.stop();
    const mine = countChanges(db, ['enterprises']);
    const written = nextChange(db, ['enterprises']);

    await saveEnterprise(other, makeEnterprise({ id: IDS.otherEnterprise }));
    await saveEnterprise(db, makeEnterprise());
    await written;

    expect({ stopped: stopped.count, mine: mine.count }).toEqual({ stopped: 0, mine: 1 });
    mine.stop();
  });
});
