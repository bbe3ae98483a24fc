import { readIndicatorEntry } from '../../shared/domain/entry-migration';
import type { Migration } from '../store/migrate';
import type { Sql } from '../store/types';

/**
 * Issue 12 (docs/design.md §3):
 *
 * - Indicator entries of the first model (`{indicator, delta}`) take the kinds of §3, by the
 *   shared `migrateIndicatorEntry` that the device's upgrade and a backup import use too: a kind
 *   where one describes the entry, else kind `adjustment` with the old indicator and signed delta.
 *   Nothing is lost: every other field is kept, an entry neither shape reads is left as it was,
 *   and every entry still moves its old indicator by its delta. The version stays: a device that
 *   holds the old copy migrates it with the same function, to the same record.
 * - `records_member_id_numbers`: the accepted applications by their ID number as `idNumberKey`
 *   compares it (letters and digits, upper-case), for the push's one-member-per-ID-number rule.
 */

type Row = { id: string; data: Record<string, unknown> };

async function migrateEntries(tx: Sql): Promise<void> {
  const legacy = await tx.query<Row>(
    `SELECT id, data FROM records
     WHERE entity = 'indicatorEntry' AND data IS NOT NULL AND NOT (data ? 'kind')`,
  );
  for (const row of legacy.rows) {
    const entry = readIndicatorEntry(row.data);
    if (entry === undefined) continue;
    const { indicator: _indicator, delta: _delta, ...kept } = row.data;
    await tx.query(
      `UPDATE records SET data = $2::jsonb WHERE entity = 'indicatorEntry' AND id = $1`,
      [row.id, JSON.stringify({ ...kept, ...entry })],
    );
  }
}

export const m007EntryKinds: Migration = {
  version: 7,
  name: 'entry-kinds',
  sql: `
    CREATE INDEX records_member_id_numbers
      ON records ((upper(regexp_replace(data->>'idNumber', '[^0-9A-Za-z]', '', 'g'))))
      WHERE entity = 'signup' AND NOT deleted AND data->>'status' = 'accepted';
  `,
  run: migrateEntries,
};
