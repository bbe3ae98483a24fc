/** Domain rules shared by the device and the server (docs/design.md §3–§5). */
export {
  type AccessFacts,
  authorizeWrite,
  type Write,
  withCreatorAssignment,
} from './access';
export {
  type AdmissionOutcome,
  acceptSignups,
  checkDecisionDate,
  checkDecisionIssuer,
  type IdNumberHolder,
  idNumberDuplicateIssues,
  idNumberKey,
  rejectSignup,
} from './admission';
export { ageOn, daysBetween, isAfter, todayInVietnam } from './dates';
export {
  checkEligibility,
  type EligibilityInput,
  type EligibilityOptions,
  isForeign,
  MIN_AGE,
  MIN_FOREIGN_CONTRACT_MONTHS,
} from './eligibility';
export { checkEnterprise, type EnterpriseCheckOptions } from './enterprise-check';
export { checkIndicatorEntry, type EntryCheckOptions } from './entry-check';
export { migrateIndicatorEntry, readIndicatorEntry } from './entry-migration';
export {
  addTotals,
  CDCS_25_MIN_WORKERS,
  computeIndicators,
  evaluateTerms,
  type FactSource,
  factsInScope,
  formatIndicatorProgress,
  formatProgress,
  formatTargetsMet,
  INDICATOR_TERMS,
  type IndicatorData,
  type IndicatorEnterprise,
  type IndicatorFact,
  type IndicatorResult,
  type IndicatorScope,
  type IndicatorSignup,
  indicatorBreakdown,
  indicatorFacts,
  indicatorValue,
  percentOf,
  RECORD_SOURCES,
  type SourceTotals,
  sourceTotals,
  type Term,
  TOTAL_TERMS,
  TOTALS,
  type Total,
  targetsMet,
  targetTotal,
  totalsAt,
  workersAtFounding,
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
export { expectedByDate, expectedShare, isBehindPace, paceGap } from './pace';
export {
  endOfMonth,
  inPeriod,
  type MonthPeriod,
  monthKey,
  monthPeriod,
  type Period,
  periodLabel,
  periodRange,
  periodYear,
  type QuarterPeriod,
  quarterOf,
  quarterPeriod,
  type YearToDatePeriod,
  yearToDate,
  yearToMonthEnd,
} from './period';
export {
  applicationsStillNeeded,
  applyFoundingDecision,
  checkFounding,
  checkFoundingRecord,
  checkStageChange,
  checkTransition,
  type FoundingCounts,
  isSideState,
  MIN_FOUNDING_MEMBERS,
  stageLabel,
  stageRank,
  stageRequirements,
  type TransitionFacts,
  type TransitionKind,
  transitionKind,
  withFoundingDefaults,
} from './pipeline';
export {
  type FactSum,
  type MonthlyReport,
  monthlyReport,
  monthlyReportRows,
  type ReportCorrection,
  type ReportFrame,
  type ReportInput,
  type ReportRow,
  type ReportUnit,
  reportFromSums,
  sumFacts,
} from './report';
export {
  closedMonths,
  correctedMonths,
  type IndicatorFigures,
  type MonthFigures,
  monthFigures,
  withCorrections,
  type YearMonth,
} from './report-corrections';
export {
  GROUP_COLUMNS,
  NO_PERCENT,
  type ReportTable,
  type ReportTableRow,
  reportTable,
  type TableCell,
} from './report-table';
export {
  needsReview,
  REVIEW_MIN_WORKERS,
  type ReviewEnterprise,
  type ReviewFilter,
  reviewFilter,
  reviewList,
  reviewOrder,
} from './review';
export {
  type Actor,
  mayDo,
  type Reach,
  ROLE_ACTIONS,
  ROLE_TABLE,
  type RoleAction,
  reachOf,
  unitsInReach,
} from './roles';
export { sameValue } from './same-value';
export {
  checkDraftSignup,
  checkSubmittedSignup,
  reviewSignup,
  type SignupCheckOptions,
} from './signup-check';
export {
  checkTarget,
  copyTargets,
  type TargetSplit,
  targetKey,
  targetSplit,
  targetUniquenessIssues,
} from './targets';
export {
  ancestorsOf,
  childrenOf,
  isInSubtree,
  rootOf,
  type UnitLink,
  unitAndDescendants,
} from './units';
export { checkVisit } from './visit-check';
export { checkWriteRules, prepareWrite, type WriteFacts } from './write-rules';
