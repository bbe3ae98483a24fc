import { randomUUID } from 'node:crypto';
import type { CreateUnitRequest } from '../../shared/protocol';
import type { Unit, UnitKind } from '../../shared/schemas';
import type { Sql } from '../store/types';

export type UnitRow = {
  id: string;
  name: string;
  kind: UnitKind;
  parent_id: string | null;
  version: number;
  updated_at: Date | string;
  updated_by: string | null;
};

export const UNIT_COLUMNS = 'id, name, kind, parent_id, version, updated_at, updated_by';

export function isoTime(value: Date | string): string {
  return new Date(value).toISOString();
}

/** The wire shape of a unit (docs/design.md §3) with its server-set fields. */
export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    ...(row.parent_id ? { parentId: row.parent_id } : {}),
    version: Number(row.version),
    updatedAt: isoTime(row.updated_at),
    ...(row.updated_by ? { updatedBy: row.updated_by } : {}),
  };
}

/**
 * Inserts a unit with the next change seq; undefined when the id is taken. The caller holds the
 * write lock (sync/write-lock.ts) and has checked that the parent exists.
 */
export async function insertUnit(
  tx: Sql,
  input: CreateUnitRequest,
  updatedBy: string | undefined,
): Promise<Unit | undefined> {
  const result = await tx.query<UnitRow>(
    `INSERT INTO units (id, name, kind, parent_id, updated_by, seq)
     VALUES ($1, $2, $3, $4, $5, nextval('change_seq'))
     ON CONFLICT (id) DO NOTHING
     RETURNING ${UNIT_COLUMNS}`,
    [input.id ?? randomUUID(), input.name, input.kind, input.parentId ?? null, updatedBy ?? null],
  );
  const row = result.rows[0];
  return row ? toUnit(row) : undefined;
}

export async function findUnit(sql: Sql, id: string): Promise<Unit | undefined> {
  const result = await sql.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units WHERE id = $1`, [id]);
  const row = result.rows[0];
  return row ? toUnit(row) : undefined;
}

/** The unit and every unit below it. */
export async function subtreeIds(sql: Sql, unitId: string): Promise<string[]> {
  const result = await sql.query<{ id: string }>(
    `WITH RECURSIVE tree AS (
       SELECT id FROM units WHERE id = $1
       UNION
       SELECT u.id FROM units u JOIN tree ON u.parent_id = tree.id
     ) SELECT id FROM tree`,
    [unitId],
  );
  return result.rows.map((row) => row.id);
}

/** The unit's parent, its parent's parent, … up to the root (the unit itself excluded). */
export async function ancestorIds(sql: Sql, unitId: string): Promise<string[]> {
  const result = await sql.query<{ id: string }>(
    `WITH RECURSIVE up AS (
       SELECT parent_id AS id FROM units WHERE id = $1 AND parent_id IS NOT NULL
       UNION
       SELECT u.parent_id FROM units u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL
     ) SELECT id FROM up`,
    [unitId],
  );
  return result.rows.map((row) => row.id);
}

/** The oldest unit without a parent: where the bootstrap admin belongs. */
export async function firstRootUnit(sql: Sql): Promise<Unit | undefined> {
  const result = await sql.query<UnitRow>(
    `SELECT ${UNIT_COLUMNS} FROM units WHERE parent_id IS NULL ORDER BY seq LIMIT 1`,
  );
  const row = result.rows[0];
  return row ? toUnit(row) : undefined;
}
