import {
  type AccessFacts,
  type Actor,
  authorizeWrite,
  type Write,
} from '../../../../src/shared/domain';
import type { Enterprise, SignupRecord, UserRole, Visit } from '../../../../src/shared/schemas';
import {
  fixtureId,
  makeDecision,
  makeEnterprise,
  makeSignup,
  makeUnit,
  makeVisit,
} from '../../../fixtures/records';

/**
 * Shared by the access tests: the roles table of docs/design.md §3, row by row, for every role. Every actor works in unit U;
 * units: federation F > U > commune C, and F > another branch O. An organizer's scope is U, a
 * supervisor's and an admin's U and C.
 */

export const [F, U, C, O] = [1, 2, 3, 4].map((n) => fixtureId(1, n)) as [
  string,
  string,
  string,
  string,
];
export const units = [
  makeUnit({ id: F, kind: 'federation', parentId: undefined }),
  makeUnit({ id: U, parentId: F }),
  makeUnit({ id: C, kind: 'commune', parentId: U }),
  makeUnit({ id: O, parentId: F }),
];
export const user = (n: number) => fixtureId(3, n);
export const [ORG, SUP, ADM, ORG2, ORGC, GONE] = [1, 2, 3, 4, 5, 6].map(user) as [
  string,
  string,
  string,
  string,
  string,
  string,
];
export const actors: Record<UserRole, Actor> = {
  organizer: { id: ORG, role: 'organizer', unitId: U },
  supervisor: { id: SUP, role: 'supervisor', unitId: U },
  admin: { id: ADM, role: 'admin', unitId: U },
};
export const users = [
  { id: ORG, unitId: U, active: true },
  { id: SUP, unitId: U, active: true },
  { id: ADM, unitId: U, active: true },
  { id: ORG2, unitId: U, active: true },
  { id: ORGC, unitId: C, active: true },
  { id: GONE, unitId: U, active: false },
];
export const [eU, eC, eO] = [1, 2, 3].map((n) => fixtureId(2, n)) as [string, string, string];
export const facts: AccessFacts = {
  units,
  users,
  enterprises: [
    { id: eU, unitId: U },
    { id: eC, unitId: C },
    { id: eO, unitId: O },
  ],
};

/** A decision issued by U, the actors' unit. */
export const decisionOfU = (overrides: Parameters<typeof makeDecision>[0] = {}) =>
  makeDecision({ issuedBy: U, ...overrides });
export const enterprise = (overrides: Partial<Enterprise> = {}) =>
  makeEnterprise({ id: eU, unitId: U, assignedTo: ORG, ...overrides });
export const founding = {
  stage: 'founded',
  unionStatus: 'cdcs',
  foundedAt: '2025-05-20',
  foundingDecision: decisionOfU({ number: '45/QĐ', date: '2025-05-20' }),
  workerCountAtFounding: 320,
  membersAtFounding: 12,
} as const;
export const founded = enterprise(founding);
export const visit = (authorId: string, overrides: Partial<Visit> = {}) =>
  makeVisit({ enterpriseId: eU, authorId, ...overrides });
export const signup = (authorId: string, overrides: Partial<SignupRecord> = {}) =>
  ({ ...makeSignup({ enterpriseId: eU, authorId }), ...overrides }) as SignupRecord;
export const acceptedSignup = signup(ORG, { status: 'accepted', decision: decisionOfU() });
export const rejectedSignup = signup(ORG, { status: 'rejected', rejectionReason: 'Giám đốc' });

export const put = <T>(stored: T | undefined, incoming: T) => ({
  op: 'put' as const,
  stored,
  incoming,
});
export const del = <T>(stored: T) => ({ op: 'delete' as const, stored });

export const OK = 'ok';
export type Expected = Record<UserRole, string>;
/** Organizer's answer, then the supervisor's, then the admin's (the supervisor's by default). */
export const by = (organizer: string, supervisor: string, admin = supervisor): Expected => ({
  organizer,
  supervisor,
  admin,
});
export const all = (answer: string): Expected => by(answer, answer, answer);

export function answer(role: UserRole, write: Write): string {
  const issues = authorizeWrite(actors[role], write, facts);
  return issues.length === 0
    ? OK
    : issues.map((issue) => `${issue.code}@${issue.field}`).join(', ');
}

/** One row: what the write is, the write, and each role's answer. */
export type Row = [string, Write, Expected];

/** Each row once per role, for it.each. */
export function perRole(rows: readonly Row[]) {
  return rows.flatMap(([label, write, expected]) =>
    (['organizer', 'supervisor', 'admin'] as const).map(
      (role) => [label, role, write, expected[role]] as const,
    ),
  );
}
