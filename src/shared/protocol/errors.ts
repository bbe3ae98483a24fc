import * as v from 'valibot';

/**
 * The error envelope of every non-2xx JSON answer: `{"error": {"code", "message", "fields"?}}`.
 * `code` is a string so that a newer server's codes still parse; the ones in use are listed
 * below and have messages under `api_error.<code>` in the i18n catalogue.
 */
export const API_ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthorized',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'invalid_cursor',
  'mutation_id_taken',
  'internal',
  // A `sealed` mutation the server could not open (sealed.ts, SEALED_REJECTION_CODES).
  'sealed_unknown_key',
  'sealed_invalid',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** One finding about a field; `level` is absent in server-side request errors (always errors). */
export const fieldIssueSchema = v.object({
  field: v.string(),
  level: v.optional(v.picklist(['error', 'warning'])),
  code: v.string(),
  message: v.string(),
});
export type FieldIssue = v.InferOutput<typeof fieldIssueSchema>;

export const apiErrorSchema = v.object({
  code: v.string(),
  message: v.string(),
  fields: v.optional(v.array(fieldIssueSchema)),
});
export type ApiError = v.InferOutput<typeof apiErrorSchema>;

export const errorEnvelopeSchema = v.object({ error: apiErrorSchema });
export type ErrorEnvelope = v.InferOutput<typeof errorEnvelopeSchema>;

export function isApiErrorCode(code: string): code is ApiErrorCode {
  return (API_ERROR_CODES as readonly string[]).includes(code);
}
