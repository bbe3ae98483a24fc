import { type PullChange, type PullResponse, pullQuerySchema } from '../../shared/protocol';
import type { User } from '../../shared/schemas';
import { toUnit, UNIT_COLUMNS, type UnitRow } from '../accounts/units';
import { parseWith } from '../http/body';
import { apiError } from '../http/errors';
import type { Sql, Store } from '../store/types';
import { cursorSecret, decodeCursor, encodeCursor, scopeTag } from './cursor';
import { pendingNotices } from './notices';
import type { RecordEntity } from './records';
import { scopeOf } from './scope';

type Sequenced = { seq: number; change: PullChange };

async function recordChanges(store: Sql, unitIds: readonly string[], after: number, limit: number) {
  const result = await store.query<{
    entity: RecordEntity;
    id: string;
    version: number;
    deleted: boolean;
    data: unknown;
    seq: number | string;
  }>(
    `SELECT entity, id, version, deleted, data, seq FROM records
     WHERE unit_id = ANY($1::uuid[]) AND seq > $2 ORDER BY seq LIMIT $3`,
    [unitIds, after, limit],
  );
  return result.rows.map(
    (row): Sequenced => ({
      seq: Number(row.seq),
      change: {
        entity: row.entity,
        entityId: row.id,
        version: Number(row.version),
        deleted: row.deleted,
        data: row.deleted ? null : row.data,
      },
    }),
  );
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
  if (cursor !== undefined) {
    const decoded = decodeCursor(secret, cursor);
    if (!decoded) throw apiError(400, 'invalid_cursor');
    // Issued for another role or unit: start over so that newly visible records are not skipped.
    after = decoded.tag === tag ? decoded.seq : 0;
  }
  // One transaction: one snapshot for the three reads, and on PGlite, which runs one
  // transaction at a time, one wait behind a push instead of three.
  const [records, units, notices] = await store.transaction(async (tx) => {
    const scope = await scopeOf(tx, user);
    const recordPage = await recordChanges(tx, scope.dataUnitIds, after, limit + 1);
    const unitPage = await unitChanges(tx, scope.visibleUnitIds, after, limit + 1);
    return [recordPage, unitPage, await pendingNotices(tx, user.id)] as const;
  });
  const merged = [...records, ...units].sort((a, b) => a.seq - b.seq);
  const page = merged.slice(0, limit);
  const last = page.at(-1)?.seq ?? after;
  return {
    changes: page.map((item) => item.change),
    cursor: encodeCursor(secret, last, tag),
    hasMore: merged.length > limit,
    notices,
  };
}
