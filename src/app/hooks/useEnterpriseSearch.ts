import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  type EnterpriseIndexRow,
  type EnterpriseSearch,
  type FirstMatches,
  firstMatches,
  searchInSlices,
} from '../../db';

/** Rows searched per task: a few milliseconds of a slow phone. */
const SLICE_ROWS = 2500;

export type SearchResults = {
  rows: readonly EnterpriseIndexRow[];
  /** `rows` holds every match (else only the first screen, the rest is on its way). */
  complete: boolean;
  /** Number of matches of the last complete search (this one's once complete). */
  count: number | undefined;
};

/**
 * The enterprise list follows each keystroke within a frame (< 50 ms p95 on a slow phone): the
 * first screen of matches is found at once, and only when more match than fit does the complete
 * search (and the count) come, in a task after the list is painted. `search` must keep its
 * identity while the filters do not change (useMemo).
 */
export function useEnterpriseSearch(
  index: readonly EnterpriseIndexRow[] | undefined,
  search: EnterpriseSearch,
  firstScreen: number,
): SearchResults {
  const first = useMemo<FirstMatches | undefined>(
    () => (index === undefined ? undefined : firstMatches(index, search, firstScreen)),
    [index, search, firstScreen],
  );
  const [all, setAll] = useState<{ of: FirstMatches; rows: readonly EnterpriseIndexRow[] }>();
  const count = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (index === undefined || first === undefined || first.complete) return;
    // Tasks of their own, a slice each: a newer keystroke gets in between and cancels the rest.
    const sliced = searchInSlices(index, search, SLICE_ROWS);
    const step = () => {
      const rows = sliced.next();
      if (rows === undefined) timer = setTimeout(step);
      else setAll({ of: first, rows });
    };
    let timer = setTimeout(step);
    return () => clearTimeout(timer);
  }, [first]);

  if (first === undefined) return { rows: [], complete: false, count: undefined };
  const rows = first.complete ? first.rows : all?.of === first ? all.rows : undefined;
  if (rows === undefined) return { rows: first.rows, complete: false, count: count.current };
  count.current = rows.length;
  return { rows, complete: true, count: rows.length };
}
