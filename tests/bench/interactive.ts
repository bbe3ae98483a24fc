import type { BrowserContext, Page } from 'playwright-core';

/** What a document at `path` shows once the user can use it. */
export type Readiness = {
  path: string;
  /** Every one of these is in the DOM. */
  present: string[];
  /** None of these is (a busy list). */
  absent?: string[];
  /** The load event has fired (a page without scripts has no other sign). */
  loaded?: boolean;
};

/** A main thread this long without a long task (> 50 ms) counts as answering input. */
export const QUIET_MS = 1000;

type Watch = { readyAt?: number; lastLongTaskEnd: number };

/**
 * Installs, in every document of the context before its own scripts run, a watch for its
 * readiness rule (checked every frame) and for long tasks.
 */
export async function watchReadiness(context: BrowserContext, rules: Readiness[]): Promise<void> {
  await context.addInitScript((all: Readiness[]) => {
    const watch: Watch = { lastLongTaskEnd: 0 };
    (window as unknown as { benchWatch: Watch }).benchWatch = watch;
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) {
        watch.lastLongTaskEnd = Math.max(watch.lastLongTaskEnd, task.startTime + task.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
    const rule = all.find((r) => r.path === location.pathname);
    if (!rule) return;
    const ready = () =>
      (!rule.loaded || document.readyState === 'complete') &&
      rule.present.every((selector) => document.querySelector(selector) !== null) &&
      (rule.absent ?? []).every((selector) => document.querySelector(selector) === null);
    const check = () => {
      if (ready()) watch.readyAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, rules);
}

/**
 * Milliseconds from the start of the navigation (the document's time origin, before the service
 * worker or the network answers) to interactive: the frame where the readiness rule first held,
 * or the end of the last long task after it, once QUIET_MS pass without another.
 */
export async function timeToInteractive(page: Page, timeoutMs = 120_000): Promise<number> {
  const handle = await page.waitForFunction(
    (quietMs) => {
      const watch = (window as unknown as { benchWatch?: Watch }).benchWatch;
      if (watch?.readyAt === undefined) return false;
      const since = Math.max(watch.readyAt, watch.lastLongTaskEnd);
      return performance.now() - since >= quietMs ? since : false;
    },
    QUIET_MS,
    { polling: 100, timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}
