import {
  getSession,
  onTablesChanged,
  openAppDb,
  type Session,
  type VaultStatus,
  vaultStatus,
} from '../db';
import { appDb } from './db';
import { readFirstScreenEarly } from './hooks/useEnterpriseIndex';
import { opensOnList } from './Routes';

/*
 * The reads of the first screen, started while the scripts run: the database's opening, the
 * session, the vault's status and the list's first rows. main.tsx renders once they are read
 * (the list's rows only when the app opens on the list), so that the first render is the screen
 * itself: rendered before them, an empty shell, then a list without rows, were each drawn, laid
 * out and drawn again on the next answer, most of an offline start of a slow phone (npm run
 * bench, coldStart).
 */

/** What the app needs to know before it shows anything: who is signed in, is there a PIN. */
export type StartState = { session: Session | null; vault: VaultStatus };

type Early = {
  read: Promise<StartState>;
  value: StartState | undefined;
  changed: boolean;
  stop: () => void;
};

let early: Early | undefined;

export function readStartState(): Promise<StartState> {
  const db = appDb();
  return Promise.all([getSession(db), vaultStatus(db)]).then(([session, vault]) => ({
    session,
    vault,
  }));
}

/**
 * Starts the reads; resolves once the start state is read, and the list's first rows when the
 * app opens on `path` and that is the list, or once a read failed (the app then shows it).
 */
export function startStartupReads(path: string): Promise<void> {
  const onList = opensOnList(path);
  // The database is made once IndexedDB said which version the phone holds (openAppDb): a phone
  // at the current version, every start but one, has a single version to declare.
  return openAppDb().then(
    () => {
      const { read, firstRows } = startReads();
      return Promise.all([read, onList ? firstRows : undefined]).then(() => undefined);
    },
    // The app's own read shows the failure.
    () => undefined,
  );
}

function startReads(): { read: Promise<void>; firstRows: Promise<unknown> } {
  const entry: Early = {
    read: Promise.resolve({ session: null, vault: NO_VAULT }),
    value: undefined,
    changed: false,
    stop: () => undefined,
  };
  // Listening before the read: a write after its snapshot makes it stale, never unseen.
  entry.stop = onTablesChanged(appDb(), ['meta'], () => {
    entry.changed = true;
  });
  entry.read = readStartState();
  early = entry;
  const read = entry.read.then(
    (value) => {
      entry.value = value;
    },
    // A failure is the app's own read's to show.
    () => undefined,
  );
  // A failure is the list's own read's to show.
  return { read, firstRows: readFirstScreenEarly().catch(() => undefined) };
}

const NO_VAULT: VaultStatus = { hasPin: false, passkey: undefined, failedPins: 0, wiped: false };

/**
 * The start state as read at start, once, when it was read and nothing was written since; else
 * undefined (the app reads it itself).
 */
export function takeStartState(): StartState | undefined {
  const entry = early;
  early = undefined;
  entry?.stop();
  return entry !== undefined && !entry.changed ? entry.value : undefined;
}
