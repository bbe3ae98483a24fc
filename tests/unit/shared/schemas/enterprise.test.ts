import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type Enterprise, enterpriseSchema, STAGES } from '../../../../src/shared/schemas';
import { makeDecision, makeEnterprise } from '../../../fixtures/records';
import { issuePaths, without } from './parse';

const minimal = without(
  without(without(without(makeEnterprise(), 'taxCode'), 'contact'), 'notes'),
  'workerCount',
);

describe('enterpriseSchema: valid records', () => {
  it.each<[string, unknown]>([
    ['the fixture', makeEnterprise()],
    ['only required fields', minimal],
    [
      'founded with its decision',
      makeEnterprise({
        stage: 'founded',
        unionStatus: 'cdcs',
        foundedAt: '2025-05-20',
        foundingDecision: makeDecision({ number: '45/QĐ-CĐKCN', date: '2025-05-20' }),
        workerCountAtFounding: 320,
        membersAtFounding: 12,
      }),
    ],
    ['operating since 1998', makeEnterprise({ operatingSince: 1998 })],
    [
      'founded, then closed (the founding stays)',
      makeEnterprise({
        stage: 'closed',
        foundedAt: '2025-05-20',
        foundingDecision: makeDecision({ date: '2025-05-20' }),
      }),
    ],
    ['contact without phone', makeEnterprise({ contact: { name: 'Chị Mai', role: '' } })],
    [
      'no worker count, some women',
      makeEnterprise({ workerCount: undefined, femaleWorkerCount: 10 }),
    ],
    ['women equal to workers', makeEnterprise({ workerCount: 30, femaleWorkerCount: 30 })],
    [
      'more members than workers (warning only, see checkEnterprise)',
      makeEnterprise({ workerCount: 10, femaleWorkerCount: 5, memberCount: 12 }),
    ],
    ['a million workers', makeEnterprise({ workerCount: 1_000_000, femaleWorkerCount: 0 })],
    ['unknown keys are dropped', { ...makeEnterprise(), legacyField: 1 }],
  ])('%s', (_label, input) => {
    expect(issuePaths(enterpriseSchema, input)).toEqual([]);
  });

  it.each(STAGES.filter((stage) => stage !== 'founded'))('stage %s needs no decision', (stage) => {
    expect(issuePaths(enterpriseSchema, makeEnterprise({ stage }))).toEqual([]);
  });

  it('normalises text to NFC and trims', () => {
    const parsed = v.parse(
      enterpriseSchema,
      makeEnterprise({ name: ' Công ty Hoà Bình '.normalize('NFD') }),
    );
    expect(parsed.name).toBe('Công ty Hoà Bình'.normalize('NFC'));
  });

  it('strips unknown keys', () => {
    const parsed = v.parse(enterpriseSchema, { ...makeEnterprise(), legacyField: 1 });
    expect(parsed).not.toHaveProperty('legacyField');
  });
});

describe('enterpriseSchema: invalid records', () => {
  it.each<[string, Partial<Enterprise> | Record<string, unknown>, string[]]>([
    ['empty name', { name: '   ' }, ['name']],
    ['name too long', { name: 'x'.repeat(201) }, ['name']],
    ['unknown ownership', { ownership: 'state' }, ['ownership']],
    ['unknown stage', { stage: 'signed' }, ['stage']],
    ['unknown union status', { unionStatus: 'yes' }, ['unionStatus']],
    ['province code of 3 digits', { provinceCode: '001' }, ['provinceCode']],
    ['ward code of 4 digits', { wardCode: '0004' }, ['wardCode']],
    ['empty address', { address: '' }, ['address']],
    ['negative worker count', { workerCount: -1 }, ['workerCount']],
    ['fractional worker count', { workerCount: 10.5 }, ['workerCount']],
    ['worker count over a million', { workerCount: 1_000_001 }, ['workerCount']],
    ['worker count as text', { workerCount: '300' }, ['workerCount']],
    ['more women than workers', { workerCount: 10, femaleWorkerCount: 11 }, ['femaleWorkerCount']],
    ['stage change without offset', { stageChangedAt: '2025-02-01T09:00:00' }, ['stageChangedAt']],
    ['impossible follow-up date', { nextFollowUp: '2025-02-30' }, ['nextFollowUp']],
    ['founded without decision nor date', { stage: 'founded' }, ['foundedAt', 'foundingDecision']],
    [
      'decision without number',
      { foundingDecision: makeDecision({ number: '' }) },
      ['foundingDecision.number'],
    ],
    [
      'decision with a bad date',
      { foundingDecision: makeDecision({ date: '20/05/2025' }) },
      ['foundingDecision.date'],
    ],
    [
      'decision without its issuing unit',
      { foundingDecision: { number: '1/QĐ', date: '2025-05-20' } },
      ['foundingDecision.issuedBy'],
    ],
    ['negative workers at founding', { workerCountAtFounding: -1 }, ['workerCountAtFounding']],
    ['fractional members at founding', { membersAtFounding: 4.5 }, ['membersAtFounding']],
    ['operating since as text', { operatingSince: '1998' }, ['operatingSince']],
    ['operating since year 98', { operatingSince: 98 }, ['operatingSince']],
    ['contact without name', { contact: { name: '', role: 'HR' } }, ['contact.name']],
    ['uppercase unit id', { unitId: '00000000-0000-4000-8000-00000000000A' }, ['unitId']],
    ['assignee not a uuid', { assignedTo: 'lan.nt' }, ['assignedTo']],
    ['notes over 5,000 characters', { notes: 'x'.repeat(5001) }, ['notes']],
    ['version 0', { version: 0 }, ['version']],
    ['updatedAt without offset', { updatedAt: '2025-01-01T00:00:00' }, ['updatedAt']],
  ])('%s', (_label, overrides, paths) => {
    expect(issuePaths(enterpriseSchema, { ...makeEnterprise(), ...overrides })).toEqual(paths);
  });

  it.each([
    'id',
    'name',
    'ownership',
    'provinceCode',
    'wardCode',
    'address',
    'unionStatus',
    'stage',
    'stageChangedAt',
    'unitId',
  ] as const)('missing %s', (key) => {
    expect(issuePaths(enterpriseSchema, without(makeEnterprise(), key))).toEqual([key]);
  });

  it('reports every problem at once', () => {
    expect(
      issuePaths(enterpriseSchema, { ...makeEnterprise(), name: '', workerCount: -5, stage: 'x' }),
    ).toEqual(['name', 'stage', 'workerCount']);
  });
});
