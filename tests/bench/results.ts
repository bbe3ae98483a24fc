import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * What every bench part records, as data: each figure under its key (`saveVisit.p95Ms`) with the
 * value of every measured run. Parts run in separate workers, so each figure is one small file
 * under `results/parts/`; the global teardown (summary.ts) reads them all, holds them to
 * budgets.ts and writes `results/latest.json`.
 */
export const RESULTS_DIR = resolve(import.meta.dirname, 'results');
const PARTS_DIR = join(RESULTS_DIR, 'parts');

export type Recorded = { key: string; runs: number[] } | { key: string; absent: string };

function positiveInteger(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name}="${raw}" is not understood: use a whole number ≥ ${min}.`);
  }
  return value;
}

function fraction(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0 && value <= 1)) {
    throw new Error(`${name}="${raw}" is not understood: use a number above 0 and at most 1.`);
  }
  return value;
}

/**
 * How much to measure (tests/bench/README.md). The defaults are the budgets' terms: the median
 * of 5 runs after one warm-up, on the full data sets. Fewer runs or a smaller scale make a quick
 * check of the tool, never figures to compare with a budget.
 */
export const settings = {
  runs: positiveInteger('BENCH_RUNS', 5, 1),
  warmUps: positiveInteger('BENCH_WARMUPS', 1, 0),
  scale: fraction('BENCH_SCALE', 1),
  /** BENCH_TRACE=1: the first-screen part also saves a performance trace of one load of each. */
  trace: process.env['BENCH_TRACE'] === '1',
};

/**
 * Time allowed to one measuring test: its runs take minutes each on a loaded 2-core machine, and
 * a run cut short by a timeout gives no figure at all.
 */
export const MEASURE_TIMEOUT_MS = 2 * 60 * 60 * 1000;

/** A data-set size shrunk by BENCH_SCALE, never below `min`. */
export function scaled(size: number, min = 1): number {
  return Math.max(min, Math.round(size * settings.scale));
}

/** Calls `measure` for the warm-ups (results dropped), then once per run; returns the runs. */
export async function repeat<T>(measure: (run: number) => Promise<T>): Promise<T[]> {
  for (let i = 0; i < settings.warmUps; i++) await measure(-1 - i);
  const runs: T[] = [];
  for (let run = 0; run < settings.runs; run++) runs.push(await measure(run));
  return runs;
}

function write(recorded: Recorded): void {
  mkdirSync(PARTS_DIR, { recursive: true });
  writeFileSync(join(PARTS_DIR, `${recorded.key}.json`), JSON.stringify(recorded));
}

/** A timed figure: one value per run (its median is the figure). */
export function recordRuns(key: string, runs: readonly number[]): void {
  if (runs.length === 0 || runs.some((value) => !Number.isFinite(value))) {
    throw new Error(`${key}: every run must give a finite number, got [${runs.join(', ')}]`);
  }
  write({ key, runs: [...runs] });
}

/** Several figures measured in the same runs: `{ p95Ms: [..], ratio: [..] }` under `prefix`. */
export function recordAll(prefix: string, figures: Record<string, readonly number[]>): void {
  for (const [name, runs] of Object.entries(figures)) recordRuns(`${prefix}.${name}`, runs);
}

/** A figure that cannot be measured here; the summary says why instead of showing a number. */
export function recordAbsent(keys: readonly string[], reason: string): void {
  for (const key of keys) write({ key, absent: reason });
}

/** Per run, `measured[i] / baseline[i]`: the same-run ratio a budget holds. */
export function ratios(measured: readonly number[], baseline: readonly number[]): number[] {
  return measured.map((value, i) => value / Math.max(0.01, baseline[i] ?? Number.NaN));
}

export function clearRecorded(): void {
  rmSync(PARTS_DIR, { recursive: true, force: true });
}

export function readRecorded(): Recorded[] {
  let files: string[];
  try {
    files = readdirSync(PARTS_DIR);
  } catch {
    return [];
  }
  return files
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(PARTS_DIR, file), 'utf8')) as Recorded);
}
