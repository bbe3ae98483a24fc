import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_JS_BUDGET, measureBudget, PRECACHE_BUDGET } from '../helpers/budget';

describe('size budget of the production build', () => {
  const budget = measureBudget();
  console.log(
    `budget: first-screen JS ${(budget.firstScreenJsGzip / 1024).toFixed(1)} KB gzip (budget 60), precache ${(budget.precacheGzip / 1024).toFixed(1)} KB gzip (limit 400) in ${budget.precache.length} files`,
  );

  it('finds the entry script and the precache list', () => {
    expect(budget.scripts.length).toBeGreaterThan(0);
    expect(budget.precache).toContain('index.html');
  });

  it('keeps the JavaScript of the first screen within 60 KB gzip', () => {
    expect(budget.firstScreenJsGzip).toBeLessThanOrEqual(FIRST_SCREEN_JS_BUDGET);
  });

  it('keeps the precache within 400 KB gzip', () => {
    expect(budget.precacheGzip).toBeLessThanOrEqual(PRECACHE_BUDGET);
  });
});
