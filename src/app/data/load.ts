import { onTablesChanged, type SotayDb, StorageFullError, type TableName } from '../../db';
import { t } from '../../shared/i18n';

/**
 * The four states of every screen's data (one pattern for all screens): still loading, ready,
 * not found (a deleted enterprise's page says so instead of "loading" forever), or failed (the
 * error in words, and a retry).
 */
export type Load<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'notFound' }
  | { status: 'failed'; error: unknown };

export type LoadSpec<T> = {
  /** The tables `read` reads: it runs again after any write to them (any tab, the worker). */
  tables: readonly TableName[];
  /**
   * The screen's data; `undefined` means the record is not (or no longer) on the device.
   * `signal` aborts once the screen is gone: a long read (the admissions queue, slice by slice)
   * stops there instead of revealing thousands of rows for no one.
   */
  read: (signal: AbortSignal) => Promise<T | undefined>;
  /** A value read just before (preload.ts) with nothing written since: shown at once. */
  preloaded?: T | undefined;
};

export type LoadWatch = { retry(): void; stop(): void };

/**
 * Reads now (in the caller's task: a screen opened by a tap starts its read in the tap's task,
 * not a frame later) and again after writes to `spec.tables`. One read at a time: writes that
 * come while a read runs (a drain acknowledging hundreds of rows) make ONE more read after it,
 * not one each. While a new read is on its way the last state stays: no "loading" flash.
 */
export function watchLoad<T>(
  db: SotayDb,
  spec: LoadSpec<T>,
  report: (state: Load<T>) => void,
): LoadWatch {
  const gone = new AbortController();
  let stopped = false;
  let running = false;
  let again = false;
  const settle = (state: Load<T>) => {
    running = false;
    if (stopped) return;
    // A write came during the read: what it read may be stale already, read once more.
    if (again) run();
    else report(state);
  };
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    spec.read(gone.signal).then(
      (value) => settle(value === undefined ? { status: 'notFound' } : { status: 'ready', value }),
      (error: unknown) => settle({ status: 'failed', error }),
    );
  };
  const stop = onTablesChanged(db, spec.tables, run);
  if (spec.preloaded === undefined) run();
  return {
    retry: () => {
      if (stopped) return;
      report({ status: 'loading' });
      run();
    },
    stop: () => {
      stopped = true;
      stop();
      gone.abort();
    },
  };
}

/** The first state of a load: ready at once with a preloaded value. */
export function initialLoad<T>(preloaded: T | undefined): Load<T> {
  return preloaded === undefined ? { status: 'loading' } : { status: 'ready', value: preloaded };
}

/** An error as the organizer can read it: storage trouble in plain words, else its message. */
export function describeError(error: unknown): string {
  if (error instanceof StorageFullError) return t('storage.quotaError');
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
