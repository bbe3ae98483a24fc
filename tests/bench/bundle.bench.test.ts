import { describe, it } from 'vitest';
import { measureBudget } from '../helpers/budget';
import { report } from './report';
import { recordRuns } from './results';

/**
 * Bytes of the production build (gzip level 9, as a server would send them): what the first screen
 * downloads before it can run, and what the service worker stores for offline use. Not timed, so
 * one measurement is the figure.
 */
describe('bundle sizes of the production build', () => {
  it('measures', () => {
    const budget = measureBudget();
    recordRuns('bundle.firstScreenJsGzipBytes', [budget.firstScreenJsGzip]);
    recordRuns('bundle.precacheGzipBytes', [budget.precacheGzip]);
    recordRuns('bundle.precacheFiles', [budget.precache.length]);
    report('bundle (gzip -9)', [
      ['first-screen scripts', budget.scripts.join(', ')],
      ['precached files', budget.precache.length],
    ]);
  });
});
