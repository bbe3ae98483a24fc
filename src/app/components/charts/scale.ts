/**
 * The value axis of the app's charts: from 0 to a round top above every value, with three round
 * ticks, so the lines never touch the frame and the labels stay short.
 */
export function niceTop(max: number): number {
  if (!(max > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const top = step * magnitude;
    if (top >= max * 1.05) return top;
  }
  return 10 * magnitude;
}

/** Three ticks: the bottom, the middle and the top. */
export function ticks(low: number, high: number): number[] {
  return [low, (low + high) / 2, high];
}

/** Position along [from, to] of `value` on an axis [0, top]. */
export function place(value: number, top: number, from: number, to: number): number {
  return from + ((to - from) * value) / top;
}
