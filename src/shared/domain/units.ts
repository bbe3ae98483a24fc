/**
 * The unit tree (docs/design.md §3): units link to their parent; there is no fixed depth. Scopes
 * ("own unit and below"), reports over a subtree and the federation an ID number must be unique
 * in are all read from these links. Cycles in bad data are ignored rather than looping.
 */

export type UnitLink = { id: string; parentId?: string | undefined };

/** `rootId` and every unit below it, following parentId links. */
export function unitAndDescendants(units: readonly UnitLink[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId === undefined) continue;
    const list = children.get(unit.parentId) ?? [];
    list.push(unit.id);
    children.set(unit.parentId, list);
  }
  const found = new Set([rootId]);
  const queue = [rootId];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const child of children.get(next) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  return found;
}

/** The units above `unitId`, nearest first (not `unitId` itself). */
export function ancestorsOf(units: readonly UnitLink[], unitId: string): string[] {
  const parents = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const found: string[] = [];
  for (let p = parents.get(unitId); p !== undefined && p !== unitId; p = parents.get(p)) {
    if (found.includes(p)) break;
    found.push(p);
  }
  return found;
}

/** The top of `unitId`'s tree (the federation); `unitId` itself when it has no parent. */
export function rootOf(units: readonly UnitLink[], unitId: string): string {
  return ancestorsOf(units, unitId).at(-1) ?? unitId;
}

/** The units whose parent is `unitId`, in the order given. */
export function childrenOf<U extends UnitLink>(units: readonly U[], unitId: string): U[] {
  return units.filter((unit) => unit.parentId === unitId);
}

/** True when `unitId` is `rootId` or below it. */
export function isInSubtree(units: readonly UnitLink[], rootId: string, unitId: string): boolean {
  return unitId === rootId || ancestorsOf(units, unitId).includes(rootId);
}
