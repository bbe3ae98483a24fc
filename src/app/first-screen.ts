import { useEffect } from 'preact/hooks';

/*
 * Work the first screen does not need (the worker's registration, delivery) starts once that
 * screen has drawn what it shows: on a slow phone opened offline, loading and compiling that code
 * took 60–80 ms of the main thread before the enterprise list showed (npm run bench, coldStart).
 * A screen says it has drawn (useFirstScreenDrawn); should none say so, the work starts
 * FALLBACK_MS after the page's load.
 */
const FALLBACK_MS = 3000;

let markDrawn: (() => void) | undefined;
const drawn = new Promise<void>((resolve) => {
  markDrawn = resolve;
});

function firstScreenDrawn(): void {
  markDrawn?.();
  markDrawn = undefined;
}

/** Resolves once the first screen has drawn its content. */
export function whenFirstScreenDrawn(): Promise<void> {
  if (markDrawn !== undefined && document.readyState === 'complete') {
    setTimeout(firstScreenDrawn, FALLBACK_MS);
  } else if (markDrawn !== undefined) {
    window.addEventListener('load', () => setTimeout(firstScreenDrawn, FALLBACK_MS), {
      once: true,
    });
  }
  return drawn;
}

/**
 * Called by a screen with whether its content is there (its data read, or nothing to read):
 * the first time it is, after that frame is painted (an effect's time), the first screen is drawn.
 */
export function useFirstScreenDrawn(shown: boolean): void {
  useEffect(() => {
    if (shown) firstScreenDrawn();
  }, [shown]);
}
