import type { Migration } from '../store/migrate';

/**
 * The server's sealing keys (docs/design.md §5, src/server/keys): devices seal what they push for
 * the current key; every key not retired still opens what was sealed for it, so a rotation never
 * strands a record queued on a phone. The private JWK holds the public coordinates too, and the
 * key id is the RFC 7638 thumbprint of the public key. Unused when SEAL_KEY_FILE names a file.
 */
export const m004SealKeys: Migration = {
  version: 4,
  name: 'seal-keys',
  sql: `
    CREATE TABLE seal_keys (
      kid text PRIMARY KEY,
      private_jwk jsonb NOT NULL,
      is_current boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      retired_at timestamptz,
      CHECK (NOT (is_current AND retired_at IS NOT NULL))
    );
    -- At most one current key, whatever the number of servers rotating at once.
    CREATE UNIQUE INDEX seal_keys_one_current ON seal_keys (is_current) WHERE is_current;
  `,
};
