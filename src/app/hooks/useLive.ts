import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { liveQuery, onTablesChanged, type TableName } from '../../db';
import { appDb } from '../db';

export type Live<T> = { value: T | undefined; error: unknown };

/**
 * Subscribes to a Dexie live query: the component re-renders whenever the tables it read change,
 * in this tab or another. `deps` restart the query, as with useEffect.
 */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: undefined });
  // The caller lists in `deps` what the query reads, as with useEffect. A layout effect: the
  // query starts as soon as the screen is in the DOM, not a frame later, so a page opened from
  // a list shows its data one frame sooner.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined }),
      error: (error: unknown) => setState({ value: undefined, error }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}

/**
 * For the read a screen opened by a tap waits on: it starts in the same task as the tap (a live
 * query starts a task later, after the first frame is drawn) and runs again after every write
 * to one of `tables`, in this tab, another or the worker. Only the latest run's result is shown.
 * `preloaded` may give the first value (read before the screen showed, with nothing written
 * since): the screen then shows it in its first frame and reads again only after a write.
 */
export function useTablesRead<T>(
  tables: readonly TableName[],
  read: () => Promise<T>,
  deps: readonly unknown[],
  preloaded?: () => T | undefined,
): Live<T> {
  const [state, setState] = useState<Live<T>>(() => ({ value: preloaded?.(), error: undefined }));
  const hasPreloaded = useRef(state.value !== undefined);
  useLayoutEffect(() => {
    let latest = 0;
    let closed = false;
    const run = () => {
      const mine = ++latest;
      const current = () => !closed && mine === latest;
      read().then(
        (value) => current() && setState({ value, error: undefined }),
        (error: unknown) => current() && setState({ value: undefined, error }),
      );
    };
    const stop = onTablesChanged(appDb(), tables, run);
    if (hasPreloaded.current) hasPreloaded.current = false;
    else run();
    return () => {
      closed = true;
      stop();
    };
  }, deps);
  return state;
}
