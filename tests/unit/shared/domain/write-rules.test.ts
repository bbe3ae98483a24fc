import { describe, expect, it } from 'vitest';
import {
  checkWriteRules,
  type IdNumberHolder,
  prepareWrite,
  type Write,
  type WriteFacts,
} from '../../../../src/shared/domain';
import type { SignupRecord, UserRole } from '../../../../src/shared/schemas';
import { fixtureId, makeDecision, makeIndicatorEntry } from '../../../fixtures/records';
import {
  acceptedSignup,
  actors,
  del,
  enterprise,
  F,
  facts,
  founded,
  founding,
  O,
  ORG,
  put,
  signup,
  U,
} from './access-setup';

const member: IdNumberHolder = {
  id: fixtureId(4, 77),
  status: 'accepted',
  idNumber: '001195012345',
};
const waiting: IdNumberHolder = {
  id: fixtureId(4, 78),
  status: 'submitted',
  idNumber: '001195012345',
};
const withFounding = (overrides: Parameters<typeof enterprise>[0]) =>
  enterprise({ ...founded, workerCountAtFounding: 320, ...overrides });

const rows: [string, UserRole, Write, Partial<WriteFacts>, string[]][] = [
  [
    'eligible with 5 applications',
    'supervisor',
    { entity: 'enterprise', ...put(enterprise(), enterprise({ stage: 'eligible' })) },
    { applicationCount: 5 },
    [],
  ],
  [
    'eligible with 4 applications',
    'organizer',
    { entity: 'enterprise', ...put(enterprise(), enterprise({ stage: 'eligible' })) },
    { applicationCount: 4 },
    ['pipeline.not_enough_applications'],
  ],
  [
    'a founding with 5 applications',
    'supervisor',
    { entity: 'enterprise', ...put(enterprise(), founded) },
    { applicationCount: 5 },
    [],
  ],
  [
    'a founding with 12 members at founding',
    'supervisor',
    { entity: 'enterprise', ...put(enterprise(), founded) },
    { applicationCount: 0 },
    [],
  ],
  [
    'a founding with 3 applications and 4 members',
    'supervisor',
    { entity: 'enterprise', ...put(enterprise(), withFounding({ membersAtFounding: 4 })) },
    { applicationCount: 3 },
    ['pipeline.not_enough_to_found'],
  ],
  [
    'a founding decided by another branch',
    'supervisor',
    {
      entity: 'enterprise',
      ...put(
        enterprise(),
        withFounding({ foundingDecision: makeDecision({ issuedBy: O, date: founding.foundedAt }) }),
      ),
    },
    { applicationCount: 5 },
    ['admission.issuer_unrelated'],
  ],
  [
    'a founding decided by the federation',
    'supervisor',
    {
      entity: 'enterprise',
      ...put(
        enterprise(),
        withFounding({ foundingDecision: makeDecision({ issuedBy: F, date: founding.foundedAt }) }),
      ),
    },
    { applicationCount: 5 },
    [],
  ],
  [
    "an organizer's founding: refused by role, nothing else judged",
    'organizer',
    { entity: 'enterprise', ...put(enterprise(), withFounding({ membersAtFounding: 0 })) },
    {},
    ['forbidden.record_founding'],
  ],
  [
    'an accepted application',
    'supervisor',
    { entity: 'signup', ...put(signup(ORG), acceptedSignup) },
    {},
    [],
  ],
  [
    'accepting someone already a member',
    'supervisor',
    { entity: 'signup', ...put(signup(ORG), acceptedSignup) },
    { sameIdNumber: [member] },
    ['admission.already_member'],
  ],
  [
    'accepting someone with another waiting application',
    'supervisor',
    { entity: 'signup', ...put(signup(ORG), acceptedSignup) },
    { sameIdNumber: [waiting] },
    [],
  ],
  [
    "editing a member's phone despite a duplicate found later",
    'supervisor',
    {
      entity: 'signup',
      ...put(acceptedSignup, { ...acceptedSignup, phone: '+84987654321' } as SignupRecord),
    },
    { sameIdNumber: [member] },
    [],
  ],
  [
    'accepting by a decision of another branch',
    'supervisor',
    {
      entity: 'signup',
      ...put(signup(ORG), {
        ...acceptedSignup,
        decision: makeDecision({ issuedBy: O }),
      } as SignupRecord),
    },
    {},
    ['admission.issuer_unrelated'],
  ],
  [
    'an entry with a decision of U',
    'supervisor',
    {
      entity: 'indicatorEntry',
      ...put(undefined, makeIndicatorEntry({ unitId: U, decision: makeDecision({ issuedBy: U }) })),
    },
    {},
    [],
  ],
  [
    'an entry with a decision of another branch',
    'supervisor',
    {
      entity: 'indicatorEntry',
      ...put(undefined, makeIndicatorEntry({ unitId: U, decision: makeDecision({ issuedBy: O }) })),
    },
    {},
    ['admission.issuer_unrelated'],
  ],
  [
    'deleting an accepted application',
    'admin',
    { entity: 'signup', ...del(acceptedSignup) },
    { sameIdNumber: [member] },
    [],
  ],
];

describe('checkWriteRules', () => {
  it.each(rows)('%s (%s)', (_label, role, write, more, expected) => {
    const issues = checkWriteRules(actors[role], prepareWrite(actors[role], write), {
      ...facts,
      ...more,
    });
    expect(issues.map((issue) => issue.code)).toEqual(expected);
  });
});

describe('prepareWrite', () => {
  it("assigns an organizer's new enterprise to them", () => {
    const write = prepareWrite(actors.organizer, {
      entity: 'enterprise',
      ...put(undefined, enterprise({ assignedTo: undefined })),
    });
    expect(write.op === 'put' && write.incoming).toMatchObject({ assignedTo: ORG });
  });

  it('fills the workers at founding from the worker count', () => {
    const incoming = enterprise({ ...founded, workerCountAtFounding: undefined, workerCount: 28 });
    const write = prepareWrite(actors.supervisor, {
      entity: 'enterprise',
      ...put(enterprise(), incoming),
    });
    expect(write.op === 'put' && write.incoming).toMatchObject({ workerCountAtFounding: 28 });
  });

  it('leaves other writes as they are', () => {
    const write: Write = { entity: 'signup', ...put(undefined, signup(ORG)) };
    expect(prepareWrite(actors.organizer, write)).toBe(write);
  });
});
