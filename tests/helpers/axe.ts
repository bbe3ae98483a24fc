import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string; help: string; targets: string[] };

/**
 * Runs axe-core in the page and returns the serious and critical violations. The source is
 * evaluated through DevTools, which the page's CSP (no inline script) does not block.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  });
}

export type SmallTarget = { element: string; width: number; height: number };

/**
 * Visible controls whose touch target is under `min` px in width or height. A control inside
 * its <label> (or named by one) counts the label's box too: a tap on the label works the same.
 */
export function smallTouchTargets(page: Page, min = 44): Promise<SmallTarget[]> {
  return page.evaluate((limit) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary',
    );
    const small: SmallTarget[] = [];
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      const style = getComputedStyle(control);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const label =
        control.closest('label') ??
        (control.id ? document.querySelector(`label[for="${control.id}"]`) : null);
      const labelBox = label?.getBoundingClientRect();
      const width = Math.max(box.width, labelBox?.width ?? 0);
      const height = Math.max(box.height, labelBox?.height ?? 0);
      // Visually hidden (a skip link, the 1 px file input behind its button) is not tapped.
      if (box.width <= 1 || box.height <= 1) continue;
      if (width < limit || height < limit) {
        const name = `${control.tagName.toLowerCase()}${control.id ? `#${control.id}` : ''} "${(control.textContent ?? '').trim().slice(0, 30)}"`;
        small.push({ element: name, width: Math.round(width), height: Math.round(height) });
      }
    }
    return small;
  }, min);
}
