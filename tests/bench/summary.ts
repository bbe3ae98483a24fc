import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS, type Budget, holds } from './budgets';
import { RESULTS_DIR, type Recorded, readRecorded, settings } from './results';

type Row = {
  key: string;
  runs?: number[];
  absent?: string;
  budget?: Budget;
};

export type Summary = { rows: Row[]; over: string[]; latest: Record<string, unknown> };

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const round = (value: number) => Math.round(value * 100) / 100;
const group = (key: string) => key.split('.')[0] ?? key;

/** Budget keys first, in the order of the issue's table, then the other figures of each part. */
function order(keys: string[]): string[] {
  const budgetKeys = BUDGETS.map((budget) => budget.key);
  const groups = [...new Set([...budgetKeys, ...[...keys].sort()].map(group))];
  const rank = (key: string) => {
    const index = budgetKeys.indexOf(key);
    return index === -1 ? budgetKeys.length : index;
  };
  return [...keys].sort(
    (a, b) =>
      groups.indexOf(group(a)) - groups.indexOf(group(b)) ||
      rank(a) - rank(b) ||
      a.localeCompare(b),
  );
}

function rowsOf(recorded: Recorded[]): Row[] {
  const byKey = new Map(recorded.map((r) => [r.key, r]));
  const measuredGroups = new Set(recorded.map((r) => group(r.key)));
  // A budget figure whose part did not run is left out (a run of one part); one whose part ran
  // but did not record it is shown as absent, as is one that waits for a feature.
  for (const budget of BUDGETS) {
    if (byKey.has(budget.key)) continue;
    if (budget.absentUntil) byKey.set(budget.key, { key: budget.key, absent: budget.absentUntil });
    else if (measuredGroups.has(group(budget.key)))
      byKey.set(budget.key, { key: budget.key, absent: 'not recorded by its part' });
  }
  return order([...byKey.keys()]).map((key) => {
    const r = byKey.get(key) as Recorded;
    const budget = BUDGETS.find((b) => b.key === key);
    return {
      key,
      ...('runs' in r ? { runs: r.runs } : { absent: r.absent }),
      ...(budget && { budget }),
    };
  });
}

/** `{ "saveVisit.p95Ms": 20 }` → `{ saveVisit: { p95Ms: 20 } }`: medians only, numbers only. */
function nest(rows: Row[]): Record<string, unknown> {
  const latest: Record<string, unknown> = {
    bench: {
      runs: settings.runs,
      warmUps: settings.warmUps,
      scale: settings.scale,
      at: Date.now(),
    },
  };
  for (const row of rows) {
    if (!row.runs) continue;
    const path = row.key.split('.');
    let node = latest;
    for (const part of path.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    node[path.at(-1) as string] = round(median(row.runs));
  }
  return latest;
}

const number = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });

function status(row: Row): string {
  if (!row.runs) return `absent (${row.absent})`;
  if (!row.budget) return '';
  const ok = holds(row.budget, median(row.runs));
  if (row.budget.phone) return ok ? 'ok (phone)' : 'above (phone, not a budget)';
  return ok ? 'ok' : 'OVER';
}

function table(rows: Row[]): string {
  const header = ['figure', 'runs', 'min', 'median', 'max', 'budget', 'status'];
  const cells = rows.map((row) => [
    row.key,
    row.runs ? String(row.runs.length) : '',
    row.runs ? number(Math.min(...row.runs)) : '',
    row.runs ? number(median(row.runs)) : '—',
    row.runs ? number(Math.max(...row.runs)) : '',
    row.budget
      ? `${row.budget.phone ? '(' : ''}${row.budget.compare} ${number(row.budget.limit)}${row.budget.phone ? ')' : ''}`
      : '',
    status(row),
  ]);
  const widths = header.map((_, i) =>
    Math.max(...[header, ...cells].map((c) => (c[i] ?? '').length)),
  );
  const numeric = new Set([1, 2, 3, 4]);
  const line = (c: string[]) =>
    c
      .map((cell, i) =>
        numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Reads what the parts recorded, writes latest.json and runs.json, prints the table. */
export function summarize(): Summary {
  const recorded = readRecorded();
  const rows = rowsOf(recorded);
  const over = rows
    .filter(
      (row) => row.runs && row.budget && !row.budget.phone && !holds(row.budget, median(row.runs)),
    )
    .map((row) => row.key);
  const latest = nest(rows);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(latest, null, 2)}\n`);
  const runs = Object.fromEntries(
    recorded.map((r) => [r.key, 'runs' in r ? r.runs.map(round) : { absent: r.absent }]),
  );
  writeFileSync(join(RESULTS_DIR, 'runs.json'), `${JSON.stringify(runs, null, 2)}\n`);

  const quick =
    settings.runs < 5 || settings.scale < 1
      ? `\nQuick run (BENCH_RUNS=${settings.runs}, BENCH_SCALE=${settings.scale}): checks the tool, not the budgets' terms.`
      : '';
  console.log(
    `\n== bench: median of ${settings.runs} run(s) after ${settings.warmUps} warm-up(s)${quick}\n${table(rows)}\n` +
      `${over.length === 0 ? 'Every measured figure within budget.' : `OVER budget: ${over.join(', ')}`}\n` +
      `Figures: ${join(RESULTS_DIR, 'latest.json')} (every run: runs.json)`,
  );
  return { rows, over, latest };
}
