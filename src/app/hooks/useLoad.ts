import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TableName } from '../../db';
import { initialLoad, type Load, watchLoad } from '../data/load';
import { appDb } from '../db';

export type Loaded<T> = { load: Load<T>; retry: () => void };

/**
 * The one way a screen loads its data (data/load.ts): `read` runs when the screen appears and
 * again after every write to `tables`, its signal aborted once the screen is gone; `deps`
 * restart it, as with useEffect. `preloaded` may give the first value, shown in the screen's
 * first frame.
 */
export function useLoad<T>(
  tables: readonly TableName[],
  read: (signal: AbortSignal) => Promise<T | undefined>,
  deps: readonly unknown[],
  preloaded?: () => T | undefined,
): Loaded<T> {
  const [load, setLoad] = useState<Load<T>>(() => initialLoad(preloaded?.()));
  const first = useRef(load.status === 'ready' ? load.value : undefined);
  const watch = useRef<{ retry(): void }>({ retry: () => undefined });
  // A layout effect: the read starts as soon as the screen is in the DOM, not a frame later.
  useLayoutEffect(() => {
    const preloadedValue = first.current;
    first.current = undefined;
    const watching = watchLoad(appDb(), { tables, read, preloaded: preloadedValue }, setLoad);
    watch.current = watching;
    return () => watching.stop();
  }, deps);
  return { load, retry: () => watch.current.retry() };
}
