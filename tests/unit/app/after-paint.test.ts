import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../../src/app/after-paint';

// Node has no frames: a frame here is the next macrotask, which keeps the order that matters
// (the signal is read when the frame's task runs, not when afterPaint is called).
beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (then: () => void) => setTimeout(then, 0));
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
});
afterEach(() => vi.unstubAllGlobals());

describe('afterPaint', () => {
  it('resolves after the frame without a signal, or with one not aborted', async () => {
    await expect(afterPaint()).resolves.toBeUndefined();
    await expect(afterPaint(new AbortController().signal)).resolves.toBeUndefined();
  });

  it.each([
    ['before it is called', true],
    ['while it waits for the frame', false],
  ])('rejects with the reason when the signal aborts %s', async (_when, early) => {
    const gone = new AbortController();
    const reason = new Error('screen left');
    if (early) gone.abort(reason);
    const painted = afterPaint(gone.signal);
    if (!early) gone.abort(reason);
    await expect(painted).rejects.toBe(reason);
  });
});
