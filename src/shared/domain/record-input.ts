/** Reading untyped input (JSON bodies, form state) without trusting its shape. */

export type UnknownRecord = Record<string, unknown>;

export function asRecord(input: unknown): UnknownRecord {
  return typeof input === 'object' && input !== null && !Array.isArray(input)
    ? (input as UnknownRecord)
    : {};
}

export function isRecord(input: unknown): input is UnknownRecord {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/** A string with something in it, else undefined. */
export function filledString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function optionalBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return (values as readonly unknown[]).includes(value) ? (value as T) : undefined;
}
