/**
 * Resolves once the browser has painted what is on screen (the frame after the next): a heavy
 * read started then does not hold back the first figures or rows a screen drew from a narrow one.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
