/**
 * The fields that identify a worker (docs/design.md §3, "Personal fields"): what the device keeps
 * encrypted at rest, in one ciphertext per record (src/db/vault), and what it removes from an
 * application once it has been decided and delivered long enough ago (retention). One list, so the
 * device never protects one field and forgets its neighbour.
 *
 * Signups: the applicant's identity (the server's need-to-know list) and the free text a
 * supervisor writes about them. Visits: the people met (names, phones, roles) and the free text of
 * the log, where organizers write who they spoke to.
 */
export const PERSONAL_FIELDS = {
  signup: [
    'fullName',
    'dateOfBirth',
    'idNumber',
    'phone',
    'ethnicity',
    'religion',
    'education',
    'rejectionReason',
  ],
  visit: ['peopleMet', 'outcome', 'nextStep'],
} as const;

/** The entities whose records carry personal fields. */
export type PersonalEntity = keyof typeof PERSONAL_FIELDS;

export function hasPersonalFields(entity: string): entity is PersonalEntity {
  return Object.hasOwn(PERSONAL_FIELDS, entity);
}

/** Days after an application's decision that its personal fields stay on the phone. */
export const DECIDED_RETENTION_DAYS = 30;
