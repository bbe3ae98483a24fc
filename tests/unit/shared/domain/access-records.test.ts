import { describe, expect, it } from 'vitest';
import {
  mayDo,
  ROLE_ACTIONS,
  type RoleAction,
  withCreatorAssignment,
} from '../../../../src/shared/domain';
import { type Enterprise, USER_ROLES, type UserRole } from '../../../../src/shared/schemas';
import {
  fixtureId,
  makeIndicatorEntry,
  makeTarget,
  makeUnit,
  makeUser,
} from '../../../fixtures/records';
import {
  actors,
  all,
  answer,
  by,
  C,
  del,
  enterprise,
  eO,
  F,
  O,
  OK,
  ORG,
  ORG2,
  perRole,
  put,
  type Row,
  U,
} from './access-setup';

// Targets, entries, units and accounts: supervisors' and admins' records.
const rows: Row[] = [
  // Targets.
  [
    'set a target of U',
    { entity: 'target', ...put(undefined, makeTarget({ unitId: U })) },
    by('forbidden.set_target@value', OK),
  ],
  [
    'set a target of C',
    { entity: 'target', ...put(undefined, makeTarget({ unitId: C })) },
    by('forbidden.set_target@value', OK),
  ],
  [
    'set a target of F, above',
    { entity: 'target', ...put(undefined, makeTarget({ unitId: F })) },
    by('forbidden.set_target@value', 'forbidden.out_of_scope@unitId'),
  ],
  [
    'move a target from U to O',
    { entity: 'target', ...put(makeTarget({ unitId: U }), makeTarget({ unitId: O })) },
    by('forbidden.set_target@value', 'forbidden.out_of_scope@unitId'),
  ],
  [
    'delete a target of U',
    { entity: 'target', ...del(makeTarget({ unitId: U })) },
    by('forbidden.set_target@value', OK),
  ],
  // Entries.
  [
    'record members who left in U',
    {
      entity: 'indicatorEntry',
      ...put(undefined, makeIndicatorEntry({ unitId: U, kind: 'left' })),
    },
    by('forbidden.record_entry@kind', OK),
  ],
  [
    'record an outside admission in C',
    { entity: 'indicatorEntry', ...put(undefined, makeIndicatorEntry({ unitId: C })) },
    by('forbidden.record_entry@kind', OK),
  ],
  [
    'record an entry in O',
    { entity: 'indicatorEntry', ...put(undefined, makeIndicatorEntry({ unitId: O })) },
    by('forbidden.record_entry@kind', 'forbidden.out_of_scope@unitId'),
  ],
  [
    'record an entry of U about an enterprise of O',
    {
      entity: 'indicatorEntry',
      ...put(undefined, makeIndicatorEntry({ unitId: U, enterpriseId: eO })),
    },
    by('forbidden.record_entry@kind', 'forbidden.out_of_scope@enterpriseId'),
  ],
  [
    'edit an entry of U',
    {
      entity: 'indicatorEntry',
      ...put(makeIndicatorEntry({ unitId: U }), makeIndicatorEntry({ unitId: U, count: 13 })),
    },
    by('forbidden.record_entry@kind', OK),
  ],
  [
    'delete an entry of U',
    { entity: 'indicatorEntry', ...del(makeIndicatorEntry({ unitId: U })) },
    by('forbidden.record_entry@kind', OK),
  ],
  // Units and accounts.
  [
    'create a unit under U',
    { entity: 'unit', ...put(undefined, makeUnit({ id: fixtureId(1, 9), parentId: U })) },
    by('forbidden.manage_accounts@name', 'forbidden.manage_accounts@name', OK),
  ],
  [
    'create a unit under O',
    { entity: 'unit', ...put(undefined, makeUnit({ id: fixtureId(1, 9), parentId: O })) },
    by(
      'forbidden.manage_accounts@name',
      'forbidden.manage_accounts@name',
      'forbidden.out_of_scope@parentId',
    ),
  ],
  [
    'create a unit without parent',
    { entity: 'unit', ...put(undefined, makeUnit({ id: fixtureId(1, 9), parentId: undefined })) },
    by(
      'forbidden.manage_accounts@name',
      'forbidden.manage_accounts@name',
      'forbidden.out_of_scope@parentId',
    ),
  ],
  [
    'rename the own unit',
    {
      entity: 'unit',
      ...put(makeUnit({ id: U, parentId: F }), makeUnit({ id: U, parentId: F, name: 'Mới' })),
    },
    by('forbidden.manage_accounts@name', 'forbidden.manage_accounts@name', OK),
  ],
  [
    'move C under O',
    { entity: 'unit', ...put(makeUnit({ id: C, parentId: U }), makeUnit({ id: C, parentId: O })) },
    by(
      'forbidden.manage_accounts@name',
      'forbidden.manage_accounts@name',
      'forbidden.out_of_scope@parentId',
    ),
  ],
  [
    'move U under C (a cycle)',
    { entity: 'unit', ...put(makeUnit({ id: U, parentId: F }), makeUnit({ id: U, parentId: C })) },
    by(
      'forbidden.manage_accounts@name',
      'forbidden.manage_accounts@name',
      'forbidden.out_of_scope@parentId',
    ),
  ],
  [
    'rename F, above',
    {
      entity: 'unit',
      ...put(
        makeUnit({ id: F, parentId: undefined }),
        makeUnit({ id: F, parentId: undefined, name: 'X' }),
      ),
    },
    by(
      'forbidden.manage_accounts@name',
      'forbidden.manage_accounts@name',
      'forbidden.out_of_scope@id',
    ),
  ],
  [
    'delete C',
    { entity: 'unit', ...del(makeUnit({ id: C, parentId: U })) },
    by('forbidden.manage_accounts@name', 'forbidden.manage_accounts@name', OK),
  ],
  [
    'delete the own unit',
    { entity: 'unit', ...del(makeUnit({ id: U, parentId: F })) },
    by(
      'forbidden.manage_accounts@name',
      'forbidden.manage_accounts@name',
      'forbidden.out_of_scope@id',
    ),
  ],
  [
    'create an account in C',
    { entity: 'user', ...put(undefined, makeUser({ id: fixtureId(3, 9), unitId: C })) },
    by('forbidden.manage_accounts@role', 'forbidden.manage_accounts@role', OK),
  ],
  [
    'create an account in O',
    { entity: 'user', ...put(undefined, makeUser({ id: fixtureId(3, 9), unitId: O })) },
    by(
      'forbidden.manage_accounts@role',
      'forbidden.manage_accounts@role',
      'forbidden.out_of_scope@unitId',
    ),
  ],
  [
    'move an account from U to O',
    { entity: 'user', ...put(makeUser({ unitId: U }), makeUser({ unitId: O })) },
    by(
      'forbidden.manage_accounts@role',
      'forbidden.manage_accounts@role',
      'forbidden.out_of_scope@unitId',
    ),
  ],
  // Nothing stored: the delete has nothing to authorize (the server answers it).
  ['delete a record that is not stored', { entity: 'signup', op: 'delete' }, all(OK)],
];

describe('authorizeWrite: targets, entries, units and accounts, for every role', () => {
  it.each(perRole(rows))('%s — %s', (_label, role, write, expected) => {
    expect(answer(role, write)).toBe(expected);
  });
});

describe('the roles table', () => {
  // organizer, supervisor, admin: what the app shows each role.
  const table: Record<RoleAction, [boolean, boolean, boolean]> = {
    record_work: [true, true, true],
    edit_others_work: [false, true, true],
    decide_signup: [false, true, true],
    record_founding: [false, true, true],
    record_entry: [false, true, true],
    set_target: [false, true, true],
    assign: [false, true, true],
    delete_accepted_signup: [false, false, true],
    undo_founding: [false, false, true],
    manage_accounts: [false, false, true],
  };
  it.each(ROLE_ACTIONS)('%s', (action) => {
    expect(USER_ROLES.map((role) => mayDo(role, action))).toEqual(table[action]);
  });
});

describe('withCreatorAssignment', () => {
  it.each<[string, UserRole, Enterprise | undefined, string | undefined, string | undefined]>([
    ["an organizer's new enterprise is theirs", 'organizer', undefined, undefined, ORG],
    ['an organizer keeps an assignee already chosen', 'organizer', undefined, ORG2, ORG2],
    ["an organizer's edit changes nothing", 'organizer', enterprise(), undefined, undefined],
    [
      "a supervisor's new enterprise stays unassigned",
      'supervisor',
      undefined,
      undefined,
      undefined,
    ],
  ])('%s', (_label, role, stored, assignedTo, expected) => {
    const incoming = enterprise({ assignedTo });
    expect(withCreatorAssignment(actors[role], stored, incoming).assignedTo).toBe(expected);
  });
});
