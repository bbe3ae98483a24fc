import * as v from 'valibot';
import {
  type PullResponse,
  type PushRequest,
  type PushResult,
  pullResponseSchema,
  pushResponseSchema,
} from '../shared/protocol';
import { parseRetryAfter } from './backoff';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A server that hangs is treated like one that fails: give up, back off, retry later. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** What a call to the server came to, as far as the drain is concerned. */
export type Outcome<T> =
  | { kind: 'ok'; body: T }
  /** The session is gone: keep everything, ask for the password. */
  | { kind: 'unauthorized' }
  /** Network down, 5xx, 429, or a body that could not be read: try again later. */
  | { kind: 'retry'; retryAfterMs?: number; reason: string }
  /** The server refused the request itself (4xx other than 401/429): retrying won't help. */
  | { kind: 'refused'; status: number; reason: string };

async function call<T>(
  fetcher: Fetch,
  url: string,
  init: RequestInit,
  schema: v.GenericSchema<unknown, T>,
  timeoutMs: number,
): Promise<Outcome<T>> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    return await answer(fetcher, url, { ...init, signal: abort.signal }, schema);
  } catch (error) {
    // Network down, the timeout, or the body cut off: the request may or may not have landed.
    return {
      kind: 'retry',
      reason: abort.signal.aborted ? 'timeout' : error instanceof Error ? error.message : 'network',
    };
  } finally {
    clearTimeout(timer);
  }
}

async function answer<T>(
  fetcher: Fetch,
  url: string,
  init: RequestInit,
  schema: v.GenericSchema<unknown, T>,
): Promise<Outcome<T>> {
  const response = await fetcher(url, init);
  if (response.status === 401) return { kind: 'unauthorized' };
  if (response.status === 429 || response.status >= 500) {
    const after = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    return {
      kind: 'retry',
      reason: `HTTP ${response.status}`,
      ...(after === undefined ? {} : { retryAfterMs: after }),
    };
  }
  const body: unknown = await response.json().catch((error: unknown) => {
    if (init.signal?.aborted) throw error;
    return undefined;
  });
  if (!response.ok)
    return { kind: 'refused', status: response.status, reason: `HTTP ${response.status}` };
  const parsed = v.safeParse(schema, body);
  // A proxy's HTML page or a cut-off body: the push may or may not have landed, so retry
  // (replays are answered `duplicate`).
  if (!parsed.success) return { kind: 'retry', reason: 'unreadable response' };
  return { kind: 'ok', body: parsed.output };
}

export function push(
  fetcher: Fetch,
  token: string,
  request: PushRequest,
  timeoutMs = REQUEST_TIMEOUT_MS,
) {
  return call<{ results: PushResult[] }>(
    fetcher,
    '/api/sync/push',
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(request),
    },
    pushResponseSchema,
    timeoutMs,
  );
}

export function pull(
  fetcher: Fetch,
  token: string,
  cursor: string | undefined,
  limit: number,
  timeoutMs = REQUEST_TIMEOUT_MS,
) {
  const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
  return call<PullResponse>(
    fetcher,
    `/api/sync/pull?${query}`,
    { headers: { authorization: `Bearer ${token}` } },
    pullResponseSchema,
    timeoutMs,
  );
}

/** Tells the server these notices are stored on the device (docs/design.md §5): 204. */
export function acknowledgeNotices(
  fetcher: Fetch,
  token: string,
  ids: readonly string[],
  timeoutMs = REQUEST_TIMEOUT_MS,
) {
  return call<unknown>(
    fetcher,
    '/api/sync/notices/ack',
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ids }),
    },
    v.unknown(),
    timeoutMs,
  );
}
