import { PERSON_MET_PERSONAL_FIELDS, SIGNUP_PERSONAL_FIELDS, type UserRole } from '../schemas';
import { daysBetween } from './dates';
import { mayDo } from './roles';

/**
 * Need to know (docs/design.md §5): who receives the personal fields of an application
 * (SIGNUP_PERSONAL_FIELDS) and the names and phones of the people a visit met
 * (PERSON_MET_PERSONAL_FIELDS). The server applies it to every record it sends; the device can
 * apply the same rule to what it keeps. Everyone in scope still receives every record, redacted
 * when they may not know who it names, so that every count is the same for everyone.
 *
 * - An application: its author (the organizer who collected it) while it waits and until
 *   PERSONAL_RETENTION_DAYS after its decision; those who decide applications (supervisors and
 *   admins, ROLE_TABLE's `decide_signup`) while it is submitted. Nobody else, drafts included.
 * - A visit: its author only. No one decides on a visit, so no one else needs the names.
 */

/** Days after its decision that an application's author still receives who signed it. */
export const PERSONAL_RETENTION_DAYS = 30;

/** The reader of a record, as the server knows them. */
export type Reader = { id: string; role: UserRole };

type Data = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * Who collected an application or wrote a visit: the server-set `authorId`; for a record stored
 * before the server set it on applications, the user who sent its first version (`updatedBy` of
 * version 1). Undefined when neither is known: then nobody counts as its author.
 */
export function authorOf(data: Data): string | undefined {
  const author = text(data['authorId']);
  if (author) return author;
  return data['version'] === 1 ? text(data['updatedBy']) : undefined;
}

/**
 * The day an application was decided: its decision's date, else (a rejection carries no
 * decision) the day of its last change, which is on or after its rejection.
 */
export function decidedOn(data: Data): string | undefined {
  const decision = data['decision'];
  const date =
    typeof decision === 'object' && decision !== null
      ? text((decision as Data)['date'])
      : undefined;
  return date ?? text(data['updatedAt'])?.slice(0, 10);
}

function authorStillNeeds(data: Data, today: string): boolean {
  const status = data['status'];
  if (status !== 'accepted' && status !== 'rejected') return true;
  const decided = decidedOn(data);
  const days = decided === undefined ? undefined : daysBetween(decided, today);
  // An unreadable date is read as long ago: withholding is the safe side.
  return days !== undefined && days <= PERSONAL_RETENTION_DAYS;
}

/**
 * Whether `reader` may receive the personal fields of `data`, a record of `entity` within their
 * scope, on `today` (ISO date, Vietnam's calendar). Records of other entities name nobody.
 */
export function mayKnowWho(reader: Reader, entity: string, data: Data, today: string): boolean {
  if (entity === 'visit') return authorOf(data) === reader.id;
  if (entity !== 'signup') return true;
  if (authorOf(data) === reader.id && authorStillNeeds(data, today)) return true;
  return data['status'] === 'submitted' && mayDo(reader.role, 'decide_signup');
}

/** Whether `entity` has fields that redact() withholds. */
export function namesPeople(entity: string): boolean {
  return entity === 'signup' || entity === 'visit';
}

function withoutFields(data: Data, fields: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...data };
  for (const field of fields) delete copy[field];
  return copy;
}

/**
 * The record without what names people, marked `redacted: true` (the fields were withheld, not
 * cleared): an application without SIGNUP_PERSONAL_FIELDS (`redactedSignupSchema`), a visit whose
 * people met keep only their role.
 */
export function redact(entity: string, data: Data): Record<string, unknown> {
  if (entity === 'signup')
    return { ...withoutFields(data, SIGNUP_PERSONAL_FIELDS), redacted: true };
  if (entity === 'visit') {
    const people = Array.isArray(data['peopleMet']) ? data['peopleMet'] : [];
    return {
      ...data,
      peopleMet: people.map((person) =>
        typeof person === 'object' && person !== null
          ? withoutFields(person as Data, PERSON_MET_PERSONAL_FIELDS)
          : person,
      ),
      redacted: true,
    };
  }
  return { ...data };
}

/** Whether a record as received (pulled, or pushed back) is a redacted copy. */
export function isRedacted(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as Data)['redacted'] === true;
}

/**
 * A redacted copy edited by someone who could not see who it names, made whole again from the
 * stored record: the personal fields (an application's) or the people met (a visit's: whoever
 * edits a visit without their names cannot have meant to change them) come back from `stored`,
 * and the marker goes. Nothing the server holds is lost by an edit made on a redacted copy.
 */
export function restorePersonal(
  entity: string,
  edited: Data,
  stored: Data,
): Record<string, unknown> {
  const whole: Record<string, unknown> = { ...edited };
  delete whole['redacted'];
  if (entity === 'visit') {
    whole['peopleMet'] = stored['peopleMet'];
    return whole;
  }
  for (const field of SIGNUP_PERSONAL_FIELDS) {
    if (stored[field] === undefined) delete whole[field];
    else whole[field] = stored[field];
  }
  return whole;
}
