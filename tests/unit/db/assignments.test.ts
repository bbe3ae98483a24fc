import { describe, expect, it } from 'vitest';
import { assignEnterprises, loadAssignmentData, type SotayDb, setMeta } from '../../../src/db';
import type { Actor } from '../../../src/shared/domain';
import type { DirectoryUser } from '../../../src/shared/protocol';
import { IDS, makeEnterprise, makeUnit } from '../../fixtures/records';
import { freshDb } from './support';

const supervisor: Actor = { id: IDS.supervisor, role: 'supervisor', unitId: IDS.upperUnit };
const organizer: Actor = { id: IDS.organizer, role: 'organizer', unitId: IDS.upperUnit };
const people: DirectoryUser[] = [
  {
    id: IDS.organizer,
    displayName: 'Nguyễn Thị Lan',
    role: 'organizer',
    unitId: IDS.upperUnit,
    active: true,
  },
  {
    id: IDS.admin,
    displayName: 'Trần Văn B',
    role: 'organizer',
    unitId: IDS.otherUnit,
    active: true,
  },
];

async function device(): Promise<SotayDb> {
  const db = freshDb();
  await db.units.bulkPut([
    makeUnit({ id: IDS.federation, name: 'LĐLĐ', kind: 'federation', parentId: undefined }),
    makeUnit(),
    makeUnit({ id: IDS.otherUnit, name: 'CĐ khác', parentId: IDS.federation }),
  ]);
  await db.enterprises.bulkPut([
    { ...makeEnterprise({ assignedTo: undefined }), searchKey: '', listOrder: 0 },
    {
      ...makeEnterprise({ id: IDS.otherEnterprise, assignedTo: undefined }),
      searchKey: '',
      listOrder: 0,
    },
  ]);
  await setMeta(db, 'directory', { users: people, fetchedAt: '2026-03-01T00:00:00.000Z' });
  return db;
}

describe('assignEnterprises', () => {
  it('assigns a whole ward at once to an active user of the unit, each with its outbox row', async () => {
    const db = await device();
    const ids = [IDS.enterprise, IDS.otherEnterprise];
    const result = await assignEnterprises(db, supervisor, ids, IDS.organizer, people);
    expect(result).toEqual({ assigned: ids, refused: [] });
    const data = await loadAssignmentData(db);
    expect(data.enterprises.map((e) => e.assignedTo)).toEqual([IDS.organizer, IDS.organizer]);
    expect(data.people).toEqual(people);
    expect(await db.outbox.count()).toBe(2);
    // Assigned already: nothing more is queued.
    expect(await assignEnterprises(db, supervisor, ids, IDS.organizer, people)).toEqual({
      assigned: [],
      refused: [],
    });
  });

  it('unassigns', async () => {
    const db = await device();
    await assignEnterprises(db, supervisor, [IDS.enterprise], IDS.organizer, people);
    await assignEnterprises(db, supervisor, [IDS.enterprise], undefined, people);
    expect((await db.enterprises.get(IDS.enterprise))?.assignedTo).toBeUndefined();
  });

  it('refuses someone of another unit, and an organizer assigning', async () => {
    const db = await device();
    const other = await assignEnterprises(db, supervisor, [IDS.enterprise], IDS.admin, people);
    expect(other.refused[0]?.issues.map((i) => i.code)).toEqual(['forbidden.assignee']);
    const byOrganizer = await assignEnterprises(
      db,
      organizer,
      [IDS.enterprise],
      IDS.organizer,
      people,
    );
    expect(byOrganizer.refused[0]?.issues.map((i) => i.code)).toEqual(['forbidden.assign']);
    expect(await db.outbox.count()).toBe(0);
  });
});
