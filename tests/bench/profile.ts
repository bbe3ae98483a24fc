import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { RESULTS_DIR } from './results';

/** A CPU profile as the CDP Profiler returns it (DevTools' Performance panel opens the file). */
export type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
};
export type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** The functions that took the most time themselves (sampled), in ms of the slowed-down CPU. */
export function selfTimes(profile: Profile, top = 25): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...total.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${key}`);
}

/**
 * Runs `work` under the CDP Profiler of `cdp`'s page (BENCH_TRACE=1), writes
 * results/<name>.cpuprofile and prints the functions that took the most time themselves.
 */
export async function profiled<T>(
  cdp: CDPSession,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const path = join(RESULTS_DIR, `${name}.cpuprofile`);
  await writeFile(path, JSON.stringify(profile));
  console.log(`${name}: profile in ${path}\n${selfTimes(profile).join('\n')}`);
  return result;
}
