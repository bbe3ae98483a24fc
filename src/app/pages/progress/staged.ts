import { useEffect, useState } from 'preact/hooks';
import { whenPainted } from '../../after-paint';

/**
 * How many of a screen's `total` sections to draw: none until `ready`, then one more after each
 * painted frame, so that what is drawn (the first figures first) reaches the screen before the
 * next section's sums run: a slow phone paints between tasks, not within one, and a task queued
 * before the frame (a timer alone) would hold that frame back.
 */
export function useStaged(total: number, ready: boolean): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!ready || shown >= total) return;
    return whenPainted(() => setShown((n) => n + 1));
  }, [ready, shown, total]);
  return ready ? shown : 0;
}
