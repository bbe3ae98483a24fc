import { describe, expect, it } from 'vitest';
import { validateMutation, validateMutationData } from '../../../../src/shared/protocol';
import { SYNC_ENTITIES, type SyncEntity } from '../../../../src/shared/schemas';
import {
  IDS,
  makeEnterprise,
  makeIndicatorEntry,
  makeSignup,
  makeSignupDraft,
  makeTarget,
  makeVisit,
} from '../../../fixtures/records';

const today = '2025-03-10';

const valid: Record<SyncEntity, unknown> = {
  enterprise: makeEnterprise(),
  visit: makeVisit(),
  signup: makeSignup(),
  target: makeTarget(),
  indicatorEntry: makeIndicatorEntry({ date: '2025-03-01' }),
};

function codesOf(result: { ok: boolean; issues?: { code: string }[] }): string[] {
  return (result.issues ?? []).map((issue) => issue.code);
}

describe('validateMutationData', () => {
  it.each([...SYNC_ENTITIES])('accepts a valid %s', (entity) => {
    const result = validateMutationData(entity, valid[entity], { today });
    expect(result).toEqual({ ok: true, value: valid[entity], warnings: [] });
  });

  it.each<[string, SyncEntity, unknown, string[]]>([
    [
      'an enterprise with a bad tax code',
      'enterprise',
      makeEnterprise({ taxCode: '0100233480' }),
      ['tax_code.checksum'],
    ],
    ['a visit without outcome', 'visit', makeVisit({ outcome: '' }), ['visit.outcome.required']],
    ['a negative target', 'target', makeTarget({ value: -1 }), ['target.value.too_small']],
    [
      'an entry dated after today',
      'indicatorEntry',
      makeIndicatorEntry({ date: '2025-03-11' }),
      ['indicator_entry.date.future'],
    ],
    [
      'a submitted signup of a director',
      'signup',
      makeSignup({ managerRole: 'director' }),
      ['eligibility.manager_role'],
    ],
    [
      'a submitted signup missing its name',
      'signup',
      { ...makeSignup(), fullName: undefined },
      ['signup.full_name.required'],
    ],
    [
      'an accepted signup without decision',
      'signup',
      makeSignup({ status: 'accepted' }),
      ['signup.decision.required'],
    ],
    [
      'a draft with a wrong type',
      'signup',
      { ...makeSignupDraft(), consent: 'yes' },
      ['signup.consent.invalid'],
    ],
    [
      'a signup with an unknown status',
      'signup',
      { ...makeSignup(), status: 'archived' },
      ['signup.status.invalid'],
    ],
    [
      'a visit sent as an enterprise',
      'enterprise',
      makeVisit(),
      [
        'enterprise.name.required',
        'enterprise.ownership.required',
        'enterprise.province_code.required',
        'enterprise.ward_code.required',
        'enterprise.address.required',
        'enterprise.union_status.required',
        'enterprise.stage.required',
        'enterprise.stage_changed_at.required',
        'enterprise.unit_id.required',
      ],
    ],
    ['null', 'visit', null, ['visit.invalid']],
  ])('rejects %s', (_label, entity, data, codes) => {
    const result = validateMutationData(entity, data, { today });
    expect(result.ok).toBe(false);
    expect(codesOf(result)).toEqual(codes);
  });

  it('accepts an incomplete draft: drafts are checked for types only', () => {
    const draft = makeSignupDraft({ idNumber: '0011', dateOfBirth: '12/0' });
    expect(validateMutationData('signup', draft, { today })).toEqual({
      ok: true,
      value: draft,
      warnings: [],
    });
  });

  it('keeps warnings without blocking', () => {
    const result = validateMutationData('signup', makeSignup({ idNumber: '012345678' }), { today });
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((issue) => issue.code)).toEqual([
      'id_number.legacy_cmnd',
    ]);
  });

  it('returns the normalised record to store', () => {
    const result = validateMutationData(
      'enterprise',
      makeEnterprise({ contact: { name: 'Minh', role: 'HR', phone: '0912 345 678' } }),
      { today },
    );
    expect(result.ok && result.value.contact?.phone).toBe('+84912345678');
  });
});

describe('validateMutation', () => {
  const put = {
    mutationId: IDS.mutation,
    entity: 'signup',
    entityId: IDS.signup,
    op: 'put',
    data: makeSignup(),
  };

  it('accepts a put and returns the record', () => {
    const result = validateMutation(put, { today });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toEqual(makeSignup());
  });

  it('accepts a merged put with the values it replaced', () => {
    const merged = {
      ...put,
      baseVersion: 2,
      replaced: [{ field: 'phone', value: '+84911' }, { field: 'notes' }],
    };
    const result = validateMutation(merged, { today });
    expect(result.ok && result.mutation.replaced).toEqual(merged.replaced);
  });

  it('accepts a delete without data', () => {
    const result = validateMutation(
      { ...put, op: 'delete', data: undefined, baseVersion: 2 },
      { today },
    );
    expect(result).toMatchObject({ ok: true, warnings: [] });
    expect(result.ok && result.value).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a put without data', { data: undefined }, ['mutation.data_required']],
    ['a put with null data', { data: null }, ['mutation.data_required']],
    ['a delete with data', { op: 'delete' }, ['mutation.data_unexpected']],
    [
      'a record id that differs from entityId',
      { entityId: IDS.otherEnterprise },
      ['mutation.id_mismatch'],
    ],
    [
      'an id mismatch and an invalid record',
      { entityId: IDS.otherEnterprise, data: makeSignup({ consent: false }) },
      ['mutation.id_mismatch', 'eligibility.consent'],
    ],
    ['an unknown entity', { entity: 'user' }, ['mutation.entity.invalid']],
    ['an unknown op', { op: 'patch' }, ['mutation.op.invalid']],
    ['a negative base version', { baseVersion: -1 }, ['mutation.base_version.too_small']],
    [
      'a replaced list on a create',
      { replaced: [{ field: 'phone', value: '+84912345678' }] },
      ['mutation.replaced_unexpected'],
    ],
    [
      'a replaced list on a delete',
      { op: 'delete', data: undefined, baseVersion: 2, replaced: [] },
      ['mutation.replaced_unexpected'],
    ],
    [
      'a replaced value with a lone surrogate',
      { baseVersion: 2, replaced: [{ field: 'fullName', value: 'Lan \ud800' }] },
      ['signup.replaced.value.malformed_text'],
    ],
    [
      'a replaced value with a non-finite number',
      { baseVersion: 2, replaced: [{ field: 'workerCount', value: [Number.POSITIVE_INFINITY] }] },
      ['signup.replaced.value.not_finite'],
    ],
    [
      'a replaced server-set field',
      { baseVersion: 2, replaced: [{ field: 'authorId', value: IDS.organizer }] },
      ['mutation.replaced_field'],
    ],
    [
      'a replaced field that names no field',
      { baseVersion: 2, replaced: [{ field: '__proto__.x', value: 1 }] },
      ['mutation.replaced.field.invalid'],
    ],
  ])('rejects %s', (_label, overrides, codes) => {
    const result = validateMutation({ ...put, ...overrides }, { today });
    expect(result.ok).toBe(false);
    expect(codesOf(result)).toEqual(codes);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['a string', 'put'],
    ['an array', [put]],
  ])('never throws on %s', (_label, input) => {
    expect(validateMutation(input, { today }).ok).toBe(false);
  });
});
