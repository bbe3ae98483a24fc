import * as v from 'valibot';
import { fieldIssue, fromValibot } from '../../shared/domain/issues';
import { reviewSignup } from '../../shared/domain/signup-check';
import {
  type Signup,
  type SignupDraft,
  type SignupStatus,
  signupDraftSchema,
} from '../../shared/schemas';
import { nowIso, timeOf } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage, ValidationError } from '../errors';
import type { SignupRow } from '../rows';
import { protectRecord, revealRow, revealRows, withProtection } from '../vault';
import { APPLICATION_STATUSES } from './applications';
import { sealedWrite } from './changed-meanwhile';
import { writeLocalChange } from './local-change';
import { withStoredServerFields } from './server-fields';

/**
 * Membership applications. A draft holds a worker's partial identity and is not an application
 * yet, so it stays on the device: no outbox row. Submitting runs the strict check of src/shared
 * and queues the application; from then on it never turns back into a draft.
 */

function statusError(): ValidationError {
  return new ValidationError('signup', [fieldIssue('signup', 'status', 'invalid')]);
}

/** Autosave of a draft: lenient type check, text NFC (as typed otherwise). */
export async function saveSignupDraft(db: SotayDb, draft: SignupDraft): Promise<void> {
  const parsed = v.safeParse(signupDraftSchema, draft);
  if (!parsed.success) throw new ValidationError('signup', fromValibot('signup', parsed.issues));
  const plain: SignupRow = { ...nfcStrings(parsed.output), localUpdatedAt: nowIso() };
  // Encrypted before the transaction: Web Crypto inside it would let IndexedDB commit it.
  const row = await protectRecord(db, 'signup', plain);
  await guardStorage(() =>
    db.transaction('rw', db.signups, async () => {
      const existing = await db.signups.get(row.id);
      // An autosave racing a submit must not undo it.
      if (existing !== undefined && existing.status !== 'draft') throw statusError();
      await db.signups.put(row);
    }),
  );
}

function nfcStrings(draft: SignupDraft): SignupDraft {
  const entries = Object.entries(draft).map(([key, value]) => [
    key,
    typeof value === 'string' ? value.normalize('NFC') : value,
  ]);
  // Same keys, same value types (strings stay strings).
  return Object.fromEntries(entries) as SignupDraft;
}

/**
 * Submits an application (from a draft or as an edit of a submitted one): must pass
 * reviewSignup (schema, ID number, phone, eligibility); stored normalised with status
 * `submitted` and submittedAt (kept from the first submission), plus its outbox row.
 */
export async function submitSignup(db: SotayDb, signup: Signup | SignupDraft): Promise<Signup> {
  const review = reviewSignup(signup);
  if (review.value === undefined) throw new ValidationError('signup', review.issues);
  const value = review.value;
  const now = nowIso();
  // A draft never sent has no server fields and no submittedAt: what it is submitted as.
  return sealedWrite(db, {
    entity: 'signup',
    tables: [db.signups, db.outbox, db.shadows],
    guess: submittedRecord(value, undefined, now),
    prepare: (basis) => protectRecord(db, 'signup', value, basis),
    write: async (encrypted, sealFor) => {
      const existing = await db.signups.get(value.id);
      if (
        existing !== undefined &&
        existing.status !== 'draft' &&
        existing.status !== 'submitted'
      ) {
        throw statusError();
      }
      const record = submittedRecord(value, existing, now);
      const sealed = sealFor(record);
      const stored = withProtection('signup', record, encrypted);
      await writeLocalChange(
        db,
        {
          entity: 'signup',
          entityId: record.id,
          op: 'put',
          data: stored,
          ...(sealed === undefined ? {} : { sealed }),
        },
        existing,
        now,
      );
      return record;
    },
  });
}

/** The application as submitted on top of the stored row (its server fields, first submission). */
function submittedRecord(value: Signup, existing: SignupRow | undefined, now: string): Signup {
  const submittedAt = existing?.status === 'submitted' ? existing.submittedAt : undefined;
  return {
    ...withStoredServerFields(value, existing),
    status: 'submitted',
    submittedAt: submittedAt ?? now,
  };
}

/** Deletes a draft; a submitted application is never deleted this way. True when deleted. */
export function deleteSignupDraft(db: SotayDb, id: string): Promise<boolean> {
  return guardStorage(() =>
    db.transaction('rw', db.signups, async () => {
      const existing = await db.signups.get(id);
      if (existing?.status !== 'draft') return false;
      await db.signups.delete(id);
      return true;
    }),
  );
}

export async function getSignup(db: SotayDb, id: string): Promise<SignupRow | undefined> {
  const row = await db.signups.get(id);
  return row && revealRow(db, 'signup', row);
}

/** The draft with this id; undefined when absent or already submitted. */
export async function getSignupDraft(
  db: SotayDb,
  id: string,
): Promise<(SignupDraft & SignupRow) | undefined> {
  const row = await db.signups.get(id);
  return row?.status === 'draft' ? revealRow(db, 'signup', row) : undefined;
}

export type SignupFilter = { enterpriseId?: string; status?: SignupStatus };

/** Newest first: by local edit time, else server update time, else submission time. */
export async function listSignups(db: SotayDb, filter: SignupFilter = {}): Promise<SignupRow[]> {
  const { enterpriseId, status } = filter;
  const rows =
    enterpriseId !== undefined
      ? await db.signups
          .where('enterpriseId')
          .equals(enterpriseId)
          .filter((row) => status === undefined || row.status === status)
          .toArray()
      : status !== undefined
        ? await db.signups.where('status').equals(status).toArray()
        : await db.signups.toArray();
  return (await revealRows(db, 'signup', rows)).sort((a, b) => recency(b) - recency(a));
}

function recency(row: SignupRow): number {
  const submittedAt = row.status === 'draft' ? undefined : row.submittedAt;
  return timeOf(row.localUpdatedAt ?? row.updatedAt ?? submittedAt);
}

/** Drafts, newest first. */
export async function listDrafts(db: SotayDb): Promise<(SignupDraft & SignupRow)[]> {
  const rows = await listSignups(db, { status: 'draft' });
  return rows.filter((row): row is SignupDraft & SignupRow => row.status === 'draft');
}

/** Applications collected at an enterprise: submitted and accepted signups. */
export async function countApplications(db: SotayDb, enterpriseId: string): Promise<number> {
  // A count per status: an index count each, where anyOf walks a cursor.
  const counts = await Promise.all(
    APPLICATION_STATUSES.map((status) =>
      db.signups.where('[enterpriseId+status]').equals([enterpriseId, status]).count(),
    ),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}
