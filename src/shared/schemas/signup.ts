import * as v from 'valibot';
import {
  isoDateSchema,
  isoDateTimeSchema,
  MAX_LENGTH,
  requiredText,
  syncFields,
  text,
  uuidSchema,
} from './common';
import { isCountryCode } from './countries';
import { decisionSchema } from './decision';
import { CONTRACT_TYPES, GENDERS, MANAGER_ROLES, SIGNUP_STATUSES } from './enums';
import { SIGNUP_PERSONAL_FIELDS } from './personal';

/**
 * Membership application (đơn gia nhập Công đoàn Việt Nam), in two shapes:
 *
 * - `SignupDraft` (status `draft`): types and lengths only, every field but id/enterpriseId/status
 *   optional, strings kept exactly as typed (a half-typed date is fine). Forms autosave it.
 * - `Signup` (status `submitted` | `accepted` | `rejected`): every required field present and
 *   well-formed. The Vietnamese rules (ID number, phone) and eligibility run on top of it in
 *   domain/signup-check.ts; the server accepts a non-draft signup only when that check has no error.
 *
 * Extensions of docs/design.md §3 (additive, no renames):
 * - `managerRole` is an enum (MANAGER_ROLES); absent means `none`.
 * - `servingSentence` (boolean, optional): the applicant is serving a prison sentence, which makes
 *   them ineligible (Hướng dẫn 38/HD-TLĐ §1.2).
 * - `signedAt` (a date) is required once submitted: the age rule is evaluated at that date.
 *
 * The admission decision's date may be neither in the future nor before `signedAt`: that check
 * needs today's date, so it lives in domain/admission.ts (checkDecisionDate), not here.
 */

/** Longest contract term accepted (months); Vietnamese fixed-term contracts are at most 36. */
export const MAX_CONTRACT_MONTHS = 120;

/**
 * ISO 3166-1 alpha-2 nationality, upper-cased (`vn` → `VN`), and an assigned code: two letters
 * that name no country (`XX`, or `VI` meant as "Việt Nam" but the U.S. Virgin Islands' code is
 * chosen from a list, never typed) must not turn the CCCD checks off.
 */
export const nationalitySchema = v.pipe(
  v.string(),
  v.trim(),
  v.toUpperCase(),
  v.check(isCountryCode, 'invalid'),
);

export const DEFAULT_NATIONALITY = 'VN';

/**
 * Who collected the application: set by the server from the user who first pushed it and never
 * changed after; optional before that first push. Organizers may edit only their own.
 */
const authorIdSchema = v.optional(uuidSchema);

/** Statuses of an application that has been decided (accepted or rejected). */
export const DECIDED_SIGNUP_STATUSES = ['accepted', 'rejected'] as const;

export const SUBMITTED_SIGNUP_STATUSES = ['submitted', 'accepted', 'rejected'] as const;

const contractMonthsSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1),
  v.maxValue(MAX_CONTRACT_MONTHS),
);

export const signupSchema = v.pipe(
  v.object({
    id: uuidSchema,
    enterpriseId: uuidSchema,
    status: v.picklist(SUBMITTED_SIGNUP_STATUSES),
    fullName: requiredText(MAX_LENGTH.name),
    dateOfBirth: isoDateSchema,
    gender: v.picklist(GENDERS),
    nationality: v.optional(nationalitySchema, DEFAULT_NATIONALITY),
    idNumber: requiredText(MAX_LENGTH.idNumber),
    ethnicity: v.optional(text(MAX_LENGTH.shortText)),
    religion: v.optional(text(MAX_LENGTH.shortText)),
    education: v.optional(text(MAX_LENGTH.shortText)),
    phone: v.optional(text(MAX_LENGTH.phone)),
    occupation: v.optional(text(MAX_LENGTH.name)),
    startedWorkingAt: v.optional(isoDateSchema),
    contractType: v.picklist(CONTRACT_TYPES),
    contractMonths: v.optional(contractMonthsSchema),
    managerRole: v.optional(v.picklist(MANAGER_ROLES)),
    servingSentence: v.optional(v.boolean()),
    // A boolean here; that it must be `true` is an eligibility rule with its own message.
    consent: v.boolean(),
    signedAt: isoDateSchema,
    submittedAt: v.optional(isoDateTimeSchema),
    // Set when accepted: the admission decision (one decision may admit many applicants).
    decision: v.optional(decisionSchema),
    rejectionReason: v.optional(text(MAX_LENGTH.text)),
    authorId: authorIdSchema,
    ...syncFields,
  }),
  v.forward(
    v.partialCheck(
      [['status'], ['decision']],
      (input) => input.status !== 'accepted' || input.decision !== undefined,
      'required',
    ),
    ['decision'],
  ),
  v.forward(
    v.partialCheck(
      [['status'], ['rejectionReason']],
      (input) => input.status !== 'rejected' || (input.rejectionReason ?? '') !== '',
      'required',
    ),
    ['rejectionReason'],
  ),
);
export type Signup = v.InferOutput<typeof signupSchema>;

/** A string as typed, bounded so that a draft cannot carry megabytes. */
function partial(max: number) {
  return v.optional(v.pipe(v.string(), v.maxLength(max)));
}

// Dates are typed digit by digit; `dd/mm/yyyy` input plus separators fits in 10 + slack.
const PARTIAL_DATE_LENGTH = 20;

export const signupDraftSchema = v.object({
  id: uuidSchema,
  enterpriseId: uuidSchema,
  status: v.literal('draft'),
  fullName: partial(MAX_LENGTH.name),
  dateOfBirth: partial(PARTIAL_DATE_LENGTH),
  gender: v.optional(v.picklist(GENDERS)),
  nationality: partial(MAX_LENGTH.code),
  idNumber: partial(MAX_LENGTH.idNumber),
  ethnicity: partial(MAX_LENGTH.shortText),
  religion: partial(MAX_LENGTH.shortText),
  education: partial(MAX_LENGTH.shortText),
  phone: partial(MAX_LENGTH.phone),
  occupation: partial(MAX_LENGTH.name),
  startedWorkingAt: partial(PARTIAL_DATE_LENGTH),
  contractType: v.optional(v.picklist(CONTRACT_TYPES)),
  contractMonths: v.optional(v.number()),
  managerRole: v.optional(v.picklist(MANAGER_ROLES)),
  servingSentence: v.optional(v.boolean()),
  consent: v.optional(v.boolean()),
  signedAt: partial(PARTIAL_DATE_LENGTH),
  authorId: authorIdSchema,
  ...syncFields,
});
export type SignupDraft = v.InferOutput<typeof signupDraftSchema>;

/** Either shape, told apart by `status`: what the signups table and the sync stream carry. */
export const signupRecordSchema = v.variant('status', [signupDraftSchema, signupSchema]);
export type SignupRecord = v.InferOutput<typeof signupRecordSchema>;

/**
 * An application as pulled by someone who may not know who signed it: every field but the
 * personal ones, and `redacted: true` to say they were withheld, not cleared. Any status. What
 * the server sends is checked on its way in, so the non-personal fields are the plain record's;
 * this shape only has to accept them (the draft's types, a decision, a rejection reason).
 */
export const redactedSignupSchema = v.object({
  ...Object.fromEntries(
    Object.entries(signupDraftSchema.entries).filter(
      ([field]) => !(SIGNUP_PERSONAL_FIELDS as readonly string[]).includes(field),
    ),
  ),
  id: uuidSchema,
  enterpriseId: uuidSchema,
  status: v.picklist(SIGNUP_STATUSES),
  submittedAt: v.optional(isoDateTimeSchema),
  decision: v.optional(decisionSchema),
  rejectionReason: v.optional(text(MAX_LENGTH.text)),
  redacted: v.literal(true),
});
export type RedactedSignup = v.InferOutput<typeof redactedSignupSchema>;

/**
 * What a device may hold for an application: redacted (tried first, so that a redacted draft
 * keeps its marker instead of passing for a draft with nothing typed), or the full record.
 */
export const heldSignupSchema = v.union([redactedSignupSchema, signupRecordSchema]);
export type HeldSignup = v.InferOutput<typeof heldSignupSchema>;
