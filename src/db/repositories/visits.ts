import Dexie from 'dexie';
import * as v from 'valibot';
import { fieldIssue, fromValibot } from '../../shared/domain/issues';
import { checkVisit } from '../../shared/domain/visit-check';
import {
  type Enterprise,
  enterpriseSchema,
  type SyncEntity,
  type Visit,
} from '../../shared/schemas';
import { nowIso, timeOf } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage, ValidationError } from '../errors';
import { type RawTransaction, rawWrite } from '../idb-write';
import {
  type EnterpriseRow,
  type OutboxRow,
  type ShadowRow,
  type SyncRecord,
  toServerRecord,
  type VisitRow,
} from '../rows';
import { enterpriseMutation } from './enterprises';
import { type Mutation, type OutboxChange, outboxChange } from './outbox-write';
import { withStoredServerFields } from './server-fields';

/**
 * Logs (or edits) a visit. When it is the enterprise's latest visit, the enterprise follows it in
 * the SAME transaction, with its own outbox row:
 * - `stageAfter` differing from the enterprise's stage → stage, stageChangedAt (= visitedAt), and
 *   the visit's stageBefore is filled in when missing;
 * - the visit's nextFollowUp becomes the enterprise's; without one, a follow-up due on or before
 *   the visit's day is cleared (this visit was it).
 * An older visit, logged late or edited, never moves the enterprise back.
 */
export async function logVisit(db: SotayDb, visit: Visit): Promise<Visit> {
  const checked = checkVisit(visit);
  if (checked.value === undefined) throw new ValidationError('visit', checked.issues);
  const value = checked.value;
  const now = nowIso();
  // The organizer's most frequent write (< 20 ms p95 on a slow phone), so it goes without Dexie
  // (idb.ts), and a new visit is simply added: IndexedDB refuses the add when the id exists, the
  // transaction writes nothing, and the save runs again as an edit of the stored visit.
  try {
    return await guardStorage(() => rawWrite(db, VISIT_TABLES, (tx) => saveVisit(tx, value, now)));
  } catch (error) {
    if (!isConstraintError(error)) throw error;
  }
  return guardStorage(() =>
    rawWrite(db, VISIT_TABLES, async (tx) => {
      const stored = await tx.get<VisitRow>('visits', value.id);
      return saveVisit(tx, value, now, { stored });
    }),
  );
}

const VISIT_TABLES = ['visits', 'enterprises', 'outbox', 'shadows'] as const;

/**
 * Two rounds of requests: every read, then every write. `edit` holds the stored row when the
 * caller read it; without it the visit is taken as new and added.
 */
async function saveVisit(
  tx: RawTransaction,
  value: Visit,
  now: string,
  edit?: { stored: VisitRow | undefined },
): Promise<Visit> {
  const { enterpriseId } = value;
  const existing = edit?.stored;
  const [enterprise, latest, [enterpriseRows, enterpriseShadow], [visitRows, visitShadow]] =
    await Promise.all([
      tx.get<EnterpriseRow>('enterprises', enterpriseId),
      tx.lastKeyWithPrefix('visits', VISITS_BY_ENTERPRISE, enterpriseId),
      outboxStateOf(tx, 'enterprise', enterpriseId),
      // A visit new to this device has no outbox rows and no shadow yet.
      existing === undefined ? NOTHING_QUEUED : outboxStateOf(tx, 'visit', value.id),
    ]);
  if (enterprise === undefined) {
    throw new ValidationError('visit', [fieldIssue('visit', 'enterpriseId', 'invalid')]);
  }
  let record = withStoredServerFields(value, existing);
  const latestVisit = latest && { id: latest.primaryKey, visitedAt: latest.key[1] };
  const update = isLatestVisit(latestVisit, record)
    ? enterpriseAfterVisit(enterprise, record)
    : undefined;
  if (update !== undefined) {
    record = update.visit;
    // Only a stage move can make the enterprise invalid (e.g. `founded` needs a decision); a new
    // follow-up date was checked with the visit.
    const moved =
      update.enterprise.stage === enterprise.stage
        ? update.enterprise
        : validEnterprise(update.enterprise);
    // Written before the visit's row: outbox rows keep their order, and the server takes the
    // enterprise's change before a visit of it.
    // A visit changes neither name, tax code nor address: the stored search key still holds.
    tx.put('enterprises', {
      ...toServerRecord('enterprise', moved),
      searchKey: enterprise.searchKey,
      localUpdatedAt: now,
    });
    applyOutboxChange(
      tx,
      outboxChange(
        enterpriseRows,
        enterpriseShadow,
        enterpriseMutation(moved),
        enterprise.version,
        now,
      ),
    );
  }
  const row = { ...record, localUpdatedAt: now };
  if (edit === undefined) tx.add('visits', row);
  else tx.put('visits', row);
  const visitMutation = toMutation('visit', record.id, toServerRecord('visit', record));
  applyOutboxChange(
    tx,
    outboxChange(visitRows, visitShadow, visitMutation, existing?.version, now),
  );
  return record;
}

const NOTHING_QUEUED: [OutboxRow[], ShadowRow | undefined] = [[], undefined];

function isConstraintError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'ConstraintError';
}

const VISITS_BY_ENTERPRISE = '[enterpriseId+visitedAt]';
const OUTBOX_BY_ENTITY = '[entity+entityId]';

function outboxStateOf(
  tx: RawTransaction,
  entity: SyncEntity,
  entityId: string,
): Promise<[OutboxRow[], ShadowRow | undefined]> {
  return Promise.all([
    tx.getAllByIndex<OutboxRow>('outbox', OUTBOX_BY_ENTITY, [entity, entityId]),
    tx.get<ShadowRow>('shadows', [entity, entityId]),
  ]);
}

function toMutation(entity: SyncEntity, entityId: string, data: SyncRecord): Mutation {
  return { entity, entityId, op: 'put', data };
}

function applyOutboxChange(tx: RawTransaction, change: OutboxChange): void {
  if (change.kind === 'delete') tx.delete('outbox', change.seq);
  if (change.kind === 'put') tx.put('outbox', change.row);
  if (change.kind === 'add') tx.add('outbox', change.row);
}

function isLatestVisit(
  latest: Pick<VisitRow, 'id' | 'visitedAt'> | undefined,
  visit: Visit,
): boolean {
  return (
    latest === undefined ||
    latest.id === visit.id ||
    timeOf(visit.visitedAt) >= timeOf(latest.visitedAt)
  );
}

type VisitEffect = { enterprise: Enterprise; visit: Visit };

/** The enterprise as the visit leaves it; undefined when the visit changes nothing. */
export function enterpriseAfterVisit(
  enterprise: EnterpriseRow,
  visit: Visit,
): VisitEffect | undefined {
  const { searchKey: _key, localUpdatedAt: _local, nextFollowUp, ...rest } = enterprise;
  const stageMoves = visit.stageAfter !== undefined && visit.stageAfter !== enterprise.stage;
  const followUp = nextFollowUpAfter(nextFollowUp, visit);
  if (!stageMoves && followUp === nextFollowUp) return undefined;
  const updated: Enterprise = {
    ...rest,
    ...(followUp === undefined ? {} : { nextFollowUp: followUp }),
    ...(stageMoves && visit.stageAfter !== undefined
      ? { stage: visit.stageAfter, stageChangedAt: visit.visitedAt }
      : {}),
  };
  const filled =
    stageMoves && visit.stageBefore === undefined
      ? { ...visit, stageBefore: enterprise.stage }
      : visit;
  return { enterprise: updated, visit: filled };
}

function nextFollowUpAfter(current: string | undefined, visit: Visit): string | undefined {
  if (visit.nextFollowUp !== undefined) return visit.nextFollowUp;
  // visitedAt is local time with its offset, so its first 10 characters are the visit's day.
  const visitDay = visit.visitedAt.slice(0, 10);
  return current !== undefined && current <= visitDay ? undefined : current;
}

/** The enterprise after a stage move must still be valid (e.g. `founded` needs a decision). */
function validEnterprise(enterprise: Enterprise): Enterprise {
  const parsed = v.safeParse(enterpriseSchema, enterprise);
  if (!parsed.success) {
    throw new ValidationError('enterprise', fromValibot('enterprise', parsed.issues));
  }
  return enterprise;
}

function visitsOf(db: SotayDb, enterpriseId: string) {
  return db.visits
    .where('[enterpriseId+visitedAt]')
    .between([enterpriseId, Dexie.minKey], [enterpriseId, Dexie.maxKey]);
}

/** The enterprise's visits, newest first. */
export function listVisits(db: SotayDb, enterpriseId: string): Promise<VisitRow[]> {
  return visitsOf(db, enterpriseId).reverse().toArray();
}
