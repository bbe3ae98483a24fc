import type { Sql, Statement } from './types';

/**
 * Builds a statement with its parameters numbered from `first`; undefined when there is nothing
 * to send.
 */
export type StatementBuilder = (first: number) => Statement | undefined;

/**
 * Data-modifying statements sent as one: each but the last becomes a WITH query of the last,
 * which PostgreSQL runs once and to completion whether or not anything reads it, in one round
 * trip instead of one each. Each is built with its parameters numbered after the ones before it.
 * They run on one snapshot: none sees the rows another writes, so they must not depend on each
 * other.
 */
export async function sendTogether(sql: Sql, builders: readonly StatementBuilder[]): Promise<void> {
  const statements: Statement[] = [];
  let first = 1;
  for (const build of builders) {
    const statement = build(first);
    if (statement === undefined) continue;
    statements.push(statement);
    first += statement.params.length;
  }
  const last = statements.at(-1);
  if (last === undefined) return;
  const before = statements.slice(0, -1).map((statement, i) => `s${i} AS (${statement.text})`);
  const text = before.length === 0 ? last.text : `WITH ${before.join(', ')} ${last.text}`;
  await sql.query(
    text,
    statements.flatMap((statement) => statement.params),
  );
}
