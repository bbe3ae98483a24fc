import type { BrowserContext } from 'playwright-core';

/**
 * The one way the browser parts time a tap until its screen is painted (README.md, "Painted"):
 * the screen is looked for at the start of each frame; the frame that finds it paints it, and a
 * timer set there runs as soon as that frame is done. A frame more after it adds 8–16 ms at 4×
 * CPU to the figure (and, where there is a baseline, takes the ratio toward 1).
 */
export type PaintedProbe = {
  /** Resolves with `performance.now()` just after the first frame in which `ready()` holds. */
  untilPainted(ready: () => boolean): Promise<number>;
};

/** Where a document of the context keeps the probe: `benchWindow(window).benchProbe`. */
export type BenchWindow = { benchProbe: PaintedProbe };

/**
 * Installs the probe in every document of `context`, before its own scripts: a function handed
 * to `page.evaluate` is sent as text, so it cannot call one of the bench's own modules.
 */
export async function installPaintedProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const probe: PaintedProbe = {
      untilPainted: (ready) =>
        new Promise((resolve) => {
          const check = () =>
            ready()
              ? setTimeout(() => resolve(performance.now()), 0)
              : requestAnimationFrame(check);
          requestAnimationFrame(check);
        }),
    };
    Object.assign(window, { benchProbe: probe });
  });
}
