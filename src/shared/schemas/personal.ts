/*
 * Which fields name a person, apart from the schemas (Valibot) that check them: the device's
 * first screen reads these lists (its vault protects them) without loading a validator.
 */

/**
 * The personal fields of an application (docs/design.md §5 "Need to know"): who the worker is.
 * Only the organizer who collected it (until 30 days after the decision) and the supervisors who
 * must decide it (while it waits) receive them; everyone else in scope receives the
 * application without them, which still counts in every figure.
 */
export const SIGNUP_PERSONAL_FIELDS = [
  'fullName',
  'dateOfBirth',
  'idNumber',
  'phone',
  'ethnicity',
  'religion',
  'education',
] as const;
export type SignupPersonalField = (typeof SIGNUP_PERSONAL_FIELDS)[number];

/** What of a person met names them: withheld like an applicant's personal fields. */
export const PERSON_MET_PERSONAL_FIELDS = ['name', 'phone'] as const;
