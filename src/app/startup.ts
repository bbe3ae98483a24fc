import { getSession, onTablesChanged, type Session } from '../db';
import { appDb } from './db';
import { readFirstScreenEarly } from './hooks/useEnterpriseIndex';

/*
 * The reads of the first screen, started while the scripts run, before the first render. Done by
 * the screens themselves, the database's opening, the session and the list's first rows came one
 * after another, each after a render: most of an offline start of a slow phone (npm run bench,
 * coldStart). Started here, they overlap the rendering.
 */
type EarlySession = { read: Promise<Session | null>; changed: boolean; stop: () => void };

let early: EarlySession | undefined;

export function startStartupReads(): void {
  const entry: EarlySession = {
    read: Promise.resolve(null),
    changed: false,
    stop: () => undefined,
  };
  // Listening before the read: a write after its snapshot makes it stale, never unseen.
  entry.stop = onTablesChanged(appDb(), ['meta'], () => {
    entry.changed = true;
  });
  entry.read = getSession(appDb());
  // A failure is the app's first read's to show (readSession passes it on).
  entry.read.catch(() => undefined);
  early = entry;
  void readFirstScreenEarly().catch(() => undefined);
}

/** The session: the read started at start the first time, if nothing changed since; else now. */
export function readSession(): Promise<Session | null> {
  const entry = early;
  early = undefined;
  entry?.stop();
  return entry !== undefined && !entry.changed ? entry.read : getSession(appDb());
}
