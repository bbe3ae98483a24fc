import type { Migration } from '../store/migrate';

/**
 * Privacy on the server (docs/design.md §5 "Sign-out", "Need to know", "Access log").
 *
 * `revocation_attempts`: `POST /api/auth/revoke` is answered without a session, so it is
 * throttled per client address, counted here so that every server sees the same counts.
 *
 * `scope_exits`: a record that left a unit (its enterprise moved to another unit), with the
 * version it left at and a change seq taken like any record's, so that the devices of the unit it
 * left pull it as deleted. One row per record and unit left: a record that leaves the same unit
 * again moves its row forward.
 *
 * `access_log`: every time personal fields of applications leave the server (sent to a device,
 * exported or reported): who, when, why and how many records, never which ones or what they
 * hold. `unit_id` is the user's unit at that time, for the admins of its subtree.
 */
export const m008Privacy: Migration = {
  version: 8,
  name: 'privacy',
  sql: `
    CREATE TABLE revocation_attempts (
      id bigserial PRIMARY KEY,
      address text NOT NULL,
      attempted_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX revocation_attempts_address ON revocation_attempts (address, attempted_at);
    CREATE INDEX revocation_attempts_at ON revocation_attempts (attempted_at);

    CREATE TABLE scope_exits (
      entity text NOT NULL,
      id uuid NOT NULL,
      unit_id uuid NOT NULL REFERENCES units (id),
      version integer NOT NULL,
      seq bigint NOT NULL,
      PRIMARY KEY (entity, id, unit_id)
    );
    CREATE INDEX scope_exits_unit_seq ON scope_exits (unit_id, seq);

    CREATE TABLE access_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      user_id uuid NOT NULL REFERENCES users (id),
      unit_id uuid NOT NULL REFERENCES units (id),
      purpose text NOT NULL CHECK (purpose IN ('pull', 'export', 'report')),
      entity text NOT NULL CHECK (entity IN ('signup', 'visit')),
      record_count integer NOT NULL CHECK (record_count > 0)
    );
    CREATE INDEX access_log_unit_at ON access_log (unit_id, at);
    CREATE INDEX access_log_at ON access_log (at);
  `,
};
