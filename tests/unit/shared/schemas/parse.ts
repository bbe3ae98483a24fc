import * as v from 'valibot';

/** Dot paths of the issues a schema reports for `input`, sorted; `[]` when it parses. */
export function issuePaths(schema: v.GenericSchema, input: unknown): string[] {
  const result = v.safeParse(schema, input);
  if (result.success) return [];
  return result.issues.map((issue) => v.getDotPath(issue) ?? '').sort();
}

/** Copy of `record` without `key`: for "required field missing" rows. */
export function without<T extends object>(record: T, key: keyof T): Partial<T> {
  const copy: Partial<T> = { ...record };
  delete copy[key];
  return copy;
}
