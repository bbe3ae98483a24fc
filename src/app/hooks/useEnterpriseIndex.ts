import { useLayoutEffect, useReducer } from 'preact/hooks';
import { type EnterpriseIndexRow, watchEnterpriseIndex } from '../../db';
import { appDb } from '../db';

/*
 * The search index of every enterprise, kept for the whole session instead of per visit of the
 * list: an organizer goes list → enterprise → back many times a day, and reloading 10,000 rows
 * each time (a quarter of a second on a slow phone, and garbage that slows the next page) is
 * what the list would otherwise cost. watchEnterpriseIndex keeps it current after every change,
 * reading only the rows changed, sign-out included (the tables empty).
 */
let index: readonly EnterpriseIndexRow[] | undefined;
let started = false;
const listeners = new Set<() => void>();

function start(): void {
  if (started) return;
  started = true;
  watchEnterpriseIndex(appDb(), {
    next: (rows) => {
      index = rows;
      for (const listener of listeners) listener();
    },
    // A failed read keeps the last index; the next change of the table tries again.
    error: () => undefined,
  });
}

export function useEnterpriseIndex(): readonly EnterpriseIndexRow[] | undefined {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    const listener = () => changed(undefined);
    listeners.add(listener);
    start();
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return index;
}
