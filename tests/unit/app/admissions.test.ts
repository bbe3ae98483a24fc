import { describe, expect, it } from 'vitest';
import {
  applicationIssues,
  duplicatesPending,
  filterQueue,
  issuerOptions,
  latestSignature,
  NO_FILTER,
  queueOptions,
} from '../../../src/app/pages/supervisor/admission-queue';
import {
  checkDecisionInput,
  emptyDecision,
} from '../../../src/app/pages/supervisor/decision-input';
import type { AdmissionQueue, EnterpriseRow, SignupRow, UnitRow } from '../../../src/db';
import type { IdNumberHolder } from '../../../src/shared/domain';
import { fixtureId, IDS, makeEnterprise, makeSignup, makeUnit } from '../../fixtures/records';

const SELF = IDS.supervisor;
const OTHER = IDS.organizer;
const units: UnitRow[] = [
  makeUnit({ id: IDS.federation, name: 'LĐLĐ', kind: 'federation', parentId: undefined }),
  makeUnit({ id: IDS.upperUnit, name: 'CĐ KCN' }),
  makeUnit({ id: IDS.otherUnit, name: 'CĐ phường An Khánh', kind: 'commune' }),
];
const enterprises: EnterpriseRow[] = [
  { ...makeEnterprise(), searchKey: '', listOrder: 0 },
  {
    ...makeEnterprise({
      id: IDS.otherEnterprise,
      name: 'Công ty Đại Dương',
      unitId: IDS.otherUnit,
    }),
    searchKey: '',
    listOrder: 0,
  },
];

function queueOf(waiting: SignupRow[], accepted: SignupRow[] = []): AdmissionQueue {
  const idNumbers = new Map<string, IdNumberHolder[]>();
  for (const row of [...waiting, ...accepted]) {
    if (row.status === 'draft') continue;
    const list = idNumbers.get(row.idNumber) ?? [];
    list.push({ id: row.id, status: row.status, idNumber: row.idNumber });
    idNumbers.set(row.idNumber, list);
  }
  return {
    waiting,
    total: waiting.length,
    complete: true,
    enterprises: new Map(enterprises.map((e) => [e.id, e])),
    units,
    idNumbers,
  };
}

const a = makeSignup({ id: fixtureId(4, 1), signedAt: '2025-03-01', authorId: OTHER });
const b = makeSignup({
  id: fixtureId(4, 2),
  enterpriseId: IDS.otherEnterprise,
  signedAt: '2025-03-10',
  idNumber: '001195099999',
});
const c = makeSignup({
  id: fixtureId(4, 3),
  signedAt: '2025-03-20',
  authorId: OTHER,
  idNumber: '001195088888',
});

describe('filterQueue', () => {
  const queue = queueOf([a, b, c]);
  const ids = (rows: SignupRow[]) => rows.map((row) => row.id);
  it.each([
    ['nothing', {}, [a, b, c]],
    ['a unit takes in its subtree', { unitId: IDS.federation }, [a, b, c]],
    ['a unit', { unitId: IDS.otherUnit }, [b]],
    ['an enterprise', { enterpriseId: IDS.enterprise }, [a, c]],
    ['an organizer', { authorId: OTHER }, [a, c]],
    ['this device’s own, not yet named by the server', { authorId: SELF }, [b]],
    ['signed from (inclusive)', { from: '2025-03-10' }, [b, c]],
    ['signed until (inclusive)', { to: '2025-03-10' }, [a, b]],
  ])('by %s', (_name, filter, expected) => {
    expect(ids(filterQueue(queue, { ...NO_FILTER, ...filter }, SELF))).toEqual(ids(expected));
  });
});

describe('queueOptions', () => {
  it('offers the units of the waiting applications and those above, their enterprises and organizers', () => {
    const options = queueOptions(queueOf([a, b]), SELF, (id) => (id === SELF ? 'Tôi' : 'Lan'));
    expect(options.units.map((o) => o.value).sort()).toEqual(
      [IDS.federation, IDS.upperUnit, IDS.otherUnit].sort(),
    );
    expect(options.enterprises.map((o) => o.label)).toEqual([
      'Công ty Đại Dương',
      'Công ty TNHH May mặc Hòa Bình',
    ]);
    expect(options.organizers.map((o) => o.label)).toEqual(['Lan', 'Tôi']);
  });
});

describe('applicationIssues', () => {
  it('warns of another waiting application or a member with the same ID number', () => {
    const twin = makeSignup({ id: fixtureId(4, 9), idNumber: a.idNumber });
    const member = makeSignup({
      id: fixtureId(4, 10),
      idNumber: b.idNumber,
      status: 'accepted',
      decision: { number: '1', date: '2025-01-02', issuedBy: IDS.upperUnit },
    });
    const queue = queueOf([a, twin, b], [member]);
    expect(applicationIssues(a, queue).map((i) => [i.code, i.level])).toEqual([
      ['admission.duplicate_application', 'warning'],
    ]);
    expect(applicationIssues(b, queue).map((i) => [i.code, i.level])).toEqual([
      ['admission.already_member', 'warning'],
    ]);
    expect(applicationIssues(c, queue)).toEqual([]);
  });

  it('on the first screen, warns of no duplicate yet and says the check is still running', () => {
    const twin = makeSignup({ id: fixtureId(4, 9), idNumber: a.idNumber });
    const first = { ...queueOf([a, twin]), complete: false, idNumbers: undefined };
    expect(applicationIssues(a, first)).toEqual([]);
    expect(duplicatesPending(first)).toBe(true);
    expect(duplicatesPending(queueOf([a, twin]))).toBe(false);
  });

  it('shows the eligibility findings (a manager may not join)', () => {
    const manager = makeSignup({ id: fixtureId(4, 11), managerRole: 'director' });
    expect(applicationIssues(manager, queueOf([manager])).map((i) => i.code)).toContain(
      'eligibility.manager_role',
    );
  });
});

describe('decision input', () => {
  const today = '2025-04-02';
  it('starts dated today, issued by the supervisor’s unit', () => {
    expect(emptyDecision(IDS.upperUnit, today)).toEqual({
      number: '',
      date: '02/04/2025',
      issuedBy: IDS.upperUnit,
    });
  });

  it.each([
    ['a complete one', { number: ' 12/QĐ ', date: '01/04/2025' }, undefined, []],
    ['no number', { number: '', date: '01/04/2025' }, undefined, ['decision.number']],
    ['an unreadable date', { number: '1', date: '31/02/2025' }, undefined, ['decision.date']],
    ['a future date', { number: '1', date: '03/04/2025' }, undefined, ['decision.date']],
    [
      'a date before a signature',
      { number: '1', date: '01/04/2025' },
      '2025-04-02',
      ['decision.date'],
    ],
  ])('%s', (_name, typed, signedAt, fields) => {
    const input = { ...emptyDecision(IDS.upperUnit, today), ...typed };
    const checked = checkDecisionInput('decision', input, today, signedAt);
    expect(checked.issues.map((i) => i.field)).toEqual(fields);
    if (fields.length === 0) {
      expect(checked.value).toEqual({
        number: '12/QĐ',
        date: '2025-04-01',
        issuedBy: IDS.upperUnit,
      });
    }
  });

  it('offers the units on the supervisor’s line, their own first', () => {
    expect(issuerOptions(units, IDS.upperUnit).map((o) => o.value)).toEqual([
      IDS.upperUnit,
      IDS.federation,
    ]);
  });

  it('dates a decision no earlier than the latest signature chosen', () => {
    expect(latestSignature([a, c, b])).toBe('2025-03-20');
    expect(latestSignature([])).toBeUndefined();
  });
});
