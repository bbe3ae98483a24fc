import type { Context } from 'hono';
import * as v from 'valibot';
import { fromValibot } from '../../shared/domain';
import { apiError } from './errors';

/** Default ceiling for small JSON bodies (login, admin forms). */
export const SMALL_BODY_BYTES = 64 * 1024;

function tooLarge() {
  return apiError(413, 'payload_too_large');
}

/**
 * Reads at most `maxBytes` of the request body: a declared Content-Length above it is refused
 * before anything is read, and a body that turns out longer (chunked, or lying about its length)
 * is cut off as soon as it passes the limit, so a client cannot make the server buffer more.
 */
export async function readBodyBytes(c: Context, maxBytes: number): Promise<Uint8Array> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge();
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * True when any string (or key) in `value` holds U+0000, which PostgreSQL cannot store in text or
 * jsonb: such input must be refused as bad input, not fail as a database error. Iterative, so a
 * deeply nested body cannot overflow the stack.
 */
export function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return true;
    } else if (Array.isArray(item)) {
      // A loop, not push(...item): spreading a million-element array overflows the call stack.
      for (const child of item) pending.push(child);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        if (key.includes('\u0000')) return true;
        pending.push(child);
      }
    }
  }
  return false;
}

/** The body as JSON: 413 beyond `maxBytes`, 400 when it is not JSON or holds a NUL character. */
export async function readJson(
  c: Context,
  options: { maxBytes?: number; allowNul?: boolean } = {},
): Promise<unknown> {
  const bytes = await readBodyBytes(c, options.maxBytes ?? SMALL_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw apiError(400, 'bad_request');
  }
  if (!options.allowNul && containsNul(value)) throw apiError(400, 'bad_request');
  return value;
}

/** Parses `input` with a shared schema; 400 `validation_failed` with every field issue. */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  entity: string,
): v.InferOutput<S> {
  const parsed = v.safeParse(schema, input);
  if (parsed.success) return parsed.output;
  const fields = fromValibot(entity, parsed.issues).map(({ field, code, message }) => ({
    field,
    code,
    message,
  }));
  throw apiError(400, 'validation_failed', { fields });
}

/** Reads and validates a small JSON body in one step. */
export async function readBody<S extends v.GenericSchema>(
  c: Context,
  schema: S,
  entity: string,
): Promise<v.InferOutput<S>> {
  return parseWith(schema, await readJson(c), entity);
}
