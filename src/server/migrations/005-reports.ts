import type { Migration } from '../store/migrate';

/**
 * The monthly report and the closing of months (docs/design.md §3, §5).
 *
 * `records.fact_date`: the date a record counts on in the indicators, as src/shared/domain/
 * indicator-facts.ts defines it — an accepted application's decision date, an enterprise's
 * `foundedAt`, an entry's `date`; NULL for anything that counts nowhere (visits, targets, other
 * applications, deleted records, whose data is NULL). Stored, so that summing 100,000 accepted
 * applications reads a plain text column instead of parsing every record's JSON. Dates compare
 * as text (`YYYY-MM-DD`); the server only stores dates that passed the shared schemas.
 *
 * `records_facts`: the facts of a period. `records_live_enterprises`: an application counts in
 * its enterprise's unit while the enterprise exists (the report joins the two).
 *
 * `report_closures`: a month closed by a unit once its report was sent (chốt số liệu), with the
 * report as sent and the figures of each month it covers (src/shared/domain/
 * report-corrections.ts). Reopening keeps the row (who reopened, when); at most one closure of a
 * unit and month is in force.
 */
export const m005Reports: Migration = {
  version: 5,
  name: 'reports',
  sql: `
    ALTER TABLE records ADD COLUMN fact_date text GENERATED ALWAYS AS (
      CASE entity
        WHEN 'signup' THEN CASE WHEN data->>'status' = 'accepted'
          THEN data->'decision'->>'date' END
        WHEN 'enterprise' THEN data->>'foundedAt'
        WHEN 'indicatorEntry' THEN data->>'date'
      END) STORED;
    CREATE INDEX records_facts ON records (entity, fact_date) INCLUDE (unit_id, enterprise_id)
      WHERE fact_date IS NOT NULL;
    CREATE INDEX records_live_enterprises ON records (id) INCLUDE (unit_id)
      WHERE entity = 'enterprise' AND NOT deleted;

    CREATE TABLE report_closures (
      id bigserial PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES units (id),
      year integer NOT NULL,
      month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
      report jsonb NOT NULL,
      figures jsonb NOT NULL,
      closed_at timestamptz NOT NULL DEFAULT now(),
      closed_by uuid NOT NULL REFERENCES users (id),
      reopened_at timestamptz,
      reopened_by uuid REFERENCES users (id),
      CHECK ((reopened_at IS NULL) = (reopened_by IS NULL))
    );
    CREATE UNIQUE INDEX report_closures_in_force ON report_closures (unit_id, year, month)
      WHERE reopened_at IS NULL;
  `,
};
