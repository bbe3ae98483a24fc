import type { Migration } from '../store/migrate';

export const m001Meta: Migration = {
  version: 1,
  name: 'meta',
  sql: `
    CREATE TABLE app_meta (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO app_meta (key, value) VALUES ('instance_id', to_jsonb(gen_random_uuid()::text));
  `,
};
