import { STAGES, type Stage } from '../../../shared/schemas';

/** Enterprises per stage of the pipeline, then per side state, in the pipeline's order. */
export type StageCount = { stage: Stage; count: number };

export function stageCounts(
  enterprises: readonly { stage: Stage; unitId: string }[],
  unitIds: ReadonlySet<string>,
): StageCount[] {
  const counts = new Map<Stage, number>();
  for (const enterprise of enterprises) {
    if (!unitIds.has(enterprise.unitId)) continue;
    counts.set(enterprise.stage, (counts.get(enterprise.stage) ?? 0) + 1);
  }
  return STAGES.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
}
