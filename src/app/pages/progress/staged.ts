import { useEffect, useState } from 'preact/hooks';

/**
 * How many of a screen's `total` sections to draw: none until `ready`, then one more per task,
 * so that the first figures are painted before the next section's sums run (a slow phone paints
 * between tasks, not within one).
 */
export function useStaged(total: number, ready: boolean): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!ready || shown >= total) return;
    const timer = setTimeout(() => setShown((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [ready, shown, total]);
  return ready ? shown : 0;
}
