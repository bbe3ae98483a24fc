/**
 * Enumerated values of the data model (docs/design.md §3), as arrays so that UIs can build pickers in
 * this order. Labels live in the i18n catalogue under `<prefix>.<value>` (see catalog/domain.ts).
 */

export const UNIT_KINDS = ['federation', 'upper', 'commune', 'sector', 'cdcs', 'ndcs'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const USER_ROLES = ['organizer', 'supervisor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Pipeline stages in order; see domain/pipeline.ts for the transition rules. */
export const PIPELINE_STAGES = [
  'not_contacted',
  'surveyed',
  'persuading',
  'committee_formed',
  'collecting_applications',
  'eligible',
  'founding_meeting_held',
  'dossier_submitted',
  'founded',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** States outside the pipeline: the enterprise refused, closed down, or already has a union. */
export const SIDE_STATES = ['refused', 'closed', 'has_union'] as const;
export type SideState = (typeof SIDE_STATES)[number];

export const STAGES = [...PIPELINE_STAGES, ...SIDE_STATES] as const;
export type Stage = (typeof STAGES)[number];

export const OWNERSHIPS = ['private', 'fdi', 'cooperative', 'household', 'other'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const UNION_STATUSES = ['none', 'founding', 'cdcs', 'other_org'] as const;
export type UnionStatus = (typeof UNION_STATUSES)[number];

export const VISIT_PURPOSES = [
  'survey',
  'persuade_employer',
  'persuade_workers',
  'collect_applications',
  'support_committee',
  'care',
  'legal_advice',
  'other',
] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

export const PERSON_ROLES = ['employer', 'hr', 'worker', 'committee', 'other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** `draft` is checked leniently; every later status must pass the strict signup check. */
export const SIGNUP_STATUSES = ['draft', 'submitted', 'accepted', 'rejected'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const CONTRACT_TYPES = ['indefinite', 'fixed', 'none'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/**
 * Management positions that matter for eligibility (Hướng dẫn 38/HD-TLĐ §1.2). Every value but
 * `none` makes the applicant ineligible; see domain/eligibility.ts. `public_unit_head` stands for
 * the head of a non-public service unit (đơn vị sự nghiệp ngoài công lập).
 */
export const MANAGER_ROLES = [
  'none',
  'owner',
  'board_member',
  'director',
  'contract_signer',
  'coop_manager',
  'public_unit_head',
] as const;
export type ManagerRole = (typeof MANAGER_ROLES)[number];

/**
 * Indicators: each can have a yearly target; their definitions are in domain/indicators.ts
 * (docs/design.md §3). In report order.
 */
export const INDICATORS = [
  'new_members',
  'net_members',
  'informal_members',
  'new_cdcs',
  'new_cdcs_25',
  'new_ndcs',
  'party_introductions',
  'party_admissions',
] as const;
export type Indicator = (typeof INDICATORS)[number];

/**
 * Kinds of IndicatorEntry: membership movements and figures recorded by hand (from outside the
 * app). Each carries a positive `count`; the indicator functions say which kinds add and which
 * subtract. The `*_opening` kinds are the counts on 1 January.
 */
export const ENTRY_KINDS = [
  'members_opening',
  'admitted_outside',
  'left',
  'transferred_in',
  'transferred_out',
  'informal_admitted',
  'cdcs_opening',
  'cdcs_founded_outside',
  'cdcs25_founded_outside',
  'cdcs_dissolved',
  'ndcs_opening',
  'ndcs_founded',
  'party_introduced',
  'party_admitted',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Kinds that state a count on 1 January rather than a movement: dated the first day of a year. */
export const OPENING_KINDS = ['members_opening', 'cdcs_opening', 'ndcs_opening'] as const;
export type OpeningKind = (typeof OPENING_KINDS)[number];

/**
 * An entry migrated from the first model (`{indicator, delta}`) that no kind describes: a signed
 * correction of one indicator, kept as it was (see domain/entry-migration.ts).
 */
export const ADJUSTMENT_KIND = 'adjustment';

/**
 * Entities that devices create and sync through /api/sync: the field work, and the supervisor's
 * targets and indicator entries (the roles table of docs/design.md §3 says who may push which).
 */
export const SYNC_ENTITIES = ['enterprise', 'visit', 'signup', 'target', 'indicatorEntry'] as const;
export type SyncEntity = (typeof SYNC_ENTITIES)[number];

/** Entities a pull may carry: the synced ones plus what only the server writes. */
export const PULL_ENTITIES = [...SYNC_ENTITIES, 'unit'] as const;
export type PullEntity = (typeof PULL_ENTITIES)[number];
