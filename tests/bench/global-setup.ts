import { clearRecorded } from './results';
import { summarize } from './summary';

/** Each `npm run bench` starts from nothing recorded, so latest.json holds this run only. */
export function setup(): void {
  clearRecorded();
}

/**
 * After every part: the table and latest.json. An error thrown here is only logged by Vitest, so
 * an over-budget run fails through the exit code.
 */
export function teardown(): void {
  const { over } = summarize();
  if (over.length > 0) process.exitCode = 1;
}
