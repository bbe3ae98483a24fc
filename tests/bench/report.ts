export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 100) / 100;
}

export function report(title: string, rows: [string, string | number][]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n== ${title}`);
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
}

/** The device of issue 4: what a long-used phone holds. */
export const ENTERPRISES = 10_000;
export const VISITS = 50_000;

/**
 * Waits until the browser's storage has settled after a large import: a phone's database is not
 * in the middle of compacting 60,000 fresh rows (seen: the raw floor's p95 18 ms right after,
 * 13 ms once settled).
 */
export function storageSettled(): Promise<void> {
  return new Promise((settled) => setTimeout(settled, 15_000));
}
