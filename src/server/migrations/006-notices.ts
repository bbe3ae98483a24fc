import type { Migration } from '../store/migrate';

/**
 * Notices of replaced values (docs/design.md §6): when a merged put overwrites a field that
 * another user changed, that user is told at their next pull until their device acknowledges
 * it. `value` is the user's value that was replaced and `replacement` the one now in the record
 * (SQL NULL when the field was empty); `version` is the record's version the replacement made.
 * Acknowledged notices are deleted: they may quote personal fields.
 */
export const m006Notices: Migration = {
  version: 6,
  name: 'notices',
  sql: `
    CREATE TABLE notices (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id),
      entity text NOT NULL,
      entity_id uuid NOT NULL,
      field text NOT NULL,
      value jsonb,
      replacement jsonb,
      version integer NOT NULL,
      replaced_by uuid NOT NULL REFERENCES users (id),
      replaced_at timestamptz NOT NULL
    );
    CREATE INDEX notices_user ON notices (user_id, replaced_at);
  `,
};
