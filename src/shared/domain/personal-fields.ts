import { SIGNUP_PERSONAL_FIELDS } from '../schemas/personal';

/**
 * The fields that identify a worker (docs/design.md §3, "Personal fields"): what the device keeps
 * encrypted at rest, in one ciphertext per record (src/db/vault), and what it removes from an
 * application once it has been decided and delivered long enough ago (retention). One list, so the
 * device never protects one field and forgets its neighbour.
 *
 * Signups: the applicant's identity (SIGNUP_PERSONAL_FIELDS, the server's need-to-know list) and the free text a
 * supervisor writes about them. Visits: the people met (names, phones, roles). A visit's outcome
 * and next step are notes about the enterprise, shown while locked; the form asks for the people
 * met in their own fields, which are protected.
 */
export const PERSONAL_FIELDS = {
  signup: [...SIGNUP_PERSONAL_FIELDS, 'rejectionReason'],
  visit: ['peopleMet'],
} as const;

/**
 * True when `field` of `entity` (a note's field: a name, a path like `peopleMet.0.phone`, or the
 * device's ciphertext) holds personal data: its values are never kept beside the record.
 */
export function isPersonalField(entity: string, field: string): boolean {
  if (!hasPersonalFields(entity)) return false;
  const top = field.split('.')[0] ?? field;
  return top === PERSONAL_FIELD || (PERSONAL_FIELDS[entity] as readonly string[]).includes(top);
}

/** The entities whose records carry personal fields. */
export type PersonalEntity = keyof typeof PERSONAL_FIELDS;

export function hasPersonalFields(entity: string): entity is PersonalEntity {
  return Object.hasOwn(PERSONAL_FIELDS, entity);
}

/** Days after an application's decision that its personal fields stay on the phone. */
export const DECIDED_RETENTION_DAYS = 30;

/**
 * The field that holds, on the device, a record's personal fields as one ciphertext (src/db/vault):
 * the protected form. Pure helpers below split a record and rebuild it.
 */
export const PERSONAL_FIELD = 'personal';

type Row = Record<string, unknown>;

/** The record's personal fields and the rest; `undefined` when it has none in clear. */
export function splitPersonal(
  entity: PersonalEntity,
  record: object,
): { personal: Row; rest: Row } | undefined {
  const rest: Row = { ...(record as Row) };
  const personal: Row = {};
  for (const field of PERSONAL_FIELDS[entity]) {
    if (rest[field] !== undefined) personal[field] = rest[field];
    delete rest[field];
  }
  return Object.keys(personal).length === 0 ? undefined : { personal, rest };
}

/** True when the record still holds a personal field in clear. */
export function hasClearPersonal(entity: PersonalEntity, record: object): boolean {
  return PERSONAL_FIELDS[entity].some((field) => (record as Row)[field] !== undefined);
}

/**
 * `plain` (a record built in a write's transaction) in its stored form, with the ciphertext that
 * was made of the same personal fields before the transaction began (`protectedCopy`).
 */
export function withProtection<T extends object>(
  entity: PersonalEntity,
  plain: T,
  protectedCopy: object,
): T {
  if (!(PERSONAL_FIELD in protectedCopy)) return plain;
  const rest: Row = { ...(plain as Row) };
  for (const field of PERSONAL_FIELDS[entity]) delete rest[field];
  return { ...rest, [PERSONAL_FIELD]: (protectedCopy as Row)[PERSONAL_FIELD] } as T;
}

const DAY_MS = 86_400_000;

/**
 * When an application's personal fields leave the phone (docs/design.md §6, retention): 30 days
 * after its decision — the admission decision's date when accepted, the server's last change
 * (the rejection) when rejected. Undefined while it is undecided or the date is unknown.
 */
export function personalRetentionEnds(signup: {
  status: string;
  decision?: { date: string } | undefined;
  updatedAt?: string | undefined;
}): number | undefined {
  const decided =
    signup.status === 'accepted'
      ? signup.decision?.date
      : signup.status === 'rejected'
        ? signup.updatedAt
        : undefined;
  const time = decided === undefined ? Number.NaN : Date.parse(decided);
  return Number.isNaN(time) ? undefined : time + DECIDED_RETENTION_DAYS * DAY_MS;
}
