import { SERVER_SET_FIELDS } from '../schemas';

/**
 * Three-way, field-by-field merge of a record edited on the device while the server's copy also
 * changed (docs/design.md §6): a field changed on one side only takes that side's value; a field
 * changed on both sides to different values keeps the device's value (the organizer's latest
 * intent) and is reported, with the server's value it replaces, so that both users are told
 * instead of it being silently overwritten.
 */
export type MergeResult<T> = {
  merged: T;
  /** The fields changed on both sides to different values, sorted. */
  conflicts: string[];
  /** The server's value of each of those fields (absent: it had none), in the same order. */
  replaced: { field: string; value?: unknown }[];
};

type Fields = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// Set by the server on every write; they say nothing about what the user changed.
const SERVER_FIELDS: ReadonlySet<string> = new Set(SERVER_SET_FIELDS);

export function mergeRecords<T extends object>(
  base: T | undefined,
  local: T,
  remote: T,
): MergeResult<T> {
  const b = (base ?? {}) as Fields;
  const l = local as Fields;
  const r = remote as Fields;
  const merged: Fields = { ...r };
  const conflicts: string[] = [];
  for (const key of new Set([...Object.keys(l), ...Object.keys(r), ...Object.keys(b)])) {
    if (SERVER_FIELDS.has(key)) continue;
    const changedHere = !same(l[key], b[key]);
    const changedThere = !same(r[key], b[key]);
    if (!changedHere) continue;
    if (changedThere && !same(l[key], r[key])) conflicts.push(key);
    if (l[key] === undefined) delete merged[key];
    else merged[key] = l[key];
  }
  conflicts.sort();
  const replaced = conflicts.map((field) =>
    r[field] === undefined ? { field } : { field, value: r[field] },
  );
  return { merged: merged as T, conflicts, replaced };
}
