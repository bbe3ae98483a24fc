import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type FieldError = { field: string; code: string; message: string };

/** An error the client caused or must know about; rendered as DESIGN.md §5's JSON envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, fields?: FieldError[]) {
  return { error: fields ? { code, message, fields } : { code, message } };
}

export function renderError(c: Context, error: unknown): Response {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
    return c.json(errorBody(error.code, error.message, error.fields), error.status);
  }
  // Body-parsing failures of Hono surface as HTTPException-like errors with a status.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return c.json(errorBody('bad_request', 'The request could not be read.'), 400);
  }
  console.error(error);
  return c.json(errorBody('internal', 'Internal server error.'), 500);
}
