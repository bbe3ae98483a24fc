import {
  applyPushAnswers,
  applyRemoteChanges,
  applyRetention,
  getClientId,
  getSession,
  getSyncState,
  markAttempt,
  markSessionExpired,
  mutationToSend,
  noticesAcknowledged,
  outboxCount,
  type PushAnswer,
  pendingOutbox,
  pendingRevocations,
  revocationDelivered,
  type SendableMutation,
  type SotayDb,
  storeNotices,
  unacknowledgedNotices,
  updateSyncState,
} from '../db';
import { MAX_NOTICES_PER_PULL } from '../shared/protocol';
import { retryDelay } from './backoff';
import { acknowledgeNotices, type Fetch, type Outcome, pull, push } from './transport';

/** Rows per push: well under the server's 500 and 2 MB, small enough to show progress. */
export const PUSH_BATCH = 100;
export const PULL_PAGE = 500;
const LOCK_NAME = 'sotay-sync-drain';

export type DrainResult =
  | 'done'
  | 'busy'
  | 'signed-out'
  | 'unauthorized'
  | 'waiting'
  | 'retry-later'
  | 'refused';

export type DrainDeps = {
  db: SotayDb;
  fetch: Fetch;
  now?: () => number;
  random?: () => number;
  /** Web Locks, where the runtime has them (every current browser, page and worker). */
  locks?: LockManager | undefined;
  /** The user pressed "sync now" (the page only): don't wait out the backoff. */
  force?: boolean;
  /**
   * When the drain was asked for (ms since epoch; now by default). A drain that waited for the
   * lock is done at once when the drain it waited for finished after this and left nothing to
   * send: one save makes one push and one pull, however many callers asked.
   */
  requestedAt?: number;
  /**
   * Queue behind a drain that holds the lock instead of returning 'busy'. The worker does: if
   * the page that holds the lock is closed mid-drain, the worker takes over and finishes.
   */
  wait?: boolean;
  /** navigator.onLine: a failure while the device knows it is offline is not the server's fault. */
  isOnline?: () => boolean;
  /** Per request; REQUEST_TIMEOUT_MS by default. */
  timeoutMs?: number;
};

/**
 * One drain at a time across tabs and the service worker: whoever holds the lock drains; the
 * others return 'busy' at once (the holder will see their rows too: it reads the outbox until
 * it is empty).
 */
export async function drain(deps: DrainDeps): Promise<DrainResult> {
  const asked = { ...deps, requestedAt: deps.requestedAt ?? (deps.now ?? Date.now)() };
  if (!deps.locks) return drainUnlocked(asked);
  if (deps.wait) return deps.locks.request(LOCK_NAME, () => drainUnlocked(asked));
  return deps.locks.request(LOCK_NAME, { ifAvailable: true }, (lock) =>
    lock ? drainUnlocked(asked) : ('busy' as const),
  );
}

async function drainUnlocked(deps: DrainDeps & { requestedAt: number }): Promise<DrainResult> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  await sendRevocations(deps);
  const session = await getSession(db);
  if (!session) return 'signed-out';
  if (session.expired) return 'unauthorized';
  const state = await getSyncState(db);
  if (!deps.force && state.retryAt !== undefined && state.retryAt > now()) return 'waiting';
  if (!deps.force && (await doneSince(db, state.lastSyncAt, deps.requestedAt))) return 'done';

  await updateSyncState(db, { running: true, sent: 0 });
  try {
    const outcome = await pushAll(deps, session.token);
    if (outcome !== 'done') return await settle(deps, outcome);
    const pulled = await pullAll(deps, session.token);
    if (pulled !== 'done') return await settle(deps, pulled);
    const acknowledged = await acknowledgeAll(deps, session.token);
    if (acknowledged !== 'done') return await settle(deps, acknowledged);
    // What the pull decided long enough ago leaves the phone (docs/design.md §6, retention).
    await applyRetention(db, now());
    await updateSyncState(db, {
      lastSyncAt: new Date(now()).toISOString(),
      failures: 0,
      retryAt: undefined,
      lastError: undefined,
    });
    return 'done';
  } finally {
    await updateSyncState(db, { running: false });
  }
}

/**
 * Sessions signed out on this device while offline end on the server at the next connection
 * (docs/design.md §6): by the hash of their token, which is all the device kept. A failure
 * leaves them for the next drain; nothing else waits on them.
 */
async function sendRevocations(deps: DrainDeps): Promise<void> {
  if (deps.isOnline?.() === false) return;
  for (const tokenHash of await pendingRevocations(deps.db)) {
    const response = await deps
      .fetch('/api/auth/revoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tokenHash }),
      })
      .catch(() => undefined);
    if (response?.ok) await revocationDelivered(deps.db, tokenHash);
  }
}

type Step = 'done' | Exclude<Outcome<unknown>, { kind: 'ok' }>;

async function pushAll(deps: DrainDeps, token: string): Promise<Step> {
  const { db } = deps;
  const clientId = await getClientId(db);
  let sent = 0;
  for (;;) {
    const pending = await pendingOutbox(db, PUSH_BATCH);
    // Locked, a row not sealed for the server cannot be opened to be sent: it waits for unlock.
    const sendable = await Promise.all(pending.map((row) => mutationToSend(db, row)));
    const rows = pending.filter((_, index) => sendable[index] !== undefined);
    if (rows.length === 0) return 'done';
    await updateSyncState(db, { total: sent + rows.length });
    // Recorded before the request leaves: from now on the payload is frozen (docs/design.md §6).
    const frozen = await markAttempt(
      db,
      rows.map((row) => row.seq),
    );
    const mutations = (await Promise.all(frozen.map((row) => mutationToSend(db, row)))).filter(
      (mutation): mutation is SendableMutation => mutation !== undefined,
    );
    const outcome = await push(deps.fetch, token, { clientId, mutations }, deps.timeoutMs);
    if (outcome.kind !== 'ok') return outcome;
    const bySeq = new Map(frozen.map((row) => [row.mutationId, row.seq]));
    const answers: PushAnswer[] = [];
    for (const result of outcome.body.results) {
      const seq = bySeq.get(result.mutationId);
      if (seq !== undefined) answers.push({ seq, result });
    }
    await applyPushAnswers(db, answers);
    sent += frozen.length;
    await updateSyncState(db, { sent });
    if (rows.length < pending.length) return 'done';
  }
}

/** A drain finished after `requestedAt` and nothing has been queued since: nothing to do. */
async function doneSince(
  db: SotayDb,
  lastSyncAt: string | undefined,
  requestedAt: number,
): Promise<boolean> {
  if (lastSyncAt === undefined || Date.parse(lastSyncAt) <= requestedAt) return false;
  return (await outboxCount(db)).pending === 0;
}

async function pullAll(deps: DrainDeps, token: string): Promise<Step> {
  const { db } = deps;
  for (;;) {
    const state = await getSyncState(db);
    const outcome = await pull(deps.fetch, token, state.cursor, PULL_PAGE, deps.timeoutMs);
    if (outcome.kind !== 'ok') return outcome;
    // `reset`: the server starts over for this user; the device drops its server copies first.
    await applyRemoteChanges(db, outcome.body.changes, outcome.body.reset === true);
    await storeNotices(db, outcome.body.notices ?? []);
    await updateSyncState(db, { cursor: outcome.body.cursor });
    if (!outcome.body.hasMore) return 'done';
  }
}

/**
 * Notices of replaced values are stored by the pull; the server sends them until it hears they
 * are (docs/design.md §6). No request when there is nothing to acknowledge.
 */
async function acknowledgeAll(deps: DrainDeps, token: string): Promise<Step> {
  const ids = await unacknowledgedNotices(deps.db);
  if (ids.length === 0) return 'done';
  for (let start = 0; start < ids.length; start += MAX_NOTICES_PER_PULL) {
    const batch = ids.slice(start, start + MAX_NOTICES_PER_PULL);
    const outcome = await acknowledgeNotices(deps.fetch, token, batch, deps.timeoutMs);
    if (outcome.kind !== 'ok') return outcome;
    await noticesAcknowledged(deps.db, batch);
  }
  return 'done';
}

async function settle(deps: DrainDeps, step: Exclude<Step, 'done'>): Promise<DrainResult> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  if (step.kind === 'unauthorized') {
    await markSessionExpired(db);
    return 'unauthorized';
  }
  // Offline is not a failure to back off from: the `online` event will bring the next drain.
  if (step.kind === 'retry' && deps.isOnline?.() === false) return 'retry-later';
  const state = await getSyncState(db);
  const failures = (state.failures ?? 0) + 1;
  const delay = retryDelay(
    failures,
    step.kind === 'retry' ? step.retryAfterMs : undefined,
    deps.random,
  );
  await updateSyncState(db, { failures, retryAt: now() + delay, lastError: step.reason });
  return step.kind === 'retry' ? 'retry-later' : 'refused';
}
