import type { Issue } from '../shared/vn/issue';

/** A record failed the checks of src/shared; nothing was written. `issues` are ready to show. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly issues: Issue[];

  constructor(entity: string, issues: Issue[]) {
    super(`${entity} is invalid: ${issues.map((issue) => issue.code).join(', ')}`);
    this.issues = issues;
  }
}

/**
 * The device refused to store more (`quota`), or the browser closed the database under us
 * (`closed`, e.g. storage evicted). The write's transaction was aborted whole, so everything saved
 * before is intact; the UI shows a clear message instead of losing input silently.
 */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  readonly reason: 'quota' | 'closed';

  constructor(reason: 'quota' | 'closed', cause: unknown) {
    super(`storage unavailable (${reason})`, { cause });
    this.reason = reason;
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
// Dexie wraps the DOM error (`inner`) and an aborted transaction wraps the failed request's.
const MAX_WRAPPING = 4;

function storageFailure(error: unknown, depth = 0): StorageFullError['reason'] | undefined {
  if (typeof error !== 'object' || error === null || depth > MAX_WRAPPING) return undefined;
  const { name, inner, cause } = error as { name?: unknown; inner?: unknown; cause?: unknown };
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return 'quota';
  if (name === 'DatabaseClosedError') return 'closed';
  return storageFailure(inner, depth + 1) ?? storageFailure(cause, depth + 1);
}

/** Runs a write, turning storage failures into StorageFullError; other errors pass unchanged. */
export async function guardStorage<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const reason = storageFailure(error);
    if (reason !== undefined) throw new StorageFullError(reason, error);
    throw error;
  }
}
