import type {
  AccessEntity,
  AccessLogEntry,
  AccessLogQuery,
  AccessPurpose,
} from '../../shared/protocol';
import type { User } from '../../shared/schemas';
import type { Sql } from '../store/types';

/**
 * The access log (docs/design.md §5, table `access_log` of migration 008): one row each time
 * personal fields leave the server for someone — a pull page that carried them, an export, a
 * report — with who, when, why and how many records. Never which records, never what they hold.
 * Written in the same transaction as the read it records, so a log row and what was sent agree.
 */

export type AccessEvent = {
  user: Pick<User, 'id' | 'unitId'>;
  purpose: AccessPurpose;
  entity: string;
  count: number;
};

export async function logAccess(sql: Sql, event: AccessEvent): Promise<void> {
  if (event.count <= 0) return;
  await sql.query(
    `INSERT INTO access_log (user_id, unit_id, purpose, entity, record_count)
     VALUES ($1, $2, $3, $4, $5)`,
    [event.user.id, event.user.unitId, event.purpose, event.entity, event.count],
  );
}

type Row = {
  at: Date | string;
  user_id: string;
  username: string;
  unit_id: string;
  purpose: AccessPurpose;
  entity: AccessEntity;
  record_count: number;
  unit_name: string;
};

/** Vietnam has no daylight saving: its calendar day starts at 00:00+07:00. */
const dayStart = (date: string) => `${date}T00:00:00+07:00`;

/** The entries of `unitIds` matching the filters of `query`, newest first. */
export async function readAccessLog(
  sql: Sql,
  unitIds: readonly string[],
  query: AccessLogQuery,
): Promise<AccessLogEntry[]> {
  const where = ['a.unit_id = ANY($1::uuid[])'];
  const params: unknown[] = [unitIds];
  const add = (condition: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (query.userId) add((n) => `a.user_id = ${n}`, query.userId);
  if (query.purpose) add((n) => `a.purpose = ${n}`, query.purpose);
  if (query.entity) add((n) => `a.entity = ${n}`, query.entity);
  if (query.from) add((n) => `a.at >= ${n}::timestamptz`, dayStart(query.from));
  if (query.to) {
    add((n) => `a.at < ${n}::timestamptz + interval '1 day'`, dayStart(query.to));
  }
  params.push(query.limit);
  const result = await sql.query<Row>(
    `SELECT a.at, a.user_id, u.username, a.unit_id, n.name AS unit_name, a.purpose, a.entity,
            a.record_count
     FROM access_log a JOIN users u ON u.id = a.user_id JOIN units n ON n.id = a.unit_id
     WHERE ${where.join(' AND ')}
     ORDER BY a.at DESC, a.id DESC LIMIT $${params.length}`,
    params,
  );
  return result.rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    userId: row.user_id,
    username: row.username,
    unitId: row.unit_id,
    unitName: row.unit_name,
    purpose: row.purpose,
    entity: row.entity,
    count: Number(row.record_count),
  }));
}
