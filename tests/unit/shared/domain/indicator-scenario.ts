import type { IndicatorData } from '../../../../src/shared/domain';
import type {
  Enterprise,
  EntryKind,
  IndicatorEntry,
  SignupRecord,
  Target,
} from '../../../../src/shared/schemas';
import {
  fixtureId,
  makeDecision,
  makeEnterprise,
  makeIndicatorEntry,
  makeSignup,
  makeSignupDraft,
  makeTarget,
  makeUnit,
} from '../../../fixtures/records';

/**
 * One federation's records for the indicator tests; every expectation in indicators.test.ts and
 * report.test.ts is counted by hand from this list (the comments say which records count).
 *
 * Units: federation F > upper U > commune C, and F > other O. Reports are for U (U + C).
 */
export const F = fixtureId(1, 1);
export const U = fixtureId(1, 2);
export const C = fixtureId(1, 3);
export const O = fixtureId(1, 4);
export const units = [
  makeUnit({ id: F, name: 'LĐLĐ', kind: 'federation', parentId: undefined }),
  makeUnit({ id: U, name: 'CĐ KCN', kind: 'upper', parentId: F }),
  makeUnit({ id: C, name: 'CĐ phường', kind: 'commune', parentId: U }),
  makeUnit({ id: O, name: 'CĐ ngành', kind: 'upper', parentId: F }),
];

export const e = (n: number) => fixtureId(2, n);

function founded(
  n: number,
  unitId: string,
  foundedAt: string,
  counts: Pick<Enterprise, 'workerCount' | 'workerCountAtFounding'>,
  stage: 'founded' | 'closed' = 'founded',
): Enterprise {
  return makeEnterprise({
    id: e(n),
    unitId,
    stage,
    femaleWorkerCount: 0,
    ...counts,
    foundedAt,
    foundingDecision: makeDecision({ number: `${n}/QĐ`, date: foundedAt, issuedBy: unitId }),
  });
}

export const enterprises: Enterprise[] = [
  founded(1, U, '2025-03-15', { workerCount: 320, workerCountAtFounding: 320 }),
  founded(2, C, '2025-01-20', { workerCount: 20, workerCountAtFounding: 20 }),
  founded(3, O, '2025-03-02', { workerCount: 100, workerCountAtFounding: 100 }),
  founded(4, U, '2024-12-30', { workerCount: 50, workerCountAtFounding: 50 }),
  makeEnterprise({ id: e(5), unitId: U, stage: 'collecting_applications' }),
  // Founded in April, closed since: still a new CĐCS of April.
  founded(6, U, '2025-04-02', { workerCount: 40, workerCountAtFounding: 40 }, 'closed'),
  // Founded on the last day of March at 30 workers, 20 today: still one of ≥ 25 workers.
  founded(7, U, '2025-03-31', { workerCount: 20, workerCountAtFounding: 30 }),
  // Founded at 20 workers, 300 today: not one of ≥ 25 workers.
  founded(8, C, '2025-03-10', { workerCount: 300, workerCountAtFounding: 20 }),
  // Founded before workerCountAtFounding existed: its worker count (25) stands in.
  founded(9, U, '2025-02-10', { workerCount: 25, workerCountAtFounding: undefined }),
];

let signupCount = 0;
function accepted(enterpriseId: string, date: string, signedAt = '2025-01-05'): SignupRecord {
  signupCount += 1;
  return makeSignup({
    id: fixtureId(4, signupCount),
    enterpriseId,
    status: 'accepted',
    signedAt,
    decision: makeDecision({ number: `${signupCount}/QĐ-KN`, date }),
  });
}

export const signups: SignupRecord[] = [
  accepted(e(1), '2025-03-10'),
  accepted(e(1), '2025-03-10'),
  accepted(e(1), '2025-03-31'), // the last day of March: counts in March
  accepted(e(5), '2025-02-05'),
  accepted(e(3), '2025-03-12'), // other unit
  accepted(e(1), '2024-12-31', '2024-12-01'), // previous year
  accepted(e(1), '2025-01-08', '2024-12-20'), // signed in December, accepted in January
  accepted(e(8), '2025-04-01'), // commune C, April
  accepted(fixtureId(2, 99), '2025-03-10'), // an enterprise the data does not hold: no unit
  makeSignup({ id: fixtureId(4, 90), enterpriseId: e(1), status: 'submitted' }),
  makeSignup({
    id: fixtureId(4, 91),
    enterpriseId: e(1),
    status: 'rejected',
    rejectionReason: 'Giám đốc',
  }),
  makeSignupDraft({ id: fixtureId(4, 92), enterpriseId: e(1) }),
];

let entryCount = 0;
function entry(unitId: string, kind: EntryKind, date: string, count: number): IndicatorEntry {
  entryCount += 1;
  return makeIndicatorEntry({ id: fixtureId(6, entryCount), unitId, kind, date, count });
}

export const entries: IndicatorEntry[] = [
  entry(U, 'admitted_outside', '2025-03-31', 10),
  entry(U, 'admitted_outside', '2025-04-01', 7),
  entry(U, 'transferred_in', '2025-03-20', 4),
  entry(U, 'left', '2025-03-25', 8),
  entry(U, 'transferred_out', '2025-02-14', 2),
  entry(U, 'informal_admitted', '2025-03-05', 3),
  entry(U, 'members_opening', '2025-01-01', 1_000),
  entry(U, 'cdcs_opening', '2025-01-01', 40),
  entry(U, 'cdcs_founded_outside', '2025-03-01', 1),
  entry(U, 'cdcs25_founded_outside', '2025-03-01', 1),
  entry(U, 'cdcs_dissolved', '2025-02-20', 2),
  entry(U, 'ndcs_opening', '2025-01-01', 3),
  entry(U, 'ndcs_founded', '2025-02-14', 1),
  entry(U, 'party_introduced', '2025-03-03', 2),
  entry(U, 'party_admitted', '2025-03-28', 1),
  // A correction migrated from the first model: one admission too many on 15 March.
  {
    id: fixtureId(6, 50),
    unitId: U,
    date: '2025-03-15',
    kind: 'adjustment',
    indicator: 'new_members',
    delta: -1,
    note: 'Điều chỉnh',
  },
  entry(C, 'admitted_outside', '2025-02-28', 5),
  entry(C, 'left', '2025-01-10', 3),
  entry(C, 'members_opening', '2025-01-01', 200),
  entry(O, 'admitted_outside', '2025-03-01', 100),
  entry(O, 'members_opening', '2025-01-01', 500),
];

export const data: IndicatorData = { enterprises, signups, entries };

export const targets: Target[] = [
  makeTarget({ id: fixtureId(5, 1), unitId: U, indicator: 'new_members', value: 25 }),
  makeTarget({ id: fixtureId(5, 2), unitId: U, indicator: 'net_members', value: 20 }),
  makeTarget({ id: fixtureId(5, 3), unitId: U, indicator: 'informal_members', value: 4 }),
  makeTarget({ id: fixtureId(5, 4), unitId: U, indicator: 'new_cdcs', value: 2 }),
  makeTarget({ id: fixtureId(5, 5), unitId: U, indicator: 'new_cdcs_25', value: 3 }),
  makeTarget({ id: fixtureId(5, 6), unitId: U, indicator: 'new_ndcs', value: 0 }),
  makeTarget({
    id: fixtureId(5, 7),
    unitId: U,
    indicator: 'party_introductions',
    year: 2024,
    value: 5,
  }),
  makeTarget({ id: fixtureId(5, 8), unitId: C, indicator: 'new_members', value: 10 }),
];
