import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import { fromValibot } from '../../shared/domain';
import { malformedValues } from '../../shared/schemas';
import { apiError } from './errors';

/** Default ceiling for small JSON bodies (login, admin forms). */
export const SMALL_BODY_BYTES = 64 * 1024;

/**
 * Hono's body limit, answering with the JSON envelope. It refuses a declared Content-Length above
 * the limit before reading, and counts a body sent without one (chunked), stopping as soon as it
 * passes the limit. It trusts a declared length otherwise, which is safe behind Node's HTTP
 * parser: it never hands a handler more bytes than the request declared.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw apiError(413, 'payload_too_large');
    },
  });
}

/**
 * The body as JSON (its size limited by limitBody on the route): 400 when it is not JSON, or when
 * it holds malformed text or a non-finite number — unless `perMutation`: a push judges those
 * mutation by mutation, so that one bad record does not fail the others.
 */
export async function readJson(
  c: Context,
  options: { perMutation?: boolean } = {},
): Promise<unknown> {
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch {
    throw apiError(400, 'bad_request');
  }
  if (!options.perMutation && malformedValues(value).length > 0) throw apiError(400, 'bad_request');
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
