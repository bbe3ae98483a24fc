/** Domain rules shared by the device and the server (docs/design.md §3–§5). */
export { ageOn, isAfter, todayInVietnam } from './dates';
export {
  checkEligibility,
  type EligibilityInput,
  type EligibilityOptions,
  isForeign,
  MIN_AGE,
  MIN_FOREIGN_CONTRACT_MONTHS,
} from './eligibility';
export { checkEnterprise, type EnterpriseCheckOptions } from './enterprise-check';
export {
  CDCS_25_MIN_WORKERS,
  computeIndicators,
  formatIndicatorProgress,
  formatProgress,
  type IndicatorData,
  type IndicatorResult,
  type IndicatorScope,
  indicatorValue,
  netMembers,
  newCdcs,
  newCdcs25,
  newMembers,
  newNdcs,
  partyIntroductions,
  percentOf,
  unitAndDescendants,
} from './indicators';
export {
  atField,
  fieldIssue,
  fieldLabel,
  fromValibot,
  hasErrors,
  ISSUE_KINDS,
  type IssueKind,
  issueCode,
} from './issues';
export { type MergeResult, mergeRecords } from './merge';
export {
  inPeriod,
  type MonthPeriod,
  monthPeriod,
  type Period,
  periodLabel,
  periodRange,
  periodYear,
  type YearToDatePeriod,
  yearToDate,
} from './period';
export {
  applicationsStillNeeded,
  applyFoundingDecision,
  checkStageChange,
  checkTransition,
  isSideState,
  MIN_FOUNDING_MEMBERS,
  stageLabel,
  stageRank,
  stageRequirements,
  type TransitionFacts,
  type TransitionKind,
  transitionKind,
} from './pipeline';
export {
  checkDraftSignup,
  checkSubmittedSignup,
  reviewSignup,
  type SignupCheckOptions,
} from './signup-check';
export { checkVisit } from './visit-check';
