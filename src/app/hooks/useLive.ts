import { useLayoutEffect, useState } from 'preact/hooks';
import { liveQuery } from '../../db';

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
