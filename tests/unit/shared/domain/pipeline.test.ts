import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  applicationsStillNeeded,
  applyFoundingDecision,
  checkFounding,
  checkStageChange,
  checkTransition,
  type FoundingCounts,
  isSideState,
  MIN_FOUNDING_MEMBERS,
  stageLabel,
  stageRank,
  type TransitionFacts,
  transitionKind,
  withFoundingDefaults,
} from '../../../../src/shared/domain';
import {
  type Enterprise,
  enterpriseSchema,
  PIPELINE_STAGES,
  SIDE_STATES,
  type Stage,
} from '../../../../src/shared/schemas';
import { makeDecision, makeEnterprise } from '../../../fixtures/records';

const decision = makeDecision({ number: '45/QĐ-CĐKCN', date: '2025-05-20' });
const none: TransitionFacts = { applicationCount: 0, memberCount: 0 };
const five: TransitionFacts = { applicationCount: 5, memberCount: 0 };
const fiveMembers: TransitionFacts = { applicationCount: 0, memberCount: 5 };
const four: TransitionFacts = { applicationCount: 4, memberCount: 3 };
const withDecision: TransitionFacts = { ...five, foundingDecision: decision };
const decisionFiveAtFounding: TransitionFacts = {
  ...none,
  foundingDecision: decision,
  membersAtFounding: 5,
};

function codes(from: Stage, to: Stage, facts: TransitionFacts): string[] {
  return checkTransition(from, to, facts).map((issue) => issue.code);
}

describe('stage order', () => {
  it('ranks pipeline stages in order and side states at -1', () => {
    expect(PIPELINE_STAGES.map(stageRank)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(SIDE_STATES.map(stageRank)).toEqual([-1, -1, -1]);
  });

  it.each([...SIDE_STATES])('%s is a side state', (stage) => {
    expect(isSideState(stage)).toBe(true);
  });

  it.each([...PIPELINE_STAGES])('%s is not a side state', (stage) => {
    expect(isSideState(stage)).toBe(false);
  });

  it('labels stages from the catalogue', () => {
    expect(stageLabel('persuading')).toBe('Đang vận động');
  });
});

describe('transitionKind', () => {
  it.each<[Stage, Stage, string]>([
    ['surveyed', 'surveyed', 'same'],
    ['not_contacted', 'surveyed', 'forward'],
    ['surveyed', 'eligible', 'forward'],
    ['eligible', 'persuading', 'backward'],
    ['founded', 'not_contacted', 'backward'],
    ['persuading', 'refused', 'to_side_state'],
    ['refused', 'closed', 'to_side_state'],
    ['refused', 'persuading', 'from_side_state'],
  ])('%s → %s is %s', (from, to, kind) => {
    expect(transitionKind(from, to)).toBe(kind);
  });
});

describe('checkTransition', () => {
  it.each<[string, Stage, Stage, TransitionFacts]>([
    ['one step forward, early stages need nothing', 'not_contacted', 'surveyed', none],
    ['jump to collecting applications', 'not_contacted', 'collecting_applications', none],
    ['eligible with 5 applications', 'collecting_applications', 'eligible', five],
    ['eligible with 5 members', 'committee_formed', 'eligible', fiveMembers],
    ['jump to dossier submitted with 5 applications', 'surveyed', 'dossier_submitted', five],
    ['founded with a decision, at any stage', 'not_contacted', 'founded', withDecision],
    ['founded with a decision from a side state', 'refused', 'founded', withDecision],
    ['founded with 5 members at founding', 'persuading', 'founded', decisionFiveAtFounding],
    ['back from founded', 'founded', 'persuading', none],
    ['back from eligible without applications', 'eligible', 'collecting_applications', none],
    ['to refused', 'persuading', 'refused', none],
    ['to closed from founded', 'founded', 'closed', none],
    ['to has_union', 'not_contacted', 'has_union', none],
    ['staying', 'eligible', 'eligible', none],
    ['back into the pipeline after refusing', 'refused', 'persuading', none],
  ])('allowed: %s', (_label, from, to, facts) => {
    expect(checkTransition(from, to, facts)).toEqual([]);
  });

  it.each<[string, Stage, Stage, TransitionFacts, string[]]>([
    [
      'eligible with 4 applications',
      'collecting_applications',
      'eligible',
      four,
      ['pipeline.not_enough_applications'],
    ],
    [
      'meeting held with none',
      'persuading',
      'founding_meeting_held',
      none,
      ['pipeline.not_enough_applications'],
    ],
    [
      'dossier without applications',
      'collecting_applications',
      'dossier_submitted',
      none,
      ['pipeline.not_enough_applications'],
    ],
    [
      'founded without decision',
      'dossier_submitted',
      'founded',
      five,
      ['pipeline.founding_decision_required'],
    ],
    [
      'founded with a decision lacking its number',
      'dossier_submitted',
      'founded',
      { ...five, foundingDecision: makeDecision({ number: ' ' }) },
      ['pipeline.founding_decision_required'],
    ],
    [
      'founded with a decision but 4 applications and 3 members',
      'dossier_submitted',
      'founded',
      { ...four, foundingDecision: decision },
      ['pipeline.not_enough_to_found'],
    ],
    [
      'founded with a decision and 4 members at founding',
      'eligible',
      'founded',
      { ...none, foundingDecision: decision, membersAtFounding: 4 },
      ['pipeline.not_enough_to_found'],
    ],
    [
      'founded with neither decision nor applications',
      'eligible',
      'founded',
      none,
      ['pipeline.founding_decision_required', 'pipeline.not_enough_to_found'],
    ],
    [
      'from a side state straight to eligible',
      'refused',
      'eligible',
      none,
      ['pipeline.not_enough_applications'],
    ],
  ])('forbidden: %s', (_label, from, to, facts, expected) => {
    expect(codes(from, to, facts)).toEqual(expected);
  });

  it('says how many applications are missing, on the stage field', () => {
    const [issue] = checkTransition('persuading', 'eligible', {
      applicationCount: 2,
      memberCount: 1,
    });
    expect(issue).toMatchObject({ field: 'stage', level: 'error' });
    expect(issue?.message).toContain('3');
  });
});

describe('applicationsStillNeeded', () => {
  it.each([
    [0, 5],
    [3, 2],
    [5, 0],
    [12, 0],
    [-2, 5],
  ])('%i collected → %i more', (count, needed) => {
    expect(applicationsStillNeeded(count)).toBe(needed);
  });

  it('targets five', () => {
    expect(MIN_FOUNDING_MEMBERS).toBe(5);
  });
});

describe('applyFoundingDecision', () => {
  const now = '2025-05-21T10:00:00+07:00';

  it('moves any stage to founded and records the decision', () => {
    const founded = applyFoundingDecision(makeEnterprise({ stage: 'persuading' }), decision, now);
    expect(founded).toMatchObject({
      stage: 'founded',
      stageChangedAt: now,
      unionStatus: 'cdcs',
      foundingDecision: decision,
      foundedAt: '2025-05-20',
    });
    expect(v.is(enterpriseSchema, founded)).toBe(true);
  });

  it('keeps the stage change time when already founded (a corrected decision)', () => {
    const before = makeEnterprise({
      stage: 'founded',
      foundedAt: '2025-05-01',
      foundingDecision: makeDecision({ number: '1', date: '2025-05-01' }),
    });
    expect(applyFoundingDecision(before, decision, now).stageChangedAt).toBe(before.stageChangedAt);
  });

  it.each<[string, Partial<Enterprise>, FoundingCounts, number | undefined, number | undefined]>([
    // label, enterprise, counts given, workers at founding, members at founding
    ['takes the current worker count by default', { workerCount: 320 }, {}, 320, undefined],
    [
      'keeps the counts the form gives',
      { workerCount: 320 },
      { workerCountAtFounding: 30, membersAtFounding: 7 },
      30,
      7,
    ],
    [
      'keeps a worker count at founding already recorded',
      { workerCount: 20, workerCountAtFounding: 30 },
      {},
      30,
      undefined,
    ],
    [
      'leaves it absent when no count is known',
      { workerCount: undefined, femaleWorkerCount: undefined },
      {},
      undefined,
      undefined,
    ],
  ])('%s', (_label, overrides, counts, workers, members) => {
    const founded = applyFoundingDecision(makeEnterprise(overrides), decision, now, counts);
    expect(founded.workerCountAtFounding).toBe(workers);
    expect(founded.membersAtFounding).toBe(members);
  });

  it('does not modify its input', () => {
    const before = makeEnterprise();
    applyFoundingDecision(before, decision, now);
    expect(before.stage).toBe('persuading');
  });
});

describe('checkStageChange', () => {
  it.each<
    [string, Stage | undefined, Partial<Parameters<typeof makeEnterprise>[0]>, number, string[]]
  >([
    [
      'unchanged stage, even if its requirements no longer hold',
      'eligible',
      { stage: 'eligible' },
      0,
      [],
    ],
    ['a new record at an early stage', undefined, { stage: 'persuading' }, 0, []],
    [
      'a new record created as eligible without applications',
      undefined,
      { stage: 'eligible' },
      0,
      ['pipeline.not_enough_applications'],
    ],
    ['forward with enough applications', 'collecting_applications', { stage: 'eligible' }, 5, []],
    [
      'forward on the strength of existing members',
      'collecting_applications',
      { stage: 'eligible', memberCount: 6 },
      0,
      [],
    ],
    [
      'founded with its decision',
      'dossier_submitted',
      { stage: 'founded', foundedAt: '2025-05-20', foundingDecision: decision },
      5,
      [],
    ],
    ['back to persuading', 'eligible', { stage: 'persuading' }, 0, []],
  ])('%s', (_label, before, after, applications, expected) => {
    const previous = before === undefined ? undefined : { stage: before };
    const issues = checkStageChange(previous, makeEnterprise(after), applications);
    expect(issues.map((issue) => issue.code)).toEqual(expected);
  });
});

describe('checkFounding', () => {
  it.each<[string, Parameters<typeof checkFounding>[0], string[]]>([
    ['5 applications and a decision', { applicationCount: 5, foundingDecision: decision }, []],
    [
      '5 members at founding, no application',
      { applicationCount: 0, membersAtFounding: 5, foundingDecision: decision },
      [],
    ],
    [
      '4 applications and 4 members at founding (not added up)',
      { applicationCount: 4, membersAtFounding: 4, foundingDecision: decision },
      ['pipeline.not_enough_to_found'],
    ],
    ['no decision', { applicationCount: 9 }, ['pipeline.founding_decision_required']],
  ])('%s', (_label, facts, expected) => {
    expect(checkFounding(facts).map((issue) => issue.code)).toEqual(expected);
  });

  it('names the members at founding and says how many there are', () => {
    const [issue] = checkFounding({ applicationCount: 3, foundingDecision: decision });
    expect(issue).toMatchObject({ field: 'membersAtFounding', level: 'error' });
    expect(issue?.message).toContain('hiện có 3');
  });
});

describe('withFoundingDefaults', () => {
  const founded = makeEnterprise({
    stage: 'founded',
    foundedAt: '2025-05-20',
    foundingDecision: decision,
    workerCount: 20,
  });

  it.each<[string, { workerCountAtFounding?: number } | undefined, Enterprise, number | undefined]>(
    [
      ['fills a new founding from the worker count', undefined, founded, 20],
      [
        'keeps the stored count when the device did not send it',
        { workerCountAtFounding: 30 },
        founded,
        30,
      ],
      [
        'keeps what the device sent',
        { workerCountAtFounding: 30 },
        { ...founded, workerCountAtFounding: 31 },
        31,
      ],
      ['leaves an enterprise without founding alone', undefined, makeEnterprise(), undefined],
    ],
  )('%s', (_label, stored, incoming, expected) => {
    expect(withFoundingDefaults(stored, incoming).workerCountAtFounding).toBe(expected);
  });
});
