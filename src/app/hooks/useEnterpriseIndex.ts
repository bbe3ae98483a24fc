import { useLayoutEffect, useReducer } from 'preact/hooks';
import {
  type EnterpriseIndexRow,
  type FirstScreen,
  loadFirstScreen,
  watchEnterpriseIndex,
} from '../../db';
import { whenPainted } from '../after-paint';
import { appDb } from '../db';

/*
 * The search index of every enterprise, kept for the whole session instead of per visit of the
 * list: an organizer goes list → enterprise → back many times a day, and reloading 10,000 rows
 * each time (a quarter of a second on a slow phone, and garbage that slows the next page) is
 * what the list would otherwise cost. watchEnterpriseIndex keeps it current after every change,
 * reading only the rows changed, sign-out included (the tables empty).
 *
 * Reading the whole index takes a slow phone a second or more after a start, so the list's first
 * screen comes first, from one short index read (loadFirstScreen), and the whole index is read
 * after it has been painted.
 */
let index: readonly EnterpriseIndexRow[] | undefined;
let firstScreen: FirstScreen | undefined;
let started = false;
const listeners = new Set<() => void>();

/** Rows of the first screen read before the whole index: a tall phone screen and its overscan. */
export const FIRST_SCREEN_ROWS = 30;

function changed(): void {
  for (const listener of listeners) listener();
}

/*
 * The first read of the index goes on only while a screen shows the list, and a frame after it
 * came back: its parts' reads and merges fill the main thread for most of a second after a start,
 * and a supervisor who opened Tiến độ at once waited for its first figures 100–750 ms longer
 * behind them (npm run bench, progress: 239–918 ms, against 154–162 once the start had settled).
 */
let resumes: (() => void)[] = [];

function whileListShown(): Promise<void> {
  if (listeners.size > 0) return Promise.resolve();
  return new Promise((resolve) => resumes.push(resolve));
}

function resume(): void {
  const waiting = resumes;
  resumes = [];
  if (waiting.length === 0) return;
  whenPainted(() => {
    for (const go of waiting) go();
  });
}

function watchIndex(): void {
  watchEnterpriseIndex(
    appDb(),
    {
      next: (rows) => {
        index = rows;
        firstScreen = undefined;
        changed();
      },
      // A failed read keeps the last index; the next change of the table tries again.
      error: () => undefined,
    },
    whileListShown,
  );
}

let firstRead: Promise<FirstScreen> | undefined;

/**
 * Starts reading the list's first screen, if not started yet. main.tsx calls it before the first
 * render, so that the read overlaps the rendering instead of following it.
 */
export function readFirstScreenEarly(): Promise<FirstScreen> {
  // Kept as soon as read: a list rendered after it shows its rows in its first render.
  firstRead ??= loadFirstScreen(appDb(), FIRST_SCREEN_ROWS).then((first) => {
    if (index === undefined) {
      firstScreen = first;
      changed();
    }
    return first;
  });
  return firstRead;
}

function start(): void {
  if (started) return;
  started = true;
  readFirstScreenEarly().then(
    () => {
      // After the frame is painted: the first screen shows before the index is read.
      whenPainted(watchIndex);
    },
    // The index's own read reports the same failure.
    () => watchIndex(),
  );
}

export type EnterpriseRows = {
  /** Every enterprise, once read. */
  index: readonly EnterpriseIndexRow[] | undefined;
  /** The list's first screen, until the index is read. */
  firstScreen: FirstScreen | undefined;
};

export function useEnterpriseIndex(): EnterpriseRows {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    const listener = () => rerender(undefined);
    listeners.add(listener);
    start();
    resume();
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return { index, firstScreen };
}
