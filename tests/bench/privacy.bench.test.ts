import { afterAll, beforeAll, describe, it } from 'vitest';
import { type BenchPage, openBenchPage } from './bench-page';
import { percentile, report } from './report';
import { MEASURE_TIMEOUT_MS, ratios, recordAll, repeat, scaled } from './results';

/**
 * Issue 15's figures in headless Chromium with 4× CPU slowdown (page/privacy-bench.ts): an
 * application submitted and a visit logged with encryption (p95), the drafts list of 500 decrypted and painted, an
 * unlock by PIN. Baseline in the same run: the same work on a phone without a PIN, where nothing
 * is encrypted (the unlock has none: it is all key derivation).
 */
const SAVES_PER_RUN = 60;
const DRAFTS = 500;

type Bench = {
  setUp(): Promise<void>;
  saveSignups(n: number, seed: number): Promise<{ encrypted: number[]; plain: number[] }>;
  saveVisits(n: number, seed: number): Promise<{ encrypted: number[]; plain: number[] }>;
  seedDrafts(n: number): Promise<void>;
  listDrafts(): Promise<{ encryptedMs: number; plainMs: number; shown: number }>;
  unlock(): Promise<number>;
};

let bench: BenchPage<Bench>;

beforeAll(async () => {
  bench = await openBenchPage<Bench>('privacy.html');
}, 120_000);

afterAll(() => bench?.close());

const run: BenchPage<Bench>['run'] = (name, ...args) => bench.run(name, ...args);

describe('privacy on the phone, 4× CPU slowdown', () => {
  it(
    'measures',
    async () => {
      await run('setUp');
      const drafts = scaled(DRAFTS);
      await run('seedDrafts', drafts);
      const runs = await repeat(async (round) => ({
        saves: await run('saveSignups', SAVES_PER_RUN, 5000 + round),
        visits: await run('saveVisits', SAVES_PER_RUN, 6000 + round),
        list: await run('listDrafts'),
        unlock: await run('unlock'),
      }));
      const saveP95 = runs.map((r) => percentile(r.saves.encrypted, 95));
      const plainP95 = runs.map((r) => percentile(r.saves.plain, 95));
      const visitP95 = runs.map((r) => percentile(r.visits.encrypted, 95));
      const plainVisitP95 = runs.map((r) => percentile(r.visits.plain, 95));
      const listMs = runs.map((r) => r.list.encryptedMs);
      const plainListMs = runs.map((r) => r.list.plainMs);
      recordAll('privacy', {
        saveSignupP95Ms: saveP95,
        plainSaveSignupP95Ms: plainP95,
        saveSignupRatio: ratios(saveP95, plainP95),
        saveVisitP95Ms: visitP95,
        plainSaveVisitP95Ms: plainVisitP95,
        saveVisitRatio: ratios(visitP95, plainVisitP95),
        drafts500Ms: listMs,
        plainDrafts500Ms: plainListMs,
        drafts500Ratio: ratios(listMs, plainListMs),
        unlockMs: runs.map((r) => r.unlock),
      });
      const median = (values: number[]) => percentile(values, 50);
      report('privacy (Chromium, CPU ×4)', [
        ['submit application, encrypted + sealed p95 (ms, median of runs)', median(saveP95)],
        ['submit application, no PIN p95 (ms, median of runs)', median(plainP95)],
        ['log visit naming a worker, encrypted + sealed p95 (ms)', median(visitP95)],
        ['log visit naming a worker, no PIN p95 (ms)', median(plainVisitP95)],
        [`drafts list of ${drafts}, decrypted and painted (ms)`, median(listMs)],
        [`drafts list of ${drafts}, no PIN (ms)`, median(plainListMs)],
        ['unlock by PIN, PBKDF2 600,000 (ms)', median(runs.map((r) => r.unlock))],
        ['drafts shown', runs[0]?.list.shown ?? 0],
      ]);
    },
    MEASURE_TIMEOUT_MS,
  );
});
