import { describe, expect, it } from 'vitest';
import { checkIndicatorEntry } from '../../../../src/shared/domain';
import { makeDecision, makeIndicatorEntry } from '../../../fixtures/records';

const today = '2025-04-10';

describe('checkIndicatorEntry', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['the fixture', {}, []],
    ['members on 1 January', { kind: 'members_opening', date: '2025-01-01', count: 9_016 }, []],
    [
      'members on 2 January',
      { kind: 'members_opening', date: '2025-01-02' },
      ['indicator_entry.date.not_new_year'],
    ],
    ['CĐCS on 31 March', { kind: 'cdcs_opening' }, ['indicator_entry.date.not_new_year']],
    ['NĐCS on 1 January', { kind: 'ndcs_opening', date: '2025-01-01' }, []],
    ['dated tomorrow', { date: '2025-04-11' }, ['indicator_entry.date.future']],
    [
      'a decision dated tomorrow',
      { decision: makeDecision({ date: '2025-04-11' }) },
      ['indicator_entry.decision.date.future'],
    ],
    ['a zero count', { count: 0 }, ['indicator_entry.count.too_small']],
    ['an unknown kind', { kind: 'visits' }, ['indicator_entry.kind.invalid']],
    [
      'an opening dated in the future and not on 1 January: one issue',
      { kind: 'members_opening', date: '2025-05-01' },
      ['indicator_entry.date.future'],
    ],
  ])('%s', (_label, overrides, expected) => {
    const result = checkIndicatorEntry({ ...makeIndicatorEntry(), ...overrides }, { today });
    expect(result.issues.map((issue) => issue.code)).toEqual(expected);
    expect(result.value !== undefined).toBe(expected.length === 0);
  });

  it('says which kind of figure the field is', () => {
    const [issue] = checkIndicatorEntry({ ...makeIndicatorEntry(), count: -2 }, { today }).issues;
    expect(issue?.message).toBe('Số lượng phải từ 1 trở lên.');
  });
});
