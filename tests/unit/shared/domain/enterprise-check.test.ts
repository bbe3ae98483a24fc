import { describe, expect, it } from 'vitest';
import { checkEnterprise, checkVisit } from '../../../../src/shared/domain';
import { makeDecision, makeEnterprise, makeVisit } from '../../../fixtures/records';

const today = '2025-03-10';

type Found = { field: string; level: string; code: string };
const found = (issues: Found[]): Found[] =>
  issues.map(({ field, level, code }) => ({ field, level, code }));

describe('checkEnterprise', () => {
  it('finds nothing in a valid record and returns it', () => {
    const result = checkEnterprise(makeEnterprise(), { today });
    expect(result).toEqual({ value: makeEnterprise(), issues: [] });
  });

  it.each<[string, Record<string, unknown>, Found[]]>([
    [
      'tax code with a wrong check digit',
      { taxCode: '0100233480' },
      [{ field: 'taxCode', level: 'error', code: 'tax_code.checksum' }],
    ],
    [
      'tax code branch 000',
      { taxCode: '0100233488-000' },
      [{ field: 'taxCode', level: 'error', code: 'tax_code.branch' }],
    ],
    [
      'tax code of letters',
      { taxCode: 'ABC' },
      [{ field: 'taxCode', level: 'error', code: 'tax_code.format' }],
    ],
    [
      'contact phone of 8 digits',
      { contact: { name: 'Minh', role: 'HR', phone: '09123456' } },
      [{ field: 'contact.phone', level: 'error', code: 'phone.length' }],
    ],
    [
      'more members than workers',
      { workerCount: 10, femaleWorkerCount: 5, memberCount: 12 },
      [
        {
          field: 'memberCount',
          level: 'warning',
          code: 'enterprise.member_count.exceeds_worker_count',
        },
      ],
    ],
    [
      'more women than workers',
      { workerCount: 10, femaleWorkerCount: 12 },
      [
        {
          field: 'femaleWorkerCount',
          level: 'error',
          code: 'enterprise.female_worker_count.exceeds_worker_count',
        },
      ],
    ],
    [
      'worker count dated in the future',
      { workerCountAsOf: '2025-04-01' },
      [{ field: 'workerCountAsOf', level: 'error', code: 'enterprise.worker_count_as_of.future' }],
    ],
    [
      'founded with a future decision',
      {
        stage: 'founded',
        foundedAt: '2025-03-10',
        foundingDecision: makeDecision({ number: '9/QĐ', date: '2025-03-11' }),
      },
      [
        {
          field: 'foundingDecision.date',
          level: 'error',
          code: 'enterprise.founding_decision.date.future',
        },
      ],
    ],
    [
      'operating since next year',
      { operatingSince: 2026 },
      [{ field: 'operatingSince', level: 'error', code: 'enterprise.operating_since.future' }],
    ],
    ['operating since this year', { operatingSince: 2025 }, []],
    [
      'founded without decision',
      { stage: 'founded', foundedAt: '2025-03-01' },
      [
        {
          field: 'foundingDecision',
          level: 'error',
          code: 'enterprise.founding_decision.required',
        },
      ],
    ],
    [
      'worker count too large',
      { workerCount: 2_000_000 },
      [{ field: 'workerCount', level: 'error', code: 'enterprise.worker_count.too_large' }],
    ],
  ])('%s', (_label, overrides, expected) => {
    expect(found(checkEnterprise({ ...makeEnterprise(), ...overrides }, { today }).issues)).toEqual(
      expected,
    );
  });

  it('normalises the tax code and the contact phone', () => {
    const result = checkEnterprise(
      makeEnterprise({
        taxCode: ' 0100 233 488 ',
        contact: { name: 'Minh', role: 'HR', phone: '0912.345.678' },
      }),
      { today },
    );
    expect(result.value?.taxCode).toBe('0100233488');
    expect(result.value?.contact?.phone).toBe('+84912345678');
  });

  it('keeps the value with only a warning', () => {
    const result = checkEnterprise(
      makeEnterprise({ workerCount: 10, femaleWorkerCount: 5, memberCount: 12 }),
      { today },
    );
    expect(result.value?.memberCount).toBe(12);
  });

  it('explains the too-large count with the limit in vi-VN format', () => {
    const [issue] = checkEnterprise(makeEnterprise({ workerCount: 2_000_000 }), { today }).issues;
    expect(issue?.message).toBe('Số lao động không được lớn hơn 1.000.000.');
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['a contact that is a string', { ...makeEnterprise(), contact: 'Minh' }],
  ])('never throws on %s', (_label, input) => {
    expect(checkEnterprise(input, { today }).issues.length).toBeGreaterThan(0);
  });
});

describe('checkVisit', () => {
  it('finds nothing in a valid visit', () => {
    expect(checkVisit(makeVisit())).toEqual({ value: makeVisit(), issues: [] });
  });

  it('normalises the phones of the people met', () => {
    const result = checkVisit(
      makeVisit({ peopleMet: [{ role: 'worker', phone: '0987 654 321' }, { role: 'hr' }] }),
    );
    expect(result.value?.peopleMet).toEqual([
      { role: 'worker', phone: '+84987654321' },
      { role: 'hr' },
    ]);
  });

  it.each<[string, Record<string, unknown>, Found[]]>([
    [
      'a bad phone of the second person',
      { peopleMet: [{ role: 'hr' }, { role: 'worker', phone: '0112345678' }] },
      [{ field: 'peopleMet.1.phone', level: 'error', code: 'phone.prefix' }],
    ],
    [
      'no purpose',
      { purposes: [] },
      [{ field: 'purposes', level: 'error', code: 'visit.purposes.required' }],
    ],
    [
      'an unknown role',
      { peopleMet: [{ role: 'boss' }] },
      [{ field: 'peopleMet.0.role', level: 'error', code: 'visit.people_met.role.invalid' }],
    ],
  ])('%s', (_label, overrides, expected) => {
    expect(found(checkVisit({ ...makeVisit(), ...overrides }).issues)).toEqual(expected);
  });
});
