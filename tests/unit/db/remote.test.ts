import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  applyRemoteChanges,
  getEnterprise,
  markAttempt,
  pendingOutbox,
  saveEnterprise,
  saveSignupDraft,
} from '../../../src/db';
import type { PullChange } from '../../../src/shared/protocol';
import {
  IDS,
  makeEnterprise,
  makeIndicatorEntry,
  makeSignup,
  makeSignupDraft,
  makeTarget,
  makeUnit,
  makeVisit,
} from '../../fixtures/records';
import { freshDb } from './support';

function change(entity: PullChange['entity'], data: { id: string }, version = 1): PullChange {
  return { entity, entityId: data.id, version, deleted: false, data: { ...data, version } };
}

describe('applyRemoteChanges', () => {
  it('stores every kind of record with its version, and shadows the synced ones', async () => {
    const db = freshDb();
    const result = await applyRemoteChanges(db, [
      change('enterprise', makeEnterprise(), 2),
      change('visit', makeVisit()),
      change('signup', makeSignup()),
      change('target', makeTarget()),
      change('unit', makeUnit()),
      change('indicatorEntry', makeIndicatorEntry()),
    ]);

    expect(result).toEqual({ applied: 6, keptLocal: 0, ignored: 0 });
    expect(await getEnterprise(db, IDS.enterprise)).toMatchObject({
      ...makeEnterprise(),
      version: 2,
    });
    expect((await getEnterprise(db, IDS.enterprise))?.searchKey).toContain('hoa binh');
    for (const table of ['visits', 'signups', 'targets', 'units', 'indicatorEntries']) {
      expect(await db.table(table).count(), table).toBe(1);
    }
    // Every entity a device pushes has its server copy; units come down only.
    expect((await db.shadows.toArray()).map((row) => row.entity).sort()).toEqual([
      'enterprise',
      'indicatorEntry',
      'signup',
      'target',
      'visit',
    ]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('never overwrites an entity whose local edits wait, but records the server copy', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise({ notes: 'sửa trên máy' }));

    const result = await applyRemoteChanges(db, [
      change('enterprise', makeEnterprise({ notes: 'từ máy chủ' }), 5),
    ]);

    expect(result.keptLocal).toBe(1);
    expect((await getEnterprise(db, IDS.enterprise))?.notes).toBe('sửa trên máy');
    expect(await db.shadows.get(['enterprise', IDS.enterprise])).toMatchObject({
      version: 5,
      data: { notes: 'từ máy chủ' },
    });
  });

  it('deletes records, except one with waiting local edits', async () => {
    const db = freshDb();
    await applyRemoteChanges(db, [change('visit', makeVisit()), change('unit', makeUnit())]);
    await saveEnterprise(db, makeEnterprise());

    await applyRemoteChanges(db, [
      { entity: 'visit', entityId: IDS.visit, version: 2, deleted: true, data: null },
      { entity: 'unit', entityId: makeUnit().id, version: 2, deleted: true, data: null },
      { entity: 'enterprise', entityId: IDS.enterprise, version: 2, deleted: true, data: null },
    ]);

    expect(await db.visits.count()).toBe(0);
    expect(await db.units.count()).toBe(0);
    expect(await getEnterprise(db, IDS.enterprise)).toBeDefined();
    expect(await db.shadows.get(['enterprise', IDS.enterprise])).toMatchObject({ deleted: true });
    expect(await db.shadows.get(['visit', IDS.visit])).toMatchObject({ version: 2, deleted: true });
  });

  it('ignores an older copy than the stored one and malformed changes', async () => {
    const db = freshDb();
    await applyRemoteChanges(db, [change('enterprise', makeEnterprise({ notes: 'mới' }), 4)]);

    const result = await applyRemoteChanges(db, [
      change('enterprise', makeEnterprise({ notes: 'cũ' }), 3),
      { entity: 'visit', entityId: IDS.visit, version: 1, deleted: false, data: 'not a record' },
      {
        entity: 'user' as PullChange['entity'],
        entityId: IDS.admin,
        version: 1,
        deleted: false,
        data: {},
      },
    ]);

    expect(result).toEqual({ applied: 0, keptLocal: 0, ignored: 3 });
    expect((await getEnterprise(db, IDS.enterprise))?.notes).toBe('mới');
  });

  it('skips a row at the version the device already holds: its own push coming back', async () => {
    const db = freshDb();
    await saveEnterprise(db, makeEnterprise({ notes: 'ghi trên máy' }));
    const [row] = await markAttempt(
      db,
      (await pendingOutbox(db, 10)).map((r) => r.seq),
    );
    await acknowledge(db, row?.seq ?? 0, { version: 1 });
    const before = await getEnterprise(db, IDS.enterprise);
    const shadowBefore = await db.shadows.get(['enterprise', IDS.enterprise]);

    const result = await applyRemoteChanges(db, [
      change('enterprise', makeEnterprise({ notes: 'ghi trên máy' }), 1),
      change('unit', makeUnit(), 1),
      change('unit', makeUnit({ name: 'Không ghi lại' }), 1),
    ]);

    expect(result).toEqual({ applied: 1, keptLocal: 0, ignored: 2 });
    expect(await getEnterprise(db, IDS.enterprise)).toEqual(before);
    expect(await db.shadows.get(['enterprise', IDS.enterprise])).toEqual(shadowBefore);
    expect((await db.units.toArray()).map((unit) => unit.name)).toEqual([makeUnit().name]);
  });

  it('on a reset, drops the server copies with nothing waiting, then stores the page', async () => {
    const db = freshDb();
    const other = '00000000-0000-4000-8000-0000000000e2';
    await applyRemoteChanges(db, [
      change('enterprise', makeEnterprise(), 3),
      change('enterprise', makeEnterprise({ id: other, name: 'Công ty đã chuyển đơn vị' }), 2),
      change('visit', makeVisit()),
      change('signup', makeSignup()),
      change('target', makeTarget()),
      change('unit', makeUnit()),
      change('indicatorEntry', makeIndicatorEntry()),
    ]);
    // Waiting to be sent: an edit of the first enterprise. A draft never left the device.
    await saveEnterprise(db, makeEnterprise({ notes: 'sửa trên máy' }));
    await saveSignupDraft(db, makeSignupDraft());

    const result = await applyRemoteChanges(
      db,
      [change('enterprise', makeEnterprise({ notes: 'từ máy chủ' }), 3)],
      true,
    );

    expect(result).toEqual({ applied: 0, keptLocal: 0, ignored: 1 });
    // The edit and its server copy stay; everything else the server sent is gone until it is
    // sent again, the other enterprise (out of scope now) for good.
    expect((await getEnterprise(db, IDS.enterprise))?.notes).toBe('sửa trên máy');
    expect(await db.shadows.get(['enterprise', IDS.enterprise])).toMatchObject({ version: 3 });
    expect(await getEnterprise(db, other)).toBeUndefined();
    for (const table of ['visits', 'targets', 'units', 'indicatorEntries']) {
      expect(await db.table(table).count(), table).toBe(0);
    }
    expect((await db.signups.toArray()).map((row) => row.status)).toEqual(['draft']);
    expect((await db.shadows.toArray()).map((row) => row.entityId)).toEqual([IDS.enterprise]);
    expect(await db.outbox.count()).toBe(1);
  });
});

/** A change of the unit or the visit at `version`; `deleted` when it deletes the record. */
type Step = [version: number, deleted?: 'deleted'];

const stepChange = (entity: 'unit' | 'visit', [version, deleted]: Step): PullChange => {
  const data = entity === 'unit' ? makeUnit({ name: `v${version}` }) : makeVisit();
  if (deleted) return { entity, entityId: data.id, version, deleted: true, data: null };
  return change(entity, data, version);
};

async function stored(db: ReturnType<typeof freshDb>) {
  return [await db.units.toArray(), await db.visits.toArray(), await db.shadows.toArray()];
}

describe('applyRemoteChanges: one record several times in a page', () => {
  // A page is read and written at once: each change must still see the changes before it, and
  // leave what storing the changes one page each leaves.
  it.each<[string, Step[]]>([
    ['newer after older', [[1], [2]]],
    ['older after newer', [[2], [1]]],
    ['the same version twice', [[1], [1]]],
    ['deleted after stored', [[1], [2, 'deleted']]],
    ['stored again after deleted', [[1, 'deleted'], [2]]],
    ['an older copy after a delete', [[3, 'deleted'], [2]]],
    ['stored, deleted, stored', [[1], [2, 'deleted'], [3], [2]]],
  ])('%s', async (_, steps) => {
    for (const entity of ['unit', 'visit'] as const) {
      const changes = steps.map((step) => stepChange(entity, step));
      const [page, oneByOne] = [freshDb(), freshDb()];
      const result = await applyRemoteChanges(page, changes);
      const results = [];
      for (const single of changes) results.push(await applyRemoteChanges(oneByOne, [single]));
      expect(await stored(page), entity).toEqual(await stored(oneByOne));
      const applied = results.reduce((sum, r) => sum + r.applied, 0);
      const ignored = results.reduce((sum, r) => sum + r.ignored, 0);
      expect(result, entity).toEqual({ applied, keptLocal: 0, ignored });
    }
  });
});
