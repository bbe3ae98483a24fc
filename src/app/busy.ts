/**
 * Things that must not be interrupted by an app update (docs/design.md §6): a form with input not yet
 * saved, a sync drain. Each holder registers a reason and releases it when done.
 */
const holders = new Set<symbol>();

export function holdBusy(): () => void {
  const token = Symbol('busy');
  holders.add(token);
  return () => holders.delete(token);
}

export function isBusy(): boolean {
  return holders.size > 0;
}
