import { useEffect, useState } from 'preact/hooks';

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
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown((n) => n + 1), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, shown, total]);
  return ready ? shown : 0;
}
