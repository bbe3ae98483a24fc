import { describe, expect, it } from 'vitest';
import {
  acceptSignups,
  checkDecisionDate,
  checkDecisionIssuer,
  type IdNumberHolder,
  idNumberDuplicateIssues,
  idNumberKey,
  rejectSignup,
} from '../../../../src/shared/domain';
import type { SignupRecord } from '../../../../src/shared/schemas';
import {
  fixtureId,
  makeDecision,
  makeSignup,
  makeSignupDraft,
  makeUnit,
} from '../../../fixtures/records';

const today = '2025-04-10';
const codes = (issues: { code: string }[]) => issues.map((issue) => issue.code);

describe('checkDecisionDate', () => {
  it.each<[string, string, string | undefined, string[]]>([
    ['the day of signing', '2025-03-05', '2025-03-05', []],
    ['today', today, '2025-03-05', []],
    ['accepted in January, signed in December', '2025-01-08', '2024-12-20', []],
    ['the day before signing', '2025-03-04', '2025-03-05', ['signup.decision.date.before_signing']],
    ['tomorrow', '2025-04-11', '2025-03-05', ['signup.decision.date.future']],
    [
      'tomorrow and before signing: the future first',
      '2025-04-11',
      '2025-04-20',
      ['signup.decision.date.future'],
    ],
    ['without a signing date', '2025-03-04', undefined, []],
  ])('%s', (_label, date, signedAt, expected) => {
    expect(codes(checkDecisionDate(date, signedAt, today))).toEqual(expected);
  });

  it('names the field it is given', () => {
    const [issue] = checkDecisionDate('2025-05-01', undefined, today, 'foundingDecision.date');
    expect(issue?.field).toBe('foundingDecision.date');
  });
});

describe('acceptSignups: one decision, many applications', () => {
  const decision = makeDecision({ number: '15/QĐ-CĐKCN', date: '2025-04-01' });
  const batch: SignupRecord[] = [
    makeSignup({ id: fixtureId(4, 1) }),
    makeSignup({ id: fixtureId(4, 2), status: 'rejected', rejectionReason: 'Thiếu chữ ký' }),
    makeSignup({ id: fixtureId(4, 3), signedAt: '2025-04-02' }),
    makeSignup({ id: fixtureId(4, 4), status: 'accepted', decision: makeDecision() }),
    makeSignupDraft({ id: fixtureId(4, 5) }),
    makeSignup({ id: fixtureId(4, 6) }),
  ];
  const outcome = acceptSignups(batch, decision, today);

  it('accepts the submitted and the reconsidered with the same decision', () => {
    expect(outcome.accepted.map((signup) => signup.id)).toEqual([
      fixtureId(4, 1),
      fixtureId(4, 2),
      fixtureId(4, 6),
    ]);
    for (const signup of outcome.accepted) {
      expect(signup).toMatchObject({ status: 'accepted', decision });
      expect(signup).not.toHaveProperty('rejectionReason');
    }
  });

  it('refuses the others, each with its reason, without holding the rest back', () => {
    expect(outcome.refused.map(({ id, issues }) => [id, codes(issues)])).toEqual([
      [fixtureId(4, 3), ['signup.decision.date.before_signing']],
      [fixtureId(4, 4), ['admission.not_admissible']],
      [fixtureId(4, 5), ['admission.not_admissible']],
    ]);
  });

  it('refuses a decision dated in the future for every application', () => {
    const later = acceptSignups(batch.slice(0, 1), makeDecision({ date: '2025-04-11' }), today);
    expect(later.accepted).toEqual([]);
    expect(codes(later.refused[0]?.issues ?? [])).toEqual(['signup.decision.date.future']);
  });
});

describe('rejectSignup', () => {
  it('rejects a submitted application with its reason, trimmed', () => {
    const result = rejectSignup(makeSignup(), '  Là giám đốc doanh nghiệp ');
    expect(result.issues).toEqual([]);
    expect(result.value).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Là giám đốc doanh nghiệp',
    });
  });

  it.each<[string, SignupRecord, string, string[]]>([
    ['without a reason', makeSignup(), '   ', ['signup.rejection_reason.required']],
    ['a draft', makeSignupDraft(), 'Thiếu', ['admission.not_rejectable']],
    [
      'an accepted application',
      makeSignup({ status: 'accepted', decision: makeDecision() }),
      'Thiếu',
      ['admission.not_rejectable'],
    ],
  ])('refuses %s', (_label, signup, reason, expected) => {
    const result = rejectSignup(signup, reason);
    expect(result.value).toBeUndefined();
    expect(codes(result.issues)).toEqual(expected);
  });
});

describe('idNumberKey', () => {
  it.each<[string | undefined, string]>([
    ['001195012345', '001195012345'],
    ['001 195 012 345', '001195012345'],
    ['b1234567', 'B1234567'],
    ['M-1234.567', 'M1234567'],
    [undefined, ''],
  ])('%s → %s', (idNumber, key) => {
    expect(idNumberKey(idNumber)).toBe(key);
  });
});

describe('idNumberDuplicateIssues', () => {
  const id = (n: number) => fixtureId(4, n);
  const others: IdNumberHolder[] = [
    { id: id(1), status: 'accepted', idNumber: '001195012345' },
    { id: id(2), status: 'submitted', idNumber: '001 195 012 345' },
    { id: id(3), status: 'submitted', idNumber: '001195012345' },
    { id: id(4), status: 'rejected', idNumber: '079090000001' },
    { id: id(5), status: 'draft', idNumber: '079090000001' },
    { id: id(6), status: 'submitted', idNumber: '079090000002' },
  ];
  type Found = [string, string, string];
  const found = (issues: { field: string; level: string; code: string }[]): Found[] =>
    issues.map(({ field, level, code }) => [field, level, code]);

  it.each<[string, IdNumberHolder, Found[]]>([
    [
      'being accepted while already a member: refused',
      { id: id(9), status: 'accepted', idNumber: '001195012345' },
      [
        ['idNumber', 'error', 'admission.already_member'],
        ['idNumber', 'warning', 'admission.duplicate_application'],
      ],
    ],
    [
      'waiting in the queue while already a member: a warning',
      { id: id(9), status: 'submitted', idNumber: '001195012345' },
      [
        ['idNumber', 'warning', 'admission.already_member'],
        ['idNumber', 'warning', 'admission.duplicate_application'],
      ],
    ],
    [
      'the member itself is not its own duplicate',
      { id: id(1), status: 'accepted', idNumber: '001195012345' },
      [['idNumber', 'warning', 'admission.duplicate_application']],
    ],
    [
      'another waiting application only',
      { id: id(9), status: 'submitted', idNumber: '079090000002' },
      [['idNumber', 'warning', 'admission.duplicate_application']],
    ],
    [
      'rejected and draft applications are not compared',
      { id: id(9), status: 'accepted', idNumber: '079090000001' },
      [],
    ],
    ['no ID number yet', { id: id(9), status: 'draft' }, []],
  ])('%s', (_label, signup, expected) => {
    expect(found(idNumberDuplicateIssues(signup, others))).toEqual(expected);
  });

  it('counts the other waiting applications in the message', () => {
    const issues = idNumberDuplicateIssues(
      { id: fixtureId(4, 9), status: 'submitted', idNumber: '001195012345' },
      others,
    );
    expect(issues[1]?.message).toContain('2 đơn khác');
  });
});

describe('checkDecisionIssuer', () => {
  const F = fixtureId(1, 1);
  const U = fixtureId(1, 2);
  const C = fixtureId(1, 3);
  const O = fixtureId(1, 4);
  const units = [
    makeUnit({ id: F, parentId: undefined }),
    makeUnit({ id: U, parentId: F }),
    makeUnit({ id: C, parentId: U }),
    makeUnit({ id: O, parentId: F }),
  ];

  it.each<[string, string, string, string[]]>([
    ['the managing unit', U, U, []],
    ['the federation above it', F, U, []],
    ['a unit below it', C, U, []],
    ['a unit of another branch', O, U, ['admission.issuer_unrelated']],
    ['a unit the tree does not know', fixtureId(1, 99), U, ['admission.issuer_unrelated']],
  ])('%s', (_label, issuedBy, recordUnit, expected) => {
    expect(codes(checkDecisionIssuer(issuedBy, recordUnit, units))).toEqual(expected);
  });
});
