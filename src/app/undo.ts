import { useEffect, useState } from 'preact/hooks';

/**
 * "Done — Undo" instead of "Are you sure?": a discarded draft can be brought back for a few
 * seconds, from whatever screen the organizer went on to. One offer at a time.
 */
export type UndoOffer = { id: number; message: string; undo: () => Promise<unknown> };

export const UNDO_MS = 10_000;

let offer: UndoOffer | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let counter = 0;
const listeners = new Set<() => void>();

function publish(next: UndoOffer | undefined): void {
  offer = next;
  for (const listener of listeners) listener();
}

export function offerUndo(message: string, undo: () => Promise<unknown>): void {
  clearTimeout(timer);
  counter += 1;
  const mine: UndoOffer = { id: counter, message, undo };
  publish(mine);
  timer = setTimeout(() => offer === mine && publish(undefined), UNDO_MS);
}

/** Runs the offer's undo (once) and withdraws it. */
export async function acceptUndo(target: UndoOffer): Promise<void> {
  if (offer !== target) return;
  clearTimeout(timer);
  publish(undefined);
  await target.undo();
}

export function currentUndo(): UndoOffer | undefined {
  return offer;
}

export function useUndoOffer(): UndoOffer | undefined {
  const [current, setCurrent] = useState(offer);
  useEffect(() => {
    const listener = () => setCurrent(offer);
    listeners.add(listener);
    listener();
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return current;
}
