import * as v from 'valibot';

export const DATABASE_KINDS = ['pglite', 'postgres'] as const;

/** `GET /api/health`. */
export const healthResponseSchema = v.object({
  ok: v.literal(true),
  db: v.picklist(DATABASE_KINDS),
});
export type HealthResponse = v.InferOutput<typeof healthResponseSchema>;
