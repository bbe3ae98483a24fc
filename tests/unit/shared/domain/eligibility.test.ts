import { describe, expect, it } from 'vitest';
import { checkEligibility, type EligibilityInput, isForeign } from '../../../../src/shared/domain';
import { MANAGER_ROLES } from '../../../../src/shared/schemas';

const eligible: EligibilityInput = {
  managerRole: 'none',
  dateOfBirth: '1995-04-12',
  signedAt: '2025-03-05',
  nationality: 'VN',
  contractType: 'indefinite',
  consent: true,
};

function found(input: EligibilityInput, options = {}) {
  return checkEligibility({ ...eligible, ...input }, options).map(({ field, level, code }) => ({
    field,
    level,
    code,
  }));
}

describe('checkEligibility', () => {
  it('finds nothing for an ordinary worker', () => {
    expect(found({})).toEqual([]);
  });

  it.each(MANAGER_ROLES.filter((role) => role !== 'none'))('%s is not eligible', (managerRole) => {
    expect(found({ managerRole })).toEqual([
      { field: 'managerRole', level: 'error', code: 'eligibility.manager_role' },
    ]);
  });

  it('names the position in the message', () => {
    const [issue] = checkEligibility({ ...eligible, managerRole: 'director' });
    expect(issue?.message).toContain('Giám đốc');
  });

  it.each<[string, EligibilityInput, { field: string; level: string; code: string }[]]>([
    ['absent manager role means none', { managerRole: undefined }, []],
    [
      'serving a prison sentence',
      { servingSentence: true },
      [{ field: 'servingSentence', level: 'error', code: 'eligibility.serving_sentence' }],
    ],
    ['not serving a sentence', { servingSentence: false }, []],
    [
      '14 the day before the 15th birthday',
      { dateOfBirth: '2010-03-06', signedAt: '2025-03-05' },
      [{ field: 'dateOfBirth', level: 'warning', code: 'eligibility.under_15' }],
    ],
    ['15 on the birthday', { dateOfBirth: '2010-03-05', signedAt: '2025-03-05' }, []],
    [
      'born on 29 February, 15 on 1 March',
      { dateOfBirth: '2008-02-29', signedAt: '2023-03-01' },
      [],
    ],
    [
      'no consent',
      { consent: false },
      [{ field: 'consent', level: 'error', code: 'eligibility.consent' }],
    ],
    [
      'consent absent',
      { consent: undefined },
      [{ field: 'consent', level: 'error', code: 'eligibility.consent' }],
    ],
    ['foreigner, indefinite contract', { nationality: 'KR' }, []],
    [
      'foreigner, 12-month contract',
      { nationality: 'KR', contractType: 'fixed', contractMonths: 12 },
      [],
    ],
    [
      'foreigner, 11-month contract',
      { nationality: 'KR', contractType: 'fixed', contractMonths: 11 },
      [{ field: 'contractMonths', level: 'error', code: 'eligibility.foreign_contract' }],
    ],
    [
      'foreigner, fixed contract without term',
      { nationality: 'CN', contractType: 'fixed' },
      [{ field: 'contractMonths', level: 'error', code: 'eligibility.foreign_contract' }],
    ],
    [
      'foreigner without contract',
      { nationality: 'CN', contractType: 'none' },
      [{ field: 'contractType', level: 'error', code: 'eligibility.foreign_contract' }],
    ],
    ['Vietnamese, 6-month contract', { contractType: 'fixed', contractMonths: 6 }, []],
    ['Vietnamese without contract', { contractType: 'none' }, []],
    ['lower-case vn is Vietnamese', { nationality: 'vn', contractType: 'none' }, []],
  ])('%s', (_label, input, expected) => {
    expect(found(input)).toEqual(expected);
  });

  it('reports every reason at once', () => {
    const codes = found({
      managerRole: 'owner',
      servingSentence: true,
      consent: false,
      dateOfBirth: '2012-01-01',
    }).map((issue) => issue.code);
    expect(codes).toEqual([
      'eligibility.manager_role',
      'eligibility.serving_sentence',
      'eligibility.under_15',
      'eligibility.consent',
    ]);
  });

  it('uses today for the age when the signing date is missing', () => {
    expect(
      found({ signedAt: undefined, dateOfBirth: '2012-01-01' }, { today: '2025-06-01' }),
    ).toEqual([{ field: 'dateOfBirth', level: 'warning', code: 'eligibility.under_15' }]);
    expect(found({ signedAt: undefined, dateOfBirth: '2012-01-01' })).toEqual([]);
  });

  it('ignores dates it cannot read (the schema reports them)', () => {
    expect(found({ dateOfBirth: '12/04/2015' })).toEqual([]);
  });

  describe('draft mode', () => {
    it.each<[string, EligibilityInput, string[]]>([
      ['missing consent is not an issue yet', { consent: undefined }, []],
      ['unticked consent is not an issue yet', { consent: false }, []],
      ['foreigner without contract type yet', { nationality: 'KR', contractType: undefined }, []],
      [
        'foreigner with fixed contract, term not typed yet',
        { nationality: 'KR', contractType: 'fixed' },
        [],
      ],
      [
        'foreigner with a short term',
        { nationality: 'KR', contractType: 'fixed', contractMonths: 6 },
        ['eligibility.foreign_contract'],
      ],
      ['a director', { managerRole: 'director' }, ['eligibility.manager_role']],
    ])('%s', (_label, input, expected) => {
      expect(found(input, { mode: 'draft' }).map((issue) => issue.code)).toEqual(expected);
    });
  });
});

describe('isForeign', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['', false],
    ['VN', false],
    [' vn ', false],
    ['KR', true],
    ['JP', true],
  ])('%s → %s', (nationality, expected) => {
    expect(isForeign(nationality)).toBe(expected);
  });
});
