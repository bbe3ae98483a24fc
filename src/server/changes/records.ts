import type { Sql, Statement } from '../store/types';

/** Entities stored in the records table (units have a table of their own). */
export type RecordEntity = 'enterprise' | 'visit' | 'signup' | 'target' | 'indicatorEntry';

export type StoredRecord = {
  entity: RecordEntity;
  id: string;
  unitId: string;
  enterpriseId: string | undefined;
  data: Record<string, unknown> | null;
  version: number;
  deleted: boolean;
};

type RecordRow = {
  entity: RecordEntity;
  id: string;
  unit_id: string;
  enterprise_id: string | null;
  data: Record<string, unknown> | null;
  version: number;
  deleted: boolean;
};

export type RecordKey = { entity: RecordEntity; id: string };

/** A record's key in a map: uuid columns come back lower-case, and a key may be sent in either. */
export const recordKeyOf = (key: RecordKey) => `${key.entity}/${key.id.toLowerCase()}`;

function storedOf(row: RecordRow): StoredRecord {
  return {
    entity: row.entity,
    id: row.id,
    unitId: row.unit_id,
    enterpriseId: row.enterprise_id ?? undefined,
    data: row.data,
    version: Number(row.version),
    deleted: row.deleted,
  };
}

/**
 * Several records in one statement (a push reads a mutation's record and its enterprise
 * together: one round trip less per mutation), answered in the order of `keys`, undefined where
 * none is stored.
 */
export async function findRecords(
  sql: Sql,
  keys: readonly RecordKey[],
): Promise<(StoredRecord | undefined)[]> {
  if (keys.length === 0) return [];
  // (entity, id) IN ((..), (..)) is planned as one index probe per pair on the primary key.
  const pairs = keys.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ');
  const result = await sql.query<RecordRow>(
    `SELECT entity, id, unit_id, enterprise_id, data, version, deleted
     FROM records WHERE (entity, id) IN (${pairs})`,
    keys.flatMap((key) => [key.entity, key.id]),
  );
  const found = new Map(result.rows.map((row) => [recordKeyOf(row), storedOf(row)]));
  return keys.map((key) => found.get(recordKeyOf(key)));
}

export async function findRecord(
  sql: Sql,
  entity: RecordEntity,
  id: string,
): Promise<StoredRecord | undefined> {
  const [record] = await findRecords(sql, [{ entity, id }]);
  return record;
}

export type RecordWrite = Omit<StoredRecord, 'deleted'> & {
  deleted?: boolean;
  updatedAt: string;
  updatedBy: string | undefined;
};

/** Inserts or replaces a record with the next change seq. The caller holds the write lock. */
export function writeRecord(sql: Sql, record: RecordWrite): Promise<void> {
  return writeRecords(sql, [record]);
}

const RECORD_COLUMNS = 9;

/**
 * Inserts or replaces several records in one statement, each with the next change seq in the
 * order given (a VALUES list yields its rows in order), its parameters numbered from `first`;
 * undefined for no record. No two may name the same record: one statement cannot update a row
 * twice. The caller holds the write lock.
 */
export function recordsUpsert(records: readonly RecordWrite[], first = 1): Statement | undefined {
  if (records.length === 0) return undefined;
  const rows = records.map((_, i) => {
    const at = (n: number) => `$${first + i * RECORD_COLUMNS + n - 1}`;
    return `(${at(1)}, ${at(2)}, ${at(3)}, ${at(4)}, ${at(5)}::jsonb, ${at(6)}, ${at(7)},
      nextval('change_seq'), ${at(8)}, ${at(9)})`;
  });
  return {
    text: `INSERT INTO records
       (entity, id, unit_id, enterprise_id, data, version, deleted, seq, updated_at, updated_by)
     VALUES ${rows.join(', ')}
     ON CONFLICT (entity, id) DO UPDATE SET
       unit_id = EXCLUDED.unit_id, enterprise_id = EXCLUDED.enterprise_id, data = EXCLUDED.data,
       version = EXCLUDED.version, deleted = EXCLUDED.deleted, seq = EXCLUDED.seq,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    params: records.flatMap((record) => [
      record.entity,
      record.id,
      record.unitId,
      record.enterpriseId ?? null,
      record.data === null ? null : JSON.stringify(record.data),
      record.version,
      record.deleted ?? false,
      record.updatedAt,
      record.updatedBy ?? null,
    ]),
  };
}

/** recordsUpsert, sent at once. */
export async function writeRecords(sql: Sql, records: readonly RecordWrite[]): Promise<void> {
  const upsert = recordsUpsert(records);
  if (upsert) await sql.query(upsert.text, upsert.params);
}

/**
 * A visit's or signup's unit is its enterprise's. When an enterprise moves to another unit, its
 * visits and signups follow, each with a new seq so that the new unit's devices pull them, and a
 * new version, recorded as leaving its old unit (recordScopeExit), so that the old unit's devices
 * pull it as deleted: a device ignores a copy at a version it already holds.
 */
export async function moveEnterpriseChildren(
  sql: Sql,
  enterpriseId: string,
  unitId: string,
): Promise<void> {
  await sql.query(
    `WITH leaving AS (
       SELECT entity, id, unit_id FROM records
       WHERE enterprise_id = $1 AND entity IN ('visit', 'signup') AND unit_id <> $2
       FOR UPDATE
     ), moved AS (
       UPDATE records r SET unit_id = $2, seq = nextval('change_seq'), version = r.version + 1,
         data = CASE WHEN r.data IS NULL THEN NULL
                     ELSE jsonb_set(r.data, '{version}', to_jsonb(r.version + 1)) END
       FROM leaving WHERE r.entity = leaving.entity AND r.id = leaving.id
       RETURNING r.entity, r.id, r.version, leaving.unit_id AS left_unit
     )
     INSERT INTO scope_exits (entity, id, unit_id, version, seq)
     SELECT entity, id, left_unit, version, nextval('change_seq') FROM moved
     ON CONFLICT (entity, id, unit_id) DO UPDATE SET version = EXCLUDED.version, seq = EXCLUDED.seq`,
    [enterpriseId, unitId],
  );
}

/**
 * `record` (at `version`) left `unitId`: the devices of that unit pull it as deleted
 * (docs/design.md §5 "Need to know"). The caller holds the write lock, and has written the
 * record first, so the exit's seq comes after the record's.
 */
export async function recordScopeExit(
  sql: Sql,
  record: { entity: RecordEntity; id: string; version: number },
  unitId: string,
): Promise<void> {
  await sql.query(
    `INSERT INTO scope_exits (entity, id, unit_id, version, seq)
     VALUES ($1, $2, $3, $4, nextval('change_seq'))
     ON CONFLICT (entity, id, unit_id) DO UPDATE SET version = EXCLUDED.version, seq = EXCLUDED.seq`,
    [record.entity, record.id, unitId, record.version],
  );
}

/** Applications at an enterprise that count towards founding (submitted or accepted). */
export async function countApplications(sql: Sql, enterpriseId: string): Promise<number> {
  const result = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM records
     WHERE entity = 'signup' AND enterprise_id = $1 AND NOT deleted
       AND data->>'status' IN ('submitted', 'accepted')`,
    [enterpriseId],
  );
  return Number(result.rows[0]?.n ?? 0);
}
