/**
 * The device database (docs/design.md §2, README.md here). The app, src/sync and src/sw import only
 * from this file; nothing outside src/db imports dexie.
 */

// Reactive reads for the UI: `liveQuery(() => listVisits(db, id))` re-runs when the tables change.
export { liveQuery, type Observable, type Subscription } from 'dexie';
export { newId } from './clock';
export { CURRENT_VERSION, DEFAULT_DB_NAME, SotayDb, type TableName } from './database';
export { type IndexObserver, watchEnterpriseIndex } from './enterprise-index';
export { StorageFullError, ValidationError } from './errors';
export { getDb, installedIsCurrent, type OpenOptions, openAppDb, openDatabase } from './open';
export {
  ADMISSION_TABLES,
  type AdmissionQueue,
  type AdmissionResult,
  acceptApplications,
  type IdNumberIndex,
  loadAdmissionFirstScreen,
  loadAdmissionQueue,
  QUEUE_SLICE,
  rejectApplication,
} from './repositories/admissions';
export {
  ASSIGNMENT_TABLES,
  type AssignableEnterprise,
  type AssignmentData,
  type AssignmentResult,
  assignEnterprises,
  loadAssignmentData,
} from './repositories/assignments';
export { exportAll, type ImportCounts, type ImportResult, importAll } from './repositories/backup';
export { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './repositories/backup-format';
export { resolveConflict } from './repositories/conflict';
export {
  ENTERPRISE_DETAIL_TABLES,
  type EnterpriseDetail,
  loadEnterpriseDetail,
} from './repositories/enterprise-detail';
export {
  type FirstScreen,
  FOLLOW_UP_WINDOW_DAYS,
  type FollowUps,
  getEnterprise,
  listFollowUps,
  loadEnterpriseIndex,
  loadFirstScreen,
} from './repositories/enterprise-reads';
export { saveEnterprise } from './repositories/enterprises';
export {
  deleteIndicatorEntry,
  ENTRY_TABLES,
  getEntry,
  listEntries,
  saveIndicatorEntry,
} from './repositories/entries';
export { recordFounding } from './repositories/founding';
export { clearUserData, deleteMeta, getClientId, getMeta, setMeta } from './repositories/meta';
export {
  type ConflictNoteView,
  dismissConflictNote,
  listConflictNotes,
  noticesAcknowledged,
  restoreConflictNote,
  storeNotices,
  unacknowledgedNotices,
} from './repositories/notes';
export {
  type Acknowledgement,
  acknowledge,
  applyPushAnswers,
  discardRejected,
  entityOutboxRows,
  listRejected,
  markAttempt,
  type OutboxCount,
  outboxCount,
  type PushAnswer,
  pendingOutbox,
  quarantine,
  resend,
} from './repositories/outbox';
export {
  type HeadlineDates,
  headlineSpans,
  lastVisits,
  listVisitsAround,
  loadProgressHeadline,
  loadProgressRecords,
  PROGRESS_TABLES,
  type ProgressEnterprise,
  type ProgressHeadline,
  type ProgressRecords,
  type ProgressReference,
  type ProgressSignup,
  type ProgressVisit,
} from './repositories/progress-reads';
export {
  listChildUnits,
  listIndicatorEntries,
  listTargets,
  listUnits,
  loadIndicatorData,
} from './repositories/reference';
export { applyRemoteChanges, type RemoteApplyResult } from './repositories/remote';
export { applyRetention } from './repositories/retention';
export {
  pendingRevocations,
  revocationDelivered,
  signOutDevice,
} from './repositories/sign-out';
export {
  countApplications,
  deleteSignupDraft,
  getSignup,
  getSignupDraft,
  listDrafts,
  listSignups,
  type SignupFilter,
  saveSignupDraft,
  submitSignup,
} from './repositories/signups';
export {
  loadTargetTable,
  saveTargets,
  TARGET_TABLES,
  type TargetChange,
  type TargetTableData,
} from './repositories/targets';
export {
  type UnsentState,
  unsentKey,
  unsentRecords,
} from './repositories/unsent';
export { listVisits, logVisit } from './repositories/visits';
export { countWaitingApplications } from './repositories/waiting';
export type {
  Directory,
  EnterpriseRow,
  IndicatorEntryRow,
  MetaKey,
  MetaValues,
  OutboxRow,
  OutboxState,
  Session,
  ShadowRow,
  SignupRow,
  SyncState,
  TargetRow,
  UnitRow,
  VisitRow,
} from './rows';
export { toMutation, toServerRecord } from './rows';
export {
  compareEnterprises,
  type EnterpriseIndexRow,
  type EnterpriseSearch,
  type FirstMatches,
  firstMatches,
  hasNoUnion,
  LARGE_ENTERPRISE_MIN_WORKERS,
  listRank,
  mergeInOrder,
  type SlicedSearch,
  searchEnterprises,
  searchInSlices,
} from './search';
export { deleteSession, getSession, markSessionExpired, saveSession } from './session';
export {
  type ConflictNote,
  conflictNotes,
  getSyncState,
  updateSyncState,
} from './sync-state';
export { onTablesChanged } from './table-changes';
export {
  addPasskey,
  isUnlocked,
  lockVault,
  MAX_FAILED_PINS,
  mutationToSend,
  onLockChange,
  type PinOptions,
  pinServerSealKey,
  protectClearRows,
  revealOutboxRows,
  type SendableMutation,
  setUpVault,
  type UnlockOutcome,
  unlockWithPasskey,
  unlockWithPin,
  type VaultStatus,
  vaultStatus,
  wipePersonalData,
} from './vault';
