import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { t } from '../../shared/i18n';
import type { ApiErrorCode, FieldIssue } from '../../shared/protocol';
import { logServerError } from './log';

export type FieldError = FieldIssue;

/** An error the client caused or must know about; rendered as docs/design.md §5's JSON envelope. */
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

/** The message of an API error code, from the i18n catalogue (the server speaks Vietnamese). */
export function apiErrorMessage(code: ApiErrorCode): string {
  return t(`api_error.${code}`);
}

/** An ApiError with the catalogue's message for `code`. */
export function apiError(
  status: ContentfulStatusCode,
  code: ApiErrorCode,
  options: { fields?: FieldError[]; headers?: Record<string, string> } = {},
): ApiError {
  return new ApiError(status, code, apiErrorMessage(code), options.fields, options.headers);
}

export function errorBody(code: string, message: string, fields?: FieldError[]) {
  return { error: fields ? { code, message, fields } : { code, message } };
}

export function renderError(c: Context, error: unknown): Response {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
    return c.json(errorBody(error.code, error.message, error.fields), error.status);
  }
  // Hono's own middleware (bearer-auth) answers with a response built for the envelope.
  if (error instanceof HTTPException && error.status < 500) {
    return error.res ?? c.json(errorBody('bad_request', apiErrorMessage('bad_request')), 400);
  }
  logServerError({ route: `${c.req.method} ${c.req.routePath}` }, error);
  return c.json(errorBody('internal', apiErrorMessage('internal')), 500);
}
