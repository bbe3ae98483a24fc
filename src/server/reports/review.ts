import {
  daysBetween,
  type ReviewEnterprise,
  type ReviewFilter,
  reviewOrder,
  todayInVietnam,
} from '../../shared/domain';
import type { ReviewList, ReviewRow } from '../../shared/protocol';
import type { Enterprise } from '../../shared/schemas';
import type { Sql } from '../store/types';

/**
 * The review list (rà soát, docs/design.md §5) of a unit's subtree. The SQL selects what
 * `reviewFilter` (src/shared/domain/review.ts) accepts — no union
 * (`none` or `founding`), not closed, and the filters — with the assigned organizer's name and
 * the latest visit; the rows are then put in the shared `reviewOrder`, whose last
 * key is the Vietnamese order of names (PGlite has no Vietnamese collation to do it in SQL).
 */
const REVIEW = `
  WITH RECURSIVE subtree AS (
    SELECT id FROM units WHERE id = $1
    UNION
    SELECT u.id FROM units u JOIN subtree t ON u.parent_id = t.id
  ),
  candidates AS (
    SELECT e.id, e.unit_id, e.data FROM records e JOIN subtree t ON t.id = e.unit_id
    WHERE e.entity = 'enterprise' AND NOT e.deleted
      AND e.data->>'unionStatus' IN ('none', 'founding')
      AND e.data->>'stage' <> 'closed'
      AND ($2::text IS NULL OR e.data->>'wardCode' = $2)
      AND ($3::text IS NULL OR e.data->>'industrialPark' = $3)
      AND ($4::float8 IS NULL OR (e.data->>'workerCount')::float8 >= $4)
      AND ($5::text IS NULL OR e.data->>'stage' = $5)
  ),
  last_visits AS (
    SELECT v.enterprise_id, max((v.data->>'visitedAt')::timestamptz) AS visited_at
    FROM records v JOIN candidates c ON c.id = v.enterprise_id
    WHERE v.entity = 'visit' AND NOT v.deleted
    GROUP BY v.enterprise_id
  )
  SELECT c.data, u.display_name, lv.visited_at
  FROM candidates c
  LEFT JOIN last_visits lv ON lv.enterprise_id = c.id
  LEFT JOIN users u ON u.id::text = c.data->>'assignedTo'`;

type ReviewSqlRow = {
  data: Enterprise;
  display_name: string | null;
  visited_at: Date | string | null;
};

function toRow(row: ReviewSqlRow, today: string): ReviewRow {
  const e = row.data;
  const lastVisit = row.visited_at === null ? undefined : todayInVietnam(new Date(row.visited_at));
  const days = lastVisit === undefined ? undefined : daysBetween(lastVisit, today);
  const optional = {
    industrialPark: e.industrialPark,
    workerCount: e.workerCount,
    femaleWorkerCount: e.femaleWorkerCount,
    operatingSince: e.operatingSince,
    assignedTo: e.assignedTo,
    organizerName: row.display_name ?? undefined,
    lastVisit,
    daysSinceVisit: days,
  };
  return {
    enterpriseId: e.id,
    name: e.name,
    unitId: e.unitId,
    wardCode: e.wardCode,
    stage: e.stage,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}

function forOrder(row: ReviewRow): ReviewEnterprise {
  return {
    id: row.enterpriseId,
    name: row.name,
    unionStatus: 'none',
    stage: row.stage,
    wardCode: row.wardCode,
    industrialPark: row.industrialPark,
    workerCount: row.workerCount,
    operatingSince: row.operatingSince,
  };
}

export async function reviewListOf(
  sql: Sql,
  unitId: string,
  filters: ReviewFilter,
  today = todayInVietnam(),
): Promise<ReviewList> {
  const result = await sql.query<ReviewSqlRow>(REVIEW, [
    unitId,
    filters.wardCode ?? null,
    filters.industrialPark ?? null,
    filters.minWorkers ?? null,
    filters.stage ?? null,
  ]);
  const rows = result.rows.map((row) => toRow(row, today));
  rows.sort((a, b) => reviewOrder(forOrder(a), forOrder(b)));
  return { unitId, today, rows };
}
