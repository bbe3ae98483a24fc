import * as v from 'valibot';
import {
  countSchema,
  isoDateSchema,
  isoDateTimeSchema,
  MAX_LENGTH,
  requiredText,
  syncFields,
  text,
  uuidSchema,
} from './common';
import { PERSON_ROLES, STAGES, VISIT_PURPOSES } from './enums';

/** More people than this in one visit log is a paste error, not a meeting. */
export const MAX_PEOPLE_MET = 100;

function hasNoDuplicates<T>(values: readonly T[]): boolean {
  return new Set(values).size === values.length;
}

/** Phones are shape-checked here and normalised in domain/visit-check.ts (see enterprise.ts). */
export const personMetSchema = v.object({
  name: v.optional(text(MAX_LENGTH.name)),
  role: v.picklist(PERSON_ROLES),
  phone: v.optional(text(MAX_LENGTH.phone)),
});
export type PersonMet = v.InferOutput<typeof personMetSchema>;

export const geoLocationSchema = v.object({
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  lng: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  accuracy: v.pipe(v.number(), v.minValue(0)),
});
export type GeoLocation = v.InferOutput<typeof geoLocationSchema>;

/** A visit log entry (nhật ký tiếp xúc). */
export const visitSchema = v.object({
  id: uuidSchema,
  enterpriseId: uuidSchema,
  visitedAt: isoDateTimeSchema,
  purposes: v.pipe(
    v.array(v.picklist(VISIT_PURPOSES)),
    v.nonEmpty(),
    v.check((purposes) => hasNoDuplicates(purposes), 'duplicate'),
  ),
  peopleMet: v.pipe(v.array(personMetSchema), v.maxLength(MAX_PEOPLE_MET)),
  workersReached: v.optional(countSchema),
  applicationsCollected: v.optional(countSchema),
  stageBefore: v.optional(v.picklist(STAGES)),
  stageAfter: v.optional(v.picklist(STAGES)),
  outcome: requiredText(MAX_LENGTH.notes),
  nextStep: v.optional(text(MAX_LENGTH.text)),
  nextFollowUp: v.optional(isoDateSchema),
  location: v.optional(geoLocationSchema),
  /** Server-set from the authenticated user; optional before the first push. */
  authorId: v.optional(uuidSchema),
  /**
   * Pulled by someone who may not know who was met (docs/design.md §5 "Need to know"): each
   * person's `name` and `phone` were withheld, not cleared (PERSON_MET_PERSONAL_FIELDS).
   */
  redacted: v.optional(v.literal(true)),
  ...syncFields,
});
export type Visit = v.InferOutput<typeof visitSchema>;
