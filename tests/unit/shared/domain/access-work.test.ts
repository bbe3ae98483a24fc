import { describe, expect, it } from 'vitest';
import { authorizeWrite } from '../../../../src/shared/domain';
import type { SignupRecord } from '../../../../src/shared/schemas';
import { fixtureId, makeSignupDraft } from '../../../fixtures/records';
import {
  acceptedSignup,
  actors,
  all,
  answer,
  by,
  C,
  decisionOfU,
  del,
  eC,
  enterprise,
  eO,
  facts,
  founded,
  founding,
  GONE,
  O,
  OK,
  ORG,
  ORG2,
  ORGC,
  perRole,
  put,
  type Row,
  rejectedSignup,
  signup,
  visit,
} from './access-setup';

// Enterprises, visits and applications: the work of organizers, and what only supervisors and
// admins may do to it (decide, found, assign, undo).
const rows: Row[] = [
  // Enterprises in scope.
  [
    'create an enterprise in U',
    { entity: 'enterprise', ...put(undefined, enterprise({ assignedTo: undefined })) },
    all(OK),
  ],
  [
    'create an enterprise in C',
    { entity: 'enterprise', ...put(undefined, enterprise({ unitId: C, assignedTo: undefined })) },
    by('forbidden.out_of_scope@unitId', OK),
  ],
  [
    'create an enterprise in O',
    { entity: 'enterprise', ...put(undefined, enterprise({ unitId: O, assignedTo: undefined })) },
    all('forbidden.out_of_scope@unitId'),
  ],
  [
    'edit an enterprise of U',
    { entity: 'enterprise', ...put(enterprise(), enterprise({ notes: 'Đã gặp' })) },
    all(OK),
  ],
  [
    'move an enterprise from U to O',
    { entity: 'enterprise', ...put(enterprise(), enterprise({ unitId: O })) },
    all('forbidden.out_of_scope@unitId'),
  ],
  ['delete an enterprise of U', { entity: 'enterprise', ...del(enterprise()) }, all(OK)],
  [
    'delete an enterprise of C',
    { entity: 'enterprise', ...del(enterprise({ unitId: C })) },
    by('forbidden.out_of_scope@unitId', OK),
  ],
  // Assignments.
  [
    'create an enterprise assigned to the organizer',
    { entity: 'enterprise', ...put(undefined, enterprise({ assignedTo: ORG })) },
    all(OK),
  ],
  [
    'create an enterprise assigned to another organizer of U',
    { entity: 'enterprise', ...put(undefined, enterprise({ assignedTo: ORG2 })) },
    by('forbidden.assign@assignedTo', OK),
  ],
  [
    'assign an enterprise to another organizer of U',
    { entity: 'enterprise', ...put(enterprise(), enterprise({ assignedTo: ORG2 })) },
    by('forbidden.assign@assignedTo', OK),
  ],
  [
    'leave assignedTo as it was (not an assignment)',
    {
      entity: 'enterprise',
      ...put(enterprise({ assignedTo: ORG2 }), enterprise({ assignedTo: ORG2, notes: 'x' })),
    },
    all(OK),
  ],
  [
    'unassign an enterprise',
    { entity: 'enterprise', ...put(enterprise(), enterprise({ assignedTo: undefined })) },
    by('forbidden.assign@assignedTo', OK),
  ],
  [
    'assign to an inactive user of U',
    { entity: 'enterprise', ...put(enterprise(), enterprise({ assignedTo: GONE })) },
    by('forbidden.assign@assignedTo', 'forbidden.assignee@assignedTo'),
  ],
  [
    'assign to a user of another unit (C)',
    { entity: 'enterprise', ...put(enterprise(), enterprise({ assignedTo: ORGC })) },
    by('forbidden.assign@assignedTo', 'forbidden.assignee@assignedTo'),
  ],
  [
    'assign to an unknown user',
    { entity: 'enterprise', ...put(enterprise(), enterprise({ assignedTo: fixtureId(3, 99) })) },
    by('forbidden.assign@assignedTo', 'forbidden.assignee@assignedTo'),
  ],
  [
    'move to C keeping an assignee of U',
    { entity: 'enterprise', ...put(enterprise(), enterprise({ unitId: C })) },
    by('forbidden.out_of_scope@unitId', 'forbidden.assignee@assignedTo'),
  ],
  [
    'move to C and assign an organizer of C',
    { entity: 'enterprise', ...put(enterprise(), enterprise({ unitId: C, assignedTo: ORGC })) },
    by('forbidden.out_of_scope@unitId', OK),
  ],
  // Foundings.
  [
    'record a founding',
    { entity: 'enterprise', ...put(enterprise(), founded) },
    by('forbidden.record_founding@foundingDecision', OK),
  ],
  [
    'create an enterprise already founded',
    { entity: 'enterprise', ...put(undefined, founded) },
    by('forbidden.record_founding@foundingDecision', OK),
  ],
  [
    'correct the founding decision number',
    {
      entity: 'enterprise',
      ...put(
        founded,
        enterprise({
          ...founding,
          foundingDecision: decisionOfU({ number: '46/QĐ', date: '2025-05-20' }),
        }),
      ),
    },
    by('forbidden.record_founding@foundingDecision', OK),
  ],
  [
    'change the workers at founding',
    {
      entity: 'enterprise',
      ...put(founded, enterprise({ ...founding, workerCountAtFounding: 20 })),
    },
    by('forbidden.record_founding@workerCountAtFounding', OK),
  ],
  [
    'edit the notes of a founded enterprise',
    {
      entity: 'enterprise',
      ...put(founded, enterprise({ ...founding, notes: 'Đại hội nhiệm kỳ' })),
    },
    all(OK),
  ],
  [
    'edit a founded enterprise whose decision came back with its keys reordered',
    {
      entity: 'enterprise',
      ...put(
        founded,
        enterprise({
          ...founding,
          foundingDecision: {
            issuedBy: founding.foundingDecision.issuedBy,
            date: '2025-05-20',
            number: '45/QĐ',
          },
        }),
      ),
    },
    all(OK),
  ],
  [
    'a founded enterprise closes (its founding stays)',
    { entity: 'enterprise', ...put(founded, enterprise({ ...founding, stage: 'closed' })) },
    all(OK),
  ],
  [
    'a closed, once founded enterprise is founded again',
    { entity: 'enterprise', ...put(enterprise({ ...founding, stage: 'closed' }), founded) },
    by('forbidden.record_founding@stage', OK),
  ],
  [
    'back into the pipeline from founded',
    { entity: 'enterprise', ...put(founded, enterprise({ ...founding, stage: 'persuading' })) },
    by('forbidden.undo_founding@stage', 'forbidden.undo_founding@stage', OK),
  ],
  [
    'remove the founding decision',
    { entity: 'enterprise', ...put(founded, enterprise({ stage: 'closed' })) },
    by('forbidden.undo_founding@foundingDecision', 'forbidden.undo_founding@foundingDecision', OK),
  ],
  [
    'delete a founded enterprise',
    { entity: 'enterprise', ...del(founded) },
    by('forbidden.undo_founding@foundingDecision', 'forbidden.undo_founding@foundingDecision', OK),
  ],
  // Visits.
  [
    'log a visit at an enterprise of U',
    { entity: 'visit', ...put(undefined, visit(ORG)) },
    all(OK),
  ],
  [
    'log a visit at an enterprise of C',
    { entity: 'visit', ...put(undefined, visit(ORG, { enterpriseId: eC })) },
    by('forbidden.out_of_scope@enterpriseId', OK),
  ],
  [
    'log a visit at an unknown enterprise',
    { entity: 'visit', ...put(undefined, visit(ORG, { enterpriseId: fixtureId(2, 99) })) },
    all('forbidden.out_of_scope@enterpriseId'),
  ],
  [
    "edit the organizer's own visit",
    { entity: 'visit', ...put(visit(ORG), visit(ORG, { outcome: 'Sửa' })) },
    all(OK),
  ],
  [
    "edit another organizer's visit",
    { entity: 'visit', ...put(visit(ORG2), visit(ORG2, { outcome: 'Sửa' })) },
    by('forbidden.edit_others_work@authorId', OK),
  ],
  ["delete the organizer's own visit", { entity: 'visit', ...del(visit(ORG)) }, all(OK)],
  [
    "delete another organizer's visit",
    { entity: 'visit', ...del(visit(ORG2)) },
    by('forbidden.edit_others_work@authorId', OK),
  ],
  [
    'move a visit to an enterprise of O',
    { entity: 'visit', ...put(visit(ORG), visit(ORG, { enterpriseId: eO })) },
    all('forbidden.out_of_scope@enterpriseId'),
  ],
  // Applications.
  ['collect an application at U', { entity: 'signup', ...put(undefined, signup(ORG)) }, all(OK)],
  [
    'start a draft at C',
    {
      entity: 'signup',
      ...put(undefined, { ...makeSignupDraft(), enterpriseId: eC } as SignupRecord),
    },
    by('forbidden.out_of_scope@enterpriseId', OK),
  ],
  [
    'edit an own undecided application',
    { entity: 'signup', ...put(signup(ORG), signup(ORG, { phone: '+84987654321' })) },
    all(OK),
  ],
  [
    "edit another organizer's undecided application",
    { entity: 'signup', ...put(signup(ORG2), signup(ORG2, { phone: '+84987654321' })) },
    by('forbidden.edit_others_work@authorId', OK),
  ],
  ['delete an own undecided application', { entity: 'signup', ...del(signup(ORG)) }, all(OK)],
  [
    "delete another organizer's undecided application",
    { entity: 'signup', ...del(signup(ORG2)) },
    by('forbidden.edit_others_work@authorId', OK),
  ],
  [
    'accept an application',
    { entity: 'signup', ...put(signup(ORG), acceptedSignup) },
    by('forbidden.decide_signup@status', OK),
  ],
  [
    'create an application already accepted',
    { entity: 'signup', ...put(undefined, acceptedSignup) },
    by('forbidden.decide_signup@status', OK),
  ],
  [
    'reject an application',
    { entity: 'signup', ...put(signup(ORG), rejectedSignup) },
    by('forbidden.decide_signup@status', OK),
  ],
  [
    'attach a decision to a submitted application',
    { entity: 'signup', ...put(signup(ORG), signup(ORG, { decision: decisionOfU() })) },
    by('forbidden.decide_signup@decision', OK),
  ],
  [
    'correct the decision of an accepted application',
    {
      entity: 'signup',
      ...put(acceptedSignup, {
        ...acceptedSignup,
        decision: decisionOfU({ number: '13/QĐ' }),
      } as SignupRecord),
    },
    by('forbidden.decide_signup@decision', OK),
  ],
  [
    'edit the phone of an accepted application',
    {
      entity: 'signup',
      ...put(acceptedSignup, { ...acceptedSignup, phone: '+84987654321' } as SignupRecord),
    },
    by('forbidden.decide_signup@status', OK),
  ],
  [
    'reopen a rejected application',
    { entity: 'signup', ...put(rejectedSignup, signup(ORG)) },
    by('forbidden.decide_signup@rejectionReason', OK),
  ],
  [
    'delete a rejected application',
    { entity: 'signup', ...del(rejectedSignup) },
    by('forbidden.decide_signup@status', OK),
  ],
  [
    'take an accepted application back to submitted',
    { entity: 'signup', ...put(acceptedSignup, signup(ORG)) },
    by('forbidden.delete_accepted_signup@status', 'forbidden.delete_accepted_signup@status', OK),
  ],
  [
    'delete an accepted application',
    { entity: 'signup', ...del(acceptedSignup) },
    by('forbidden.delete_accepted_signup@status', 'forbidden.delete_accepted_signup@status', OK),
  ],
  [
    'accept an application at O',
    {
      entity: 'signup',
      ...put(signup(ORG, { enterpriseId: eO }), {
        ...acceptedSignup,
        enterpriseId: eO,
      } as SignupRecord),
    },
    all('forbidden.out_of_scope@enterpriseId'),
  ],
];

describe('authorizeWrite: enterprises, visits and applications, for every role', () => {
  it.each(perRole(rows))('%s — %s', (_label, role, write, expected) => {
    expect(answer(role, write)).toBe(expected);
  });

  it('explains a refusal in Vietnamese', () => {
    const [issue] = authorizeWrite(
      actors.organizer,
      { entity: 'signup', ...put(signup(ORG), acceptedSignup) },
      facts,
    );
    expect(issue).toMatchObject({ level: 'error', field: 'status' });
    expect(issue?.message).toBe('Chỉ cán bộ theo dõi hoặc quản trị viên được xét kết nạp đơn.');
  });
});
