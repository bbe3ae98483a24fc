import type { Enterprise, Visit } from '../../shared/schemas';
import type { Issue } from '../../shared/vn';
import type { Sql } from '../store/types';
import type { RecordWrite, StoredRecord } from './records';
import { judgeWrite, type TxFacts } from './write-facts';

/**
 * A visit's stage move, run by the server on what it is about to store (docs/design.md §3, §5):
 * the enterprise write it implies is judged by the same shared rules as an enterprise put (the
 * pipeline, and who may make the move: an organizer's visit cannot undo a founding).
 */

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
  | { kind: 'refused'; code: 'forbidden' | 'validation_failed'; issues: Issue[] }
  | { kind: 'move'; enterprise: StoredRecord & { data: Enterprise } };

/**
 * A visit's `stageAfter` is the stage it leaves its enterprise in, when it is the enterprise's
 * latest visit (an older visit, logged late, never moves it back): the device sends that move as
 * an enterprise mutation first, so normally the enterprise is already there. If it is not (that
 * mutation was in conflict, or another client sent the visit alone), the server makes the move
 * itself, under the same rules, so that visit and enterprise never disagree; a move the rules
 * refuse refuses the visit (field `stageAfter`).
 */
export async function visitStageMove(
  tx: Sql,
  facts: TxFacts,
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
  const write = { entity: 'enterprise', op: 'put', stored: current, incoming: moved } as const;
  const verdict = await judgeWrite(tx, facts, write, { storedUnit: enterprise.unitId });
  if (!verdict.ok) {
    const issues = verdict.issues.map((issue) => ({ ...issue, field: 'stageAfter' }));
    return { kind: 'refused', code: verdict.code, issues };
  }
  const data = verdict.write.op === 'put' ? (verdict.write.incoming as Enterprise) : moved;
  return { kind: 'move', enterprise: { ...enterprise, data } };
}

/** The enterprise as the visit leaves it, one version later: written by the caller. */
export function stageMovedEnterprise(
  enterprise: StoredRecord & { data: Enterprise },
  userId: string,
): RecordWrite {
  const version = enterprise.version + 1;
  const updatedAt = new Date().toISOString();
  return {
    ...enterprise,
    data: { ...enterprise.data, version, updatedAt, updatedBy: userId },
    version,
    updatedAt,
    updatedBy: userId,
  };
}
