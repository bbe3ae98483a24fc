import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

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

/** How the document tells the bench it is interactive: this prefix, then the milliseconds. */
const SIGNAL = 'bench:interactive ';

/**
 * Installs, in every document of the context before its own scripts run, a watch for its
 * readiness rule (checked at each change of the document) and for long tasks, which logs SIGNAL
 * once the document is interactive. The document reports it itself: asking from the bench
 * (Playwright's waitForFunction) made Playwright compile its own injected script, 36–41 ms of a
 * 4× slowed main thread, in the middle of the start being measured.
 */
export async function watchReadiness(context: BrowserContext, rules: Readiness[]): Promise<void> {
  await context.addInitScript(
    ({ all, quietMs, signal }: { all: Readiness[]; quietMs: number; signal: string }) => {
      const rule = all.find((r) => r.path === location.pathname);
      if (!rule) return;
      let lastLongTaskEnd = 0;
      new PerformanceObserver((list) => {
        for (const task of list.getEntries()) {
          lastLongTaskEnd = Math.max(lastLongTaskEnd, task.startTime + task.duration);
        }
      }).observe({ type: 'longtask', buffered: true });
      const ready = () =>
        (!rule.loaded || document.readyState === 'complete') &&
        rule.present.every((selector) => document.querySelector(selector) !== null) &&
        (rule.absent ?? []).every((selector) => document.querySelector(selector) === null);
      const whenQuiet = (readyAt: number) => {
        const since = Math.max(readyAt, lastLongTaskEnd);
        const left = since + quietMs - performance.now();
        if (left <= 0) console.debug(`${signal}${since}`);
        else setTimeout(() => whenQuiet(readyAt), left);
      };
      // Checked when the document changes or loads, not in every frame: a frame asked for
      // (requestAnimationFrame) in a loop made the renderer draw one every 16 ms from the first
      // script on, work a phone opening the app does not do and the page without scripts does
      // not either (the baseline of coldStart). Once ready, the frame that shows it is the time.
      let done = false;
      const check = () => {
        if (done || !ready()) return;
        done = true;
        changes.disconnect();
        requestAnimationFrame(() => whenQuiet(performance.now()));
      };
      const changes = new MutationObserver(check);
      changes.observe(document, { childList: true, subtree: true, attributes: true });
      window.addEventListener('load', check);
    },
    { all: rules, quietMs: QUIET_MS, signal: SIGNAL },
  );
}

/**
 * Navigates with `go`, then resolves with the milliseconds from the start of the navigation (the
 * document's time origin, before the service worker or the network answers) to interactive: the
 * frame where the readiness rule first held, or the end of the last long task after it, once
 * QUIET_MS pass without another.
 */
export async function timeToInteractive(
  page: Page,
  go: () => Promise<unknown>,
  timeoutMs = 120_000,
): Promise<number> {
  // Listening before the navigation, so that no signal can come before the wait.
  const signalled = page.waitForEvent('console', {
    predicate: (message: ConsoleMessage) => message.text().startsWith(SIGNAL),
    timeout: timeoutMs,
  });
  await go();
  const message = await signalled;
  return Number(message.text().slice(SIGNAL.length));
}
