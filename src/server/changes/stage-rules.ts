import { hasErrors } from '../../shared/domain/issues';
import { checkStageChange } from '../../shared/domain/pipeline';
import type { Enterprise, Visit } from '../../shared/schemas';
import type { Issue } from '../../shared/vn';
import type { Sql } from '../store/types';
import { countApplications, type StoredRecord, writeRecord } from './records';

/**
 * The pipeline rules of src/shared/domain/pipeline.ts, run by the server on what it is about to
 * store (docs/design.md §3, §5): the same function the device runs before it offers a stage.
 */

/** Issues that refuse an enterprise put whose stage moved (a create moves from not_contacted). */
export async function enterpriseStageIssues(
  tx: Sql,
  existing: StoredRecord | undefined,
  enterprise: Enterprise,
): Promise<Issue[]> {
  const before = existing && !existing.deleted ? (existing.data as Enterprise | null) : undefined;
  if (before && before.stage === enterprise.stage) return [];
  const issues = checkStageChange(
    before ?? undefined,
    enterprise,
    await countApplications(tx, enterprise.id),
  );
  return hasErrors(issues) ? issues : [];
}

/** True when no other live visit of the enterprise happened later than `visit`. */
async function isLatestVisit(tx: Sql, visit: Visit): Promise<boolean> {
  const later = await tx.query(
    `SELECT 1 FROM records
     WHERE entity = 'visit' AND enterprise_id = $1 AND id <> $2 AND NOT deleted
       AND (data->>'visitedAt')::timestamptz > $3::timestamptz
     LIMIT 1`,
    [visit.enterpriseId, visit.id, visit.visitedAt],
  );
  return later.rowCount === 0;
}

export type VisitStageMove =
  | { kind: 'none' }
  | { kind: 'refused'; issues: Issue[] }
  | { kind: 'move'; enterprise: StoredRecord & { data: Enterprise } };

/**
 * A visit's `stageAfter` is the stage it leaves its enterprise in, when it is the enterprise's
 * latest visit (an older visit, logged late, never moves it back): the device sends that move as
 * an enterprise mutation first, so normally the enterprise is already there. If it is not (that
 * mutation was in conflict, or another client sent the visit alone), the server makes the move
 * itself, under the same rule, so that visit and enterprise never disagree; a move the rule
 * refuses refuses the visit.
 */
export async function visitStageMove(
  tx: Sql,
  visit: Visit,
  enterprise: StoredRecord,
): Promise<VisitStageMove> {
  const current = enterprise.data as Enterprise | null;
  if (visit.stageAfter === undefined || !current || current.stage === visit.stageAfter) {
    return { kind: 'none' };
  }
  if (!(await isLatestVisit(tx, visit))) return { kind: 'none' };
  const moved: Enterprise = {
    ...current,
    stage: visit.stageAfter,
    stageChangedAt: visit.visitedAt,
  };
  const issues = checkStageChange(current, moved, await countApplications(tx, current.id));
  if (hasErrors(issues)) {
    return { kind: 'refused', issues: issues.map((issue) => ({ ...issue, field: 'stageAfter' })) };
  }
  return { kind: 'move', enterprise: { ...enterprise, data: moved } };
}

/** Writes the enterprise as the visit left it, one version later. */
export async function applyVisitStageMove(
  tx: Sql,
  enterprise: StoredRecord & { data: Enterprise },
  userId: string,
): Promise<void> {
  const version = enterprise.version + 1;
  const updatedAt = new Date().toISOString();
  await writeRecord(tx, {
    ...enterprise,
    data: { ...enterprise.data, version, updatedAt, updatedBy: userId },
    version,
    updatedAt,
    updatedBy: userId,
  });
}
