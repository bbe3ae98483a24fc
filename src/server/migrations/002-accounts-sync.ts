import type { Migration } from '../store/migrate';

/**
 * Accounts, sessions, login throttling, synced records and the idempotency log (docs/design.md §5–§6).
 *
 * Every change to something a device pulls (records and units) takes the next value of ONE
 * sequence, `change_seq`, so that a pull cursor is a single number. Writers take an advisory lock
 * before `nextval` (see sync/write-lock.ts) so that seq order is commit order.
 */
export const m002AccountsSync: Migration = {
  version: 2,
  name: 'accounts-sync',
  sql: `
    CREATE SEQUENCE change_seq AS bigint;

    CREATE TABLE units (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL
        CHECK (kind IN ('federation', 'upper', 'commune', 'sector', 'cdcs', 'ndcs')),
      parent_id uuid REFERENCES units (id),
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid,
      seq bigint NOT NULL
    );
    CREATE INDEX units_parent ON units (parent_id);
    CREATE INDEX units_seq ON units (seq);

    CREATE TABLE users (
      id uuid PRIMARY KEY,
      username text NOT NULL,
      display_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('organizer', 'supervisor', 'admin')),
      unit_id uuid NOT NULL REFERENCES units (id),
      active boolean NOT NULL DEFAULT true,
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX users_username ON users (lower(username));

    -- Only the SHA-256 of a token is stored: a leaked table does not log anyone in.
    CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sessions_user ON sessions (user_id);

    -- One row per failed (or in-flight) login; counted per username and per client address.
    CREATE TABLE login_failures (
      id bigserial PRIMARY KEY,
      username text NOT NULL,
      address text NOT NULL,
      failed_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX login_failures_username ON login_failures (username, failed_at);
    CREATE INDEX login_failures_address ON login_failures (address, failed_at);
    CREATE INDEX login_failures_failed_at ON login_failures (failed_at);

    -- Enterprises, visits, signups, targets and indicator entries. unit_id is the unit whose
    -- people may see the record (a visit's or signup's is its enterprise's); data is NULL once
    -- deleted so that a deleted application keeps no personal data.
    CREATE TABLE records (
      entity text NOT NULL
        CHECK (entity IN ('enterprise', 'visit', 'signup', 'target', 'indicatorEntry')),
      id uuid NOT NULL,
      unit_id uuid NOT NULL REFERENCES units (id),
      enterprise_id uuid,
      data jsonb,
      version integer NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      seq bigint NOT NULL,
      updated_at timestamptz NOT NULL,
      updated_by uuid,
      PRIMARY KEY (entity, id)
    );
    CREATE INDEX records_unit_seq ON records (unit_id, seq);
    CREATE INDEX records_seq ON records (seq);
    CREATE INDEX records_enterprise ON records (enterprise_id) WHERE enterprise_id IS NOT NULL;

    -- The primary key is the idempotency constraint: a mutation id is claimed in the same
    -- transaction as its effect, so a replay or a racing twin finds it and has no second effect.
    CREATE TABLE mutations (
      mutation_id uuid PRIMARY KEY,
      client_id uuid NOT NULL,
      user_id uuid NOT NULL,
      result jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    -- Signs pull cursors. Made here, once, so that every server on this database shares it;
    -- gen_random_uuid() draws on PostgreSQL's strong random source (244 random bits for two).
    INSERT INTO app_meta (key, value) VALUES (
      'cursor_secret',
      to_jsonb(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))
    );
  `,
};
