import { describe, expect, it } from 'vitest';
import {
  ALL_ENTERPRISES,
  assigneeOptions,
  filterEnterprises,
  wardOptions,
} from '../../../src/app/pages/supervisor/assignment-view';
import {
  checkEntryForm,
  entryUnitOptions,
  newEntryForm,
  withKind,
} from '../../../src/app/pages/supervisor/entry-form';
import {
  cellChanges,
  cellKey,
  copyLastYear,
  gridUnits,
  initialCells,
  splitOf,
} from '../../../src/app/pages/supervisor/target-grid';
import type { AssignmentData, UnitRow } from '../../../src/db';
import type { Actor } from '../../../src/shared/domain';
import { fixtureId, IDS, makeTarget, makeUnit } from '../../fixtures/records';

const A = fixtureId(1, 1);
const B = fixtureId(1, 2);
const units: UnitRow[] = [
  makeUnit({ id: IDS.federation, name: 'LĐLĐ', kind: 'federation', parentId: undefined }),
  makeUnit(),
  makeUnit({ id: B, name: 'CĐCS Đại Dương', kind: 'cdcs', parentId: IDS.upperUnit }),
  makeUnit({ id: A, name: 'CĐCS An Phú', kind: 'cdcs', parentId: IDS.upperUnit }),
];
const supervisor: Actor = { id: IDS.supervisor, role: 'supervisor', unitId: IDS.upperUnit };

describe('the targets table', () => {
  it('lists the unit, then the units below it by name', () => {
    expect(gridUnits(units, IDS.upperUnit).map((u) => u.id)).toEqual([IDS.upperUnit, A, B]);
  });

  it('sums the sub-units’ typed targets against the unit’s own, and says when they fall short', () => {
    const cells = {
      [cellKey(IDS.upperUnit, 'new_members')]: '1.000',
      [cellKey(A, 'new_members')]: '600',
      [cellKey(B, 'new_members')]: '300',
      [cellKey(IDS.upperUnit, 'new_cdcs')]: '4',
      [cellKey(A, 'new_cdcs')]: '2',
      [cellKey(B, 'new_cdcs')]: '2',
    };
    const split = splitOf(units, cells, IDS.upperUnit, 2026);
    expect(split.find((s) => s.indicator === 'new_members')).toMatchObject({
      own: 1000,
      handedDown: 900,
      short: true,
    });
    expect(split.find((s) => s.indicator === 'new_cdcs')).toMatchObject({ short: false });
    expect(split.find((s) => s.indicator === 'new_ndcs')).toMatchObject({
      own: undefined,
      short: false,
    });
  });

  it('turns every cell into a change: a value, or a removal when empty', () => {
    const changes = cellChanges({ [cellKey(A, 'new_members')]: '1 200' }, [A], 2026);
    expect(changes).toHaveLength(8);
    expect(changes[0]).toEqual({ unitId: A, year: 2026, indicator: 'new_members', value: 1200 });
    expect(changes.slice(1).every((c) => c.value === undefined)).toBe(true);
  });

  it('copies last year’s targets into the empty cells only', () => {
    const targets = [
      makeTarget({ id: fixtureId(5, 1), unitId: A, year: 2025, value: 500 }),
      makeTarget({ id: fixtureId(5, 2), unitId: B, year: 2025, value: 400 }),
      makeTarget({ id: fixtureId(5, 3), unitId: A, year: 2024, indicator: 'new_cdcs', value: 9 }),
    ];
    const typed = { [cellKey(B, 'new_members')]: '450' };
    const copied = copyLastYear(typed, targets, [IDS.upperUnit, A, B], 2026);
    expect(copied.copied).toBe(1);
    expect(copied.cells).toEqual({
      [cellKey(A, 'new_members')]: '500',
      [cellKey(B, 'new_members')]: '450',
    });
    expect(initialCells(targets, [A], 2025)).toEqual({ [cellKey(A, 'new_members')]: '500' });
  });
});

describe('the entry form', () => {
  const today = '2026-03-15';
  const id = fixtureId(6, 1);

  it('checks with checkIndicatorEntry: a whole positive count, a date not in the future', () => {
    const form = {
      ...newEntryForm(supervisor, today),
      kind: 'left' as const,
      count: '0',
      date: '16/03/2026',
    };
    expect(
      checkEntryForm(form, id, today)
        .issues.map((i) => i.field)
        .sort(),
    ).toEqual(['count', 'date']);
  });

  it('makes the entry, with a decision only when one is typed', () => {
    const form = {
      ...newEntryForm(supervisor, today),
      kind: 'transferred_in' as const,
      count: '3',
      note: ' Từ KCN ',
    };
    expect(checkEntryForm(form, id, today).value).toEqual({
      id,
      unitId: IDS.upperUnit,
      kind: 'transferred_in',
      date: '2026-03-15',
      count: 3,
      note: 'Từ KCN',
    });
    const decided = {
      ...form,
      decision: { number: '7/QĐ', date: '10/03/2026', issuedBy: IDS.upperUnit },
    };
    expect(checkEntryForm(decided, id, today).value?.decision).toEqual({
      number: '7/QĐ',
      date: '2026-03-10',
      issuedBy: IDS.upperUnit,
    });
  });

  it('dates an opening count 1 January of the year typed', () => {
    expect(withKind(newEntryForm(supervisor, today), 'members_opening').date).toBe('01/01/2026');
    expect(withKind(newEntryForm(supervisor, today), 'left').date).toBe('15/03/2026');
  });

  it('offers the units of the supervisor’s subtree', () => {
    expect(entryUnitOptions(supervisor, units).map((o) => o.value)).toEqual([A, B, IDS.upperUnit]);
  });
});

describe('the assignments screen', () => {
  const data: AssignmentData = {
    units,
    enterprises: [
      {
        id: fixtureId(2, 1),
        name: 'Công ty Bình An',
        unitId: A,
        wardCode: '001',
        assignedTo: IDS.organizer,
      },
      { id: fixtureId(2, 2), name: 'Công ty An Lạc', unitId: A, wardCode: '002' },
      { id: fixtureId(2, 3), name: 'Công ty Đông Á', unitId: B, wardCode: '001' },
    ],
    people: [
      { id: IDS.organizer, displayName: 'Lan', role: 'organizer', unitId: A, active: true },
      { id: IDS.admin, displayName: 'Bình', role: 'organizer', unitId: B, active: true },
      { id: IDS.supervisor, displayName: 'Cũ', role: 'organizer', unitId: A, active: false },
    ],
  };
  const names = (rows: { name: string }[]) => rows.map((row) => row.name);

  it('filters by unit, ward and the unassigned, in Vietnamese order', () => {
    expect(names(filterEnterprises(data, ALL_ENTERPRISES))).toEqual([
      'Công ty An Lạc',
      'Công ty Bình An',
      'Công ty Đông Á',
    ]);
    expect(names(filterEnterprises(data, { ...ALL_ENTERPRISES, wardCode: '001' }))).toEqual([
      'Công ty Bình An',
      'Công ty Đông Á',
    ]);
    expect(
      names(filterEnterprises(data, { ...ALL_ENTERPRISES, unitId: A, unassignedOnly: true })),
    ).toEqual(['Công ty An Lạc']);
    expect(wardOptions(data, B, (code) => `P. ${code}`)).toEqual([
      { value: '001', label: 'P. 001' },
    ]);
  });

  it('offers the active people of the chosen enterprises’ one unit', () => {
    const [first, second, third] = data.enterprises;
    const oneUnit = [first, second].filter((e) => e !== undefined);
    const twoUnits = [first, third].filter((e) => e !== undefined);
    expect(assigneeOptions(data.people, oneUnit).map((o) => o.label)).toEqual(['Lan']);
    expect(assigneeOptions(data.people, twoUnits)).toEqual([]);
  });
});
