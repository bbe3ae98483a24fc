import { todayInVietnam } from '../../shared/domain/dates';
import { mayKnowWho, namesPeople, redact } from '../../shared/domain/need-to-know';
import { type PullChange, type PullResponse, pullQuerySchema } from '../../shared/protocol';
import type { User } from '../../shared/schemas';
import { toUnit, UNIT_COLUMNS, type UnitRow } from '../accounts/units';
import { parseWith } from '../http/body';
import { apiError } from '../http/errors';
import { logAccess } from '../privacy/access-log';
import type { Sql, Store } from '../store/types';
import { cursorSecret, decodeCursor, encodeCursor, scopeTag } from './cursor';
import { pendingNotices } from './notices';
import type { RecordEntity } from './records';
import { scopeOf } from './scope';

/** `personal`: the change carries the personal fields of the entity it names (need-to-know). */
type Sequenced = { seq: number; change: PullChange; personal?: boolean };

type Reading = { user: User; today: string };

/** A record as `reader` may receive it: redacted unless they need to know who it names. */
function asSent(reading: Reading, entity: string, data: Record<string, unknown>) {
  if (!namesPeople(entity)) return { data };
  if (mayKnowWho(reading.user, entity, data, reading.today)) return { data, personal: true };
  return { data: redact(entity, data) };
}

async function recordChanges(
  store: Sql,
  reading: Reading,
  unitIds: readonly string[],
  after: number,
  limit: number,
) {
  const result = await store.query<{
    entity: RecordEntity;
    id: string;
    version: number;
    deleted: boolean;
    data: Record<string, unknown> | null;
    seq: number | string;
  }>(
    `SELECT entity, id, version, deleted, data, seq FROM records
     WHERE unit_id = ANY($1::uuid[]) AND seq > $2 ORDER BY seq LIMIT $3`,
    [unitIds, after, limit],
  );
  return result.rows.map((row): Sequenced => {
    const base = { entity: row.entity, entityId: row.id, version: Number(row.version) };
    if (row.deleted || row.data === null) {
      return { seq: Number(row.seq), change: { ...base, deleted: true, data: null } };
    }
    const sent = asSent(reading, row.entity, row.data);
    return {
      seq: Number(row.seq),
      change: { ...base, deleted: false, data: sent.data },
      ...(sent.personal ? { personal: true } : {}),
    };
  });
}

/**
 * Records that left the user's units (scope_exits, migration 008) and are not back in them: the
 * devices of the unit a record left receive it as deleted, at the version it left at.
 */
async function exitChanges(store: Sql, unitIds: readonly string[], after: number, limit: number) {
  const result = await store.query<{
    entity: RecordEntity;
    id: string;
    version: number;
    seq: number | string;
  }>(
    `SELECT x.entity, x.id, x.version, x.seq FROM scope_exits x
     JOIN records r ON r.entity = x.entity AND r.id = x.id
     WHERE x.unit_id = ANY($1::uuid[]) AND x.seq > $2 AND NOT (r.unit_id = ANY($1::uuid[]))
     ORDER BY x.seq LIMIT $3`,
    [unitIds, after, limit],
  );
  return result.rows.map(
    (row): Sequenced => ({
      seq: Number(row.seq),
      change: {
        entity: row.entity,
        entityId: row.id,
        version: Number(row.version),
        deleted: true,
        data: null,
      },
    }),
  );
}

/** How many changes of a page carry personal fields, per entity (for the access log). */
function personalCounts(page: readonly Sequenced[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of page) {
    if (item.personal) counts.set(item.change.entity, (counts.get(item.change.entity) ?? 0) + 1);
  }
  return counts;
}

async function unitChanges(store: Sql, unitIds: readonly string[], after: number, limit: number) {
  const result = await store.query<UnitRow & { seq: number | string }>(
    `SELECT ${UNIT_COLUMNS}, seq FROM units
     WHERE id = ANY($1::uuid[]) AND seq > $2 ORDER BY seq LIMIT $3`,
    [unitIds, after, limit],
  );
  return result.rows.map(
    (row): Sequenced => ({
      seq: Number(row.seq),
      change: {
        entity: 'unit',
        entityId: row.id,
        version: Number(row.version),
        deleted: false,
        data: toUnit(row),
      },
    }),
  );
}

/**
 * `GET /api/sync/pull` on its query parameters: what the user may see, changed after the cursor, in seq order. Records
 * and units share change_seq, so the first `limit + 1` of each, merged, contain the first
 * `limit + 1` of both; the extra one only says whether there is more. Every page also carries
 * the user's notices not yet acknowledged (they follow no cursor).
 */
export async function handlePull(
  store: Store,
  user: User,
  query: { cursor: string | undefined; limit: string | undefined },
): Promise<PullResponse> {
  const { cursor, limit } = parseWith(pullQuerySchema, query, 'pull');
  const secret = await cursorSecret(store);
  const tag = scopeTag(user);
  let after = 0;
  let reset = false;
  if (cursor !== undefined) {
    const decoded = decodeCursor(secret, cursor);
    if (!decoded) throw apiError(400, 'invalid_cursor');
    // Issued for another user, role or unit: start over so that newly visible records are not
    // skipped, and say so, so that the device drops what it may no longer hold.
    reset = decoded.tag !== tag;
    after = reset ? 0 : decoded.seq;
  }
  const reading = { user, today: todayInVietnam() };
  // One transaction: one snapshot for the reads, the notices and the access log, and on PGlite,
  // which runs one transaction at a time, one wait behind a push instead of several.
  const { merged, page, logged, notices } = await store.transaction(async (tx) => {
    const scope = await scopeOf(tx, user);
    const all = [
      ...(await recordChanges(tx, reading, scope.dataUnitIds, after, limit + 1)),
      ...(await exitChanges(tx, scope.dataUnitIds, after, limit + 1)),
      ...(await unitChanges(tx, scope.visibleUnitIds, after, limit + 1)),
    ].sort((a, b) => a.seq - b.seq);
    const sent = all.slice(0, limit);
    const counts = personalCounts(sent);
    for (const [entity, count] of counts) {
      await logAccess(tx, { user, purpose: 'pull', entity, count });
    }
    const pending = await pendingNotices(tx, user.id);
    return { merged: all, page: sent, logged: counts.size > 0, notices: pending };
  });
  // PGlite: the log of what this answer sends must outlive a crash right after it.
  if (logged) await store.flush();
  const last = page.at(-1)?.seq ?? after;
  return {
    changes: page.map((item) => item.change),
    cursor: encodeCursor(secret, last, tag),
    hasMore: merged.length > limit,
    notices,
    ...(reset ? { reset: true } : {}),
  };
}
