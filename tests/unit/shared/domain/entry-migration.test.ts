import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  indicatorFacts,
  indicatorValue,
  migrateIndicatorEntry,
  readIndicatorEntry,
  yearToDate,
} from '../../../../src/shared/domain';
import {
  type Indicator,
  indicatorEntrySchema,
  type LegacyIndicatorEntry,
} from '../../../../src/shared/schemas';
import { IDS, makeIndicatorEntry, makeLegacyIndicatorEntry } from '../../../fixtures/records';

type Migrated = Record<string, unknown>;

describe('migrateIndicatorEntry', () => {
  it.each<[Indicator, number, Migrated]>([
    ['new_members', 10, { kind: 'admitted_outside', count: 10 }],
    ['new_members', -3, { kind: 'adjustment', indicator: 'new_members', delta: -3 }],
    ['new_members', 0, { kind: 'adjustment', indicator: 'new_members', delta: 0 }],
    ['net_members', 20, { kind: 'adjustment', indicator: 'net_members', delta: 20 }],
    ['net_members', -8, { kind: 'left', count: 8 }],
    ['new_cdcs', 1, { kind: 'cdcs_founded_outside', count: 1 }],
    ['new_cdcs', -1, { kind: 'adjustment', indicator: 'new_cdcs', delta: -1 }],
    ['new_cdcs_25', 2, { kind: 'cdcs25_founded_outside', count: 2 }],
    ['new_ndcs', 1, { kind: 'ndcs_founded', count: 1 }],
    ['party_introductions', 2, { kind: 'party_introduced', count: 2 }],
    [
      'party_introductions',
      -2,
      { kind: 'adjustment', indicator: 'party_introductions', delta: -2 },
    ],
    ['informal_members', 3, { kind: 'informal_admitted', count: 3 }],
    ['party_admissions', 1, { kind: 'party_admitted', count: 1 }],
  ])('%s %i → %o', (indicator, delta, expected) => {
    const old = makeLegacyIndicatorEntry({ indicator, delta });
    const migrated = migrateIndicatorEntry(old);
    expect(migrated).toEqual({
      id: old.id,
      unitId: old.unitId,
      date: old.date,
      note: old.note,
      ...expected,
    });
    expect(v.is(indicatorEntrySchema, migrated)).toBe(true);
  });

  it('keeps the sync fields', () => {
    const old = makeLegacyIndicatorEntry({
      version: 3,
      updatedAt: '2025-04-01T08:00:00+07:00',
      updatedBy: IDS.supervisor,
    });
    expect(migrateIndicatorEntry(old)).toMatchObject({
      version: 3,
      updatedAt: '2025-04-01T08:00:00+07:00',
      updatedBy: IDS.supervisor,
    });
  });

  // Nothing lost: every old entry still moves the indicator it was entered for by its delta.
  it.each<[Indicator, number]>([
    ['new_members', 10],
    ['new_members', -3],
    ['net_members', 20],
    ['net_members', -8],
    ['new_cdcs', 1],
    ['new_cdcs', -1],
    ['new_cdcs_25', 2],
    ['new_cdcs_25', -2],
    ['new_ndcs', 1],
    ['new_ndcs', -1],
    ['party_introductions', 2],
    ['party_introductions', -1],
    ['informal_members', -4],
    ['party_admissions', 5],
  ])('%s %i still counts %i on its indicator', (indicator, delta) => {
    const entry = migrateIndicatorEntry(makeLegacyIndicatorEntry({ indicator, delta }));
    const facts = indicatorFacts({ enterprises: [], signups: [], entries: [entry] });
    const scope = { facts, unitIds: new Set([IDS.upperUnit]), period: yearToDate('2025-12-31') };
    expect(indicatorValue(indicator, scope)).toBe(delta);
  });
});

describe('readIndicatorEntry', () => {
  it('reads an entry of the current model as it is', () => {
    expect(readIndicatorEntry(makeIndicatorEntry())).toEqual(makeIndicatorEntry());
  });

  it('migrates an entry of the first model', () => {
    expect(readIndicatorEntry(makeLegacyIndicatorEntry({ delta: -8 }))).toMatchObject({
      kind: 'left',
      count: 8,
    });
  });

  it.each<[string, unknown]>([
    ['neither shape', { id: IDS.indicatorEntry, count: 3 }],
    ['an unknown old indicator', { ...makeLegacyIndicatorEntry(), indicator: 'visits' }],
    [
      'a fractional old delta',
      { ...makeLegacyIndicatorEntry(), delta: 1.5 } as LegacyIndicatorEntry,
    ],
    ['not an object', 'entry'],
  ])('gives undefined for %s', (_label, input) => {
    expect(readIndicatorEntry(input)).toBeUndefined();
  });
});
