import type { Migration } from '../store/migrate';

/**
 * Issue 14's hardening (docs/design.md §5–§6):
 * - `mutations.content_hash`: a mutation id belongs to the user who first sent it AND to its
 *   content; rows from before have none and match any content of their user.
 * - `mutations_created_at`: the purge of rows older than the replay window walks this index.
 * - `login_failures_pair`: throttling counts failures per (username, address) pair too.
 */
export const m003Hardening: Migration = {
  version: 3,
  name: 'hardening',
  sql: `
    ALTER TABLE mutations ADD COLUMN content_hash text;
    CREATE INDEX mutations_created_at ON mutations (created_at);
    CREATE INDEX login_failures_pair ON login_failures (username, address, failed_at);
  `,
};
