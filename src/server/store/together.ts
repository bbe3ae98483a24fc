import type { Sql, Statement } from './types';

/**
 * Data-modifying statements sent as one: each but the last becomes a WITH query of the last,
 * which PostgreSQL runs once and to completion whether or not anything reads it, in one round
 * trip instead of one each. Their parameters must be numbered one after the other (Statement).
 * They run on one snapshot: none sees the rows another writes, so they must not depend on each
 * other.
 */
export async function sendTogether(sql: Sql, statements: readonly Statement[]): Promise<void> {
  const last = statements.at(-1);
  if (last === undefined) return;
  const before = statements.slice(0, -1).map((statement, i) => `s${i} AS (${statement.text})`);
  const text = before.length === 0 ? last.text : `WITH ${before.join(', ')} ${last.text}`;
  await sql.query(
    text,
    statements.flatMap((statement) => statement.params),
  );
}
