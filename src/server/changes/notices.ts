import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { sameValue } from '../../shared/domain/same-value';
import { MAX_NOTICES_PER_PULL, type Notice, type ReplacedValue } from '../../shared/protocol';
import { type SyncEntity, uuidSchema } from '../../shared/schemas';
import type { Sql } from '../store/types';

/**
 * Notices of replaced values (docs/design.md §6). A merged put lists the server's values it
 * overwrote; the server believes none of it: an entry counts only when its value is the one the
 * record held at the put's base version and the put really changes it, and the notice goes to
 * whoever wrote that version (from the server's own record), never to the one replacing it.
 */

/** A field a put really replaced: the value it held and the one written over it. */
export type Replacement = { field: string; value: unknown; replacement: unknown };

/** The entries of `replaced` that hold against the record before and after the put. Pure. */
export function replacementsOf(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>>,
  replaced: readonly ReplacedValue[],
): Replacement[] {
  const found = new Map<string, Replacement>();
  for (const { field, value } of replaced) {
    const held = before?.[field];
    if (found.has(field) || !sameValue(held, value) || sameValue(after[field], held)) continue;
    found.set(field, { field, value: held, replacement: after[field] });
  }
  return [...found.values()];
}

export type NoticeWrite = {
  entity: SyncEntity;
  entityId: string;
  /** Who wrote the version that was replaced: the one told. */
  author: unknown;
  version: number;
  replacedBy: string;
  replacedAt: string;
  replacements: readonly Replacement[];
};

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * Stores one notice per replaced field for the author of the replaced version, unless that is
 * the one replacing it or no user (a record the server wrote itself). In the put's savepoint.
 */
export async function recordNotices(tx: Sql, write: NoticeWrite): Promise<void> {
  const { author } = write;
  if (!v.is(uuidSchema, author) || author === write.replacedBy) return;
  for (const { field, value, replacement } of write.replacements) {
    // INSERT … SELECT: an author who is no user (imported data) is told nothing, and the put
    // is not failed for it.
    await tx.query(
      `INSERT INTO notices
         (id, user_id, entity, entity_id, field, value, replacement, version, replaced_by,
          replaced_at)
       SELECT $1, id, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10 FROM users WHERE id = $2`,
      [
        randomUUID(),
        author,
        write.entity,
        write.entityId,
        field,
        json(value),
        json(replacement),
        write.version,
        write.replacedBy,
        write.replacedAt,
      ],
    );
  }
}

type NoticeRow = {
  id: string;
  entity: SyncEntity;
  entity_id: string;
  field: string;
  value: unknown;
  replacement: unknown;
  version: number | string;
  replaced_by: string;
  display_name: string;
  replaced_at: Date | string;
};

/** The user's notices not yet acknowledged, oldest first: only theirs. */
export async function pendingNotices(tx: Sql, userId: string): Promise<Notice[]> {
  const result = await tx.query<NoticeRow>(
    `SELECT n.id, n.entity, n.entity_id, n.field, n.value, n.replacement, n.version,
            n.replaced_by, u.display_name, n.replaced_at
     FROM notices n JOIN users u ON u.id = n.replaced_by
     WHERE n.user_id = $1 ORDER BY n.replaced_at, n.id LIMIT $2`,
    [userId, MAX_NOTICES_PER_PULL],
  );
  return result.rows.map((row) => ({
    id: row.id,
    entity: row.entity,
    entityId: row.entity_id,
    field: row.field,
    ...(row.value === null ? {} : { value: row.value }),
    ...(row.replacement === null ? {} : { replacement: row.replacement }),
    version: Number(row.version),
    replacedBy: row.replaced_by,
    replacedByName: row.display_name,
    replacedAt: new Date(row.replaced_at).toISOString(),
  }));
}

/** Deletes the user's notices among `ids`; another user's ids are left alone. */
export async function acknowledgeNotices(
  tx: Sql,
  userId: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await tx.query('DELETE FROM notices WHERE user_id = $1 AND id = ANY($2::uuid[])', [
    userId,
    [...ids],
  ]);
}

/** The display name of a user, for a conflict's answer; undefined for no known user. */
export async function displayNameOf(tx: Sql, userId: unknown): Promise<string | undefined> {
  if (!v.is(uuidSchema, userId)) return undefined;
  const result = await tx.query<{ display_name: string }>(
    'SELECT display_name FROM users WHERE id = $1',
    [userId],
  );
  return result.rows[0]?.display_name;
}
