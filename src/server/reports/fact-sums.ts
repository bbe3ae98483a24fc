import type { FactSource, FactSum } from '../../shared/domain';
import { CDCS_25_MIN_WORKERS } from '../../shared/domain';
import type { Sql } from '../store/types';

/**
 * The indicator facts of docs/design.md §3 summed in the database, per unit, source and month:
 * the SQL twin of `sumFacts` (src/shared/domain/report.ts) over `indicatorFacts`
 * (src/shared/domain/indicator-facts.ts). Nothing but these sums leaves the database; the shared
 * functions then add up subtrees and weigh the sources with INDICATOR_TERMS.
 *
 * - `signup_accepted`: an accepted application (amount 1) on its decision date, in the unit of
 *   its enterprise, which must exist (one that is not in the data counts nowhere);
 * - `cdcs_founded`: an enterprise with `foundedAt`, on that date; `cdcs25_founded` as well when
 *   it had at least 25 workers at founding (`workerCountAtFounding`, else `workerCount`);
 * - an entry: its kind and `count`, or `adjustment.<indicator>` and its signed `delta`.
 *
 * `records.fact_date` (migration 005) holds each record's date; deleted records have none.
 */
const FACT_SUMS = `
  WITH RECURSIVE subtree AS (
    SELECT id FROM units WHERE id = $1
    UNION
    SELECT u.id FROM units u JOIN subtree t ON u.parent_id = t.id
  ),
  facts AS (
    SELECT e.unit_id, 'signup_accepted' AS source, s.fact_date, 1::float8 AS amount
    FROM records s
    JOIN records e ON e.entity = 'enterprise' AND e.id = s.enterprise_id AND NOT e.deleted
    WHERE s.entity = 'signup' AND s.fact_date BETWEEN $2 AND $3
    UNION ALL
    SELECT unit_id, 'cdcs_founded', fact_date, 1
    FROM records WHERE entity = 'enterprise' AND fact_date BETWEEN $2 AND $3
    UNION ALL
    SELECT unit_id, 'cdcs25_founded', fact_date, 1
    FROM records WHERE entity = 'enterprise' AND fact_date BETWEEN $2 AND $3
      AND COALESCE(
        (data->>'workerCountAtFounding')::float8, (data->>'workerCount')::float8, 0) >= $4
    UNION ALL
    SELECT unit_id,
      CASE WHEN data->>'kind' = 'adjustment' THEN 'adjustment.' || (data->>'indicator')
        ELSE data->>'kind' END,
      fact_date,
      CASE WHEN data->>'kind' = 'adjustment' THEN (data->>'delta')::float8
        ELSE (data->>'count')::float8 END
    FROM records WHERE entity = 'indicatorEntry' AND fact_date BETWEEN $2 AND $3
  )
  SELECT f.unit_id, f.source, substr(f.fact_date, 1, 7) AS month, sum(f.amount) AS amount
  FROM facts f JOIN subtree t ON t.id = f.unit_id
  GROUP BY f.unit_id, f.source, substr(f.fact_date, 1, 7)`;

type FactSumRow = { unit_id: string; source: string; month: string; amount: number | string };

/**
 * The facts of `unitId`'s subtree dated from `from` to `to` (ISO dates, both included). Run it
 * inside a transaction: the nested-loop join is turned off for the rest of it (SET LOCAL).
 * PGlite has no autovacuum, so it never gathers planner statistics and takes the records table
 * for nearly empty: it would join 100,000 applications to their enterprises one index probe at a
 * time (measured ≈ 0.55 s of a 0.84 s query) where a hash join reads each table once. PostgreSQL,
 * with statistics, chooses the hash join anyway.
 */
export async function factSums(
  tx: Sql,
  unitId: string,
  from: string,
  to: string,
): Promise<FactSum[]> {
  await tx.query('SET LOCAL enable_nestloop = off');
  const result = await tx.query<FactSumRow>(FACT_SUMS, [unitId, from, to, CDCS_25_MIN_WORKERS]);
  return result.rows.map((row) => ({
    unitId: row.unit_id,
    // The CASE above yields only sources of the shared model (kinds and indicators are
    // validated by the shared schemas before a record is stored).
    source: row.source as FactSource,
    month: row.month,
    amount: Number(row.amount),
  }));
}
