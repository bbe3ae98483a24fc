import * as v from 'valibot';
import {
  countSchema,
  isoDateSchema,
  isoDateTimeSchema,
  MAX_LENGTH,
  MAX_YEAR,
  MIN_YEAR,
  requiredText,
  syncFields,
  text,
  uuidSchema,
} from './common';
import { decisionSchema } from './decision';
import { OWNERSHIPS, STAGES, UNION_STATUSES } from './enums';

/** Province code after the 2025 reorganisation (2 digits, e.g. `01` Hà Nội). */
export const provinceCodeSchema = v.pipe(v.string(), v.trim(), v.regex(/^\d{2}$/, 'invalid'));
/** Commune/ward code (5 digits, e.g. `00004` Phường Ba Đình). */
export const wardCodeSchema = v.pipe(v.string(), v.trim(), v.regex(/^\d{5}$/, 'invalid'));

/**
 * Phone numbers and tax codes are only shape-checked here (text of bounded length): the
 * Vietnamese rules and the normalisation to E.164 / canonical MST run in domain/enterprise-check.ts
 * with the validators of src/shared/vn, so that typing `0912 345 678` is accepted and stored
 * as `+84912345678`.
 */
/** The year an enterprise began operating (the review lists long-running ones first). */
export const yearOfOperationSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(MIN_YEAR),
  v.maxValue(MAX_YEAR),
);

export const contactSchema = v.object({
  name: requiredText(MAX_LENGTH.name),
  role: text(MAX_LENGTH.shortText),
  phone: v.optional(text(MAX_LENGTH.phone)),
});
export type Contact = v.InferOutput<typeof contactSchema>;

export const enterpriseSchema = v.pipe(
  v.object({
    id: uuidSchema,
    name: requiredText(MAX_LENGTH.name),
    taxCode: v.optional(text(MAX_LENGTH.taxCode)),
    ownership: v.picklist(OWNERSHIPS),
    sector: v.optional(text(MAX_LENGTH.name)),
    provinceCode: provinceCodeSchema,
    wardCode: wardCodeSchema,
    address: requiredText(MAX_LENGTH.address),
    industrialPark: v.optional(text(MAX_LENGTH.name)),
    workerCount: v.optional(countSchema),
    femaleWorkerCount: v.optional(countSchema),
    workerCountAsOf: v.optional(isoDateSchema),
    memberCount: v.optional(countSchema),
    unionStatus: v.picklist(UNION_STATUSES),
    stage: v.picklist(STAGES),
    stageChangedAt: isoDateTimeSchema,
    assignedTo: v.optional(uuidSchema),
    unitId: uuidSchema,
    contact: v.optional(contactSchema),
    nextFollowUp: v.optional(isoDateSchema),
    // A calendar date (the recognition decision's date), not a time: indicators count by month
    // and a date has no time-zone ambiguity.
    foundedAt: v.optional(isoDateSchema),
    foundingDecision: v.optional(decisionSchema),
    // Kept as it was on the founding day: a CĐCS founded at 30 workers counts among those of
    // ≥ 25 workers for good, even when the enterprise shrinks later (domain/pipeline.ts fills it).
    workerCountAtFounding: v.optional(countSchema),
    membersAtFounding: v.optional(countSchema),
    operatingSince: v.optional(yearOfOperationSchema),
    notes: v.optional(text(MAX_LENGTH.notes)),
    ...syncFields,
  }),
  // Both figures come from the same survey, so more women than workers is a typing error. A
  // member count above the worker count is only a warning (the head count may be stale), and is
  // reported by checkEnterprise.
  v.forward(
    v.partialCheck(
      [['workerCount'], ['femaleWorkerCount']],
      // Skipped when workerCount itself is invalid: that issue is already reported.
      (input) =>
        !v.is(countSchema, input.workerCount) ||
        input.femaleWorkerCount === undefined ||
        input.femaleWorkerCount <= input.workerCount,
      'exceeds_worker_count',
    ),
    ['femaleWorkerCount'],
  ),
  // `founded` means a recognition decision exists (docs/design.md §3); applyFoundingDecision sets both.
  v.forward(
    v.partialCheck(
      [['stage'], ['foundingDecision']],
      (input) => input.stage !== 'founded' || input.foundingDecision !== undefined,
      'required',
    ),
    ['foundingDecision'],
  ),
  v.forward(
    v.partialCheck(
      [['stage'], ['foundedAt']],
      (input) => input.stage !== 'founded' || input.foundedAt !== undefined,
      'required',
    ),
    ['foundedAt'],
  ),
);
export type Enterprise = v.InferOutput<typeof enterpriseSchema>;
