/**
 * Calls `then` once the browser has painted what is on screen (in a task after the next frame);
 * returns what cancels it. Work that can wait for that frame then does not hold it back: a slow
 * phone paints between tasks, not within one, and a timer alone, queued before the frame, would
 * run first.
 */
export function whenPainted(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(then, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Resolves once the browser has painted what is on screen: a heavy read started then does not
 * hold back the first figures or rows a screen drew from a narrow one. Rejects instead when
 * `signal` has aborted by then (the screen is gone): a read in slices stops at its next slice.
 */
export function afterPaint(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    whenPainted(() => (signal?.aborted ? reject(signal.reason) : resolve()));
  });
}
