import { t } from '../i18n';
import type { Decision, Enterprise } from '../schemas';
import {
  PIPELINE_STAGES,
  type PipelineStage,
  SIDE_STATES,
  type SideState,
  type Stage,
} from '../schemas';
import type { Issue } from '../vn/issue';
import { makeIssue } from '../vn/issue';

/**
 * The enterprise pipeline (docs/design.md §3, §5). The same rules run on the device (to explain why a
 * stage cannot be chosen yet) and on the server (to refuse a record that skips them).
 *
 * - Forward moves, jumps included, are allowed when the target stage's requirements hold.
 * - Moving back, or to a side state, is always allowed: checkTransition returns no issue and the
 *   caller records the move (stageChangedAt, and stageBefore/stageAfter on the visit). A move is
 *   never silent, so no warning is needed; `transitionKind` lets a UI ask for confirmation.
 * - Leaving a side state for a pipeline stage is treated like a forward move from the start.
 * - A founding decision can be recorded at any stage and moves the enterprise to `founded`,
 *   provided the enterprise has at least 5 submitted or accepted applications, or at least 5
 *   members at founding (Điều lệ Công đoàn Việt Nam: a CĐCS needs at least 5 members).
 */

/** Applications or members needed before a CĐCS can be founded. */
export const MIN_FOUNDING_MEMBERS = 5;

const FIRST_STAGE_NEEDING_MEMBERS: PipelineStage = 'eligible';

export type TransitionFacts = {
  /** Applications collected at the enterprise: signups with status submitted or accepted. */
  applicationCount: number;
  /** Union members already at the enterprise (Enterprise.memberCount, 0 when unknown). */
  memberCount: number;
  foundingDecision?: Decision | undefined;
  /** Members the union had on its founding day (Enterprise.membersAtFounding). */
  membersAtFounding?: number | undefined;
};

export type TransitionKind = 'same' | 'forward' | 'backward' | 'to_side_state' | 'from_side_state';

export function isSideState(stage: Stage): stage is SideState {
  return (SIDE_STATES as readonly Stage[]).includes(stage);
}

/** Position in the pipeline (0 = not_contacted … 8 = founded); -1 for side states. */
export function stageRank(stage: Stage): number {
  return (PIPELINE_STAGES as readonly Stage[]).indexOf(stage);
}

/** How many more applications are needed to reach MIN_FOUNDING_MEMBERS (never negative). */
export function applicationsStillNeeded(count: number): number {
  return Math.max(0, MIN_FOUNDING_MEMBERS - Math.max(0, Math.floor(count)));
}

export function transitionKind(from: Stage, to: Stage): TransitionKind {
  if (from === to) return 'same';
  if (isSideState(to)) return 'to_side_state';
  if (isSideState(from)) return 'from_side_state';
  return stageRank(to) > stageRank(from) ? 'forward' : 'backward';
}

/** Issues that forbid moving `from` → `to`; empty when the move is allowed. */
export function checkTransition(from: Stage, to: Stage, facts: TransitionFacts): Issue[] {
  const kind = transitionKind(from, to);
  if (kind === 'forward' || kind === 'from_side_state') return stageRequirements(to, facts);
  return [];
}

/** What must hold for an enterprise to be at `stage`, whatever it came from. */
export function stageRequirements(stage: Stage, facts: TransitionFacts): Issue[] {
  if (stage === 'founded') return checkFounding(facts);
  if (isSideState(stage) || stageRank(stage) < stageRank(FIRST_STAGE_NEEDING_MEMBERS)) return [];
  // "≥ 5 applications or members": the larger of the two, since accepted applicants are
  // usually counted among the members too and adding them would count people twice.
  const count = Math.max(facts.applicationCount, facts.memberCount);
  const needed = applicationsStillNeeded(count);
  if (needed === 0) return [];
  return [
    makeIssue('stage', 'error', 'pipeline.not_enough_applications', {
      min: MIN_FOUNDING_MEMBERS,
      count,
      needed,
    }),
  ];
}

/**
 * What a founding needs: the recognition decision, and at least MIN_FOUNDING_MEMBERS submitted or
 * accepted applications or members at founding. `memberCount` does not stand in for the members
 * at founding: the founding form asks for them, so that the figure is the one of that day.
 */
export function checkFounding(
  facts: Pick<TransitionFacts, 'applicationCount' | 'foundingDecision' | 'membersAtFounding'>,
): Issue[] {
  const issues = hasDecision(facts.foundingDecision)
    ? []
    : [makeIssue('foundingDecision', 'error', 'pipeline.founding_decision_required')];
  const count = Math.max(facts.applicationCount, facts.membersAtFounding ?? 0);
  if (count < MIN_FOUNDING_MEMBERS) {
    issues.push(
      makeIssue('membersAtFounding', 'error', 'pipeline.not_enough_to_found', {
        min: MIN_FOUNDING_MEMBERS,
        count: Math.max(0, Math.floor(count)),
      }),
    );
  }
  return issues;
}

/**
 * A founding as recorded on the enterprise (docs/design.md §3), whatever stage it came from:
 * checkFounding on its decision and counts, and the record as applyFoundingDecision leaves it —
 * `founded` (or a side state it moved to later, which keeps the founding), `unionStatus` `cdcs`,
 * `foundedAt` the decision's date. The server runs it on every write that records a founding.
 */
export function checkFoundingRecord(enterprise: Enterprise, applicationCount: number): Issue[] {
  const issues = checkFounding({
    applicationCount,
    foundingDecision: enterprise.foundingDecision,
    membersAtFounding: enterprise.membersAtFounding,
  });
  if (enterprise.stage !== 'founded' && !isSideState(enterprise.stage)) {
    issues.push(makeIssue('stage', 'error', 'pipeline.founding_stage'));
  }
  if (enterprise.unionStatus !== 'cdcs') {
    issues.push(makeIssue('unionStatus', 'error', 'pipeline.founding_union_status'));
  }
  const decision = enterprise.foundingDecision;
  if (decision !== undefined && enterprise.foundedAt !== decision.date) {
    issues.push(makeIssue('foundedAt', 'error', 'pipeline.founding_date'));
  }
  return issues;
}

/**
 * The transition check for a saved record: `before` is the stored version (undefined for a new
 * record, which is judged as a move from `not_contacted`), `applicationCount` the enterprise's
 * submitted and accepted signups. No issue when the stage did not change.
 */
export function checkStageChange(
  before: Pick<Enterprise, 'stage'> | undefined,
  after: Pick<Enterprise, 'stage' | 'memberCount' | 'foundingDecision' | 'membersAtFounding'>,
  applicationCount: number,
): Issue[] {
  const from: Stage = before?.stage ?? 'not_contacted';
  if (before !== undefined && from === after.stage) return [];
  return checkTransition(from, after.stage, {
    applicationCount,
    memberCount: after.memberCount ?? 0,
    foundingDecision: after.foundingDecision,
    membersAtFounding: after.membersAtFounding,
  });
}

function hasDecision(decision: Decision | undefined): boolean {
  return decision !== undefined && decision.number.trim() !== '' && decision.date !== '';
}

/** What the founding form records besides the decision. */
export type FoundingCounts = {
  /** Workers on the founding day; defaults to the enterprise's current workerCount. */
  workerCountAtFounding?: number | undefined;
  membersAtFounding?: number | undefined;
};

/**
 * The enterprise after its recognition decision: `founded`, `unionStatus` `cdcs`, `foundedAt`
 * = the decision's date, and the counts of the founding day (the worker count at founding is
 * kept even when `workerCount` changes later). `now` is the ISO date-time of the change
 * (stageChangedAt); it is kept when the enterprise was already founded. Check the founding first
 * with checkFounding: this function records, it does not judge.
 */
export function applyFoundingDecision(
  enterprise: Enterprise,
  decision: Decision,
  now: string,
  counts: FoundingCounts = {},
): Enterprise {
  const founded: Enterprise = {
    ...enterprise,
    stage: 'founded',
    stageChangedAt: enterprise.stage === 'founded' ? enterprise.stageChangedAt : now,
    unionStatus: 'cdcs',
    foundingDecision: decision,
    foundedAt: decision.date,
  };
  const workers =
    counts.workerCountAtFounding ?? enterprise.workerCountAtFounding ?? enterprise.workerCount;
  if (workers !== undefined) founded.workerCountAtFounding = workers;
  const members = counts.membersAtFounding ?? enterprise.membersAtFounding;
  if (members !== undefined) founded.membersAtFounding = members;
  return founded;
}

/**
 * The server's fill of a founded enterprise before it is stored: a record with a founding
 * decision and no `workerCountAtFounding` keeps the stored one, else takes its `workerCount`.
 * Run it before authorizeWrite, so that a device that did not send the field is not taken to
 * change it.
 */
export function withFoundingDefaults(
  stored: Pick<Enterprise, 'workerCountAtFounding'> | undefined,
  incoming: Enterprise,
): Enterprise {
  if (incoming.foundingDecision === undefined || incoming.workerCountAtFounding !== undefined) {
    return incoming;
  }
  const workers = stored?.workerCountAtFounding ?? incoming.workerCount;
  return workers === undefined ? incoming : { ...incoming, workerCountAtFounding: workers };
}

/** The stage's label in the current language. */
export function stageLabel(stage: Stage): string {
  return t(`stage.${stage}`);
}
