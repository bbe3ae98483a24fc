/**
 * One turn at a time per key, the others queued in arrival order: a user's pushes run one after
 * the other, so that one user's devices pushing at once cannot take every turn of the database
 * from everyone else (issue 14 point 11). Only scheduling lives here, nothing that matters after
 * the request (docs/design.md §6): with several servers, each queues its own requests.
 */
export type Turns = <T>(key: string, work: () => Promise<T>) => Promise<T>;

export function createTurns(): Turns {
  const tails = new Map<string, Promise<unknown>>();
  return (key, work) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
