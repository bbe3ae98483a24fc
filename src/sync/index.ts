/** Outbox drain (push), pull, backoff and conflict handling; runs in the page and the worker. */
export { BASE_DELAY_MS, MAX_DELAY_MS, parseRetryAfter, retryDelay } from './backoff';
export { type DrainDeps, type DrainResult, drain, PULL_PAGE, PUSH_BATCH } from './drain';
export {
  DRAIN_MESSAGE,
  DRAIN_TAG,
  readWorkerMessage,
  WORKER_MESSAGE_TYPES,
  type WorkerMessage,
} from './messages';
export { type Fetch, type Outcome, pull, push } from './transport';
