import * as v from 'valibot';
import { isoDateSchema, uuidSchema } from '../schemas';

/**
 * The access log (docs/design.md §5 "Access log"): every time personal fields of applications
 * (or the names of people a visit met) leave the server — sent to a device, exported or
 * reported — who, when, why and how many records; never which records or what they hold.
 */

export const ACCESS_PURPOSES = ['pull', 'export', 'report'] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

export const ACCESS_ENTITIES = ['signup', 'visit'] as const;
export type AccessEntity = (typeof ACCESS_ENTITIES)[number];

/** Most entries one request returns (the newest first). */
export const ACCESS_LOG_MAX_LIMIT = 5000;

/**
 * `GET /api/admin/access-log` (admins) query: the admin's subtree, or one unit of it
 * (`unitId`: the unit of the user who read); one user; one purpose; one entity; from and to
 * (inclusive ISO dates, Vietnam's calendar); `format=csv` for a file.
 */
export const accessLogQuerySchema = v.object({
  unitId: v.optional(uuidSchema),
  userId: v.optional(uuidSchema),
  purpose: v.optional(v.picklist(ACCESS_PURPOSES)),
  entity: v.optional(v.picklist(ACCESS_ENTITIES)),
  from: v.optional(isoDateSchema),
  to: v.optional(isoDateSchema),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[1-9]\d{0,8}$/, 'invalid'),
      v.transform((limit) => Math.min(Number(limit), ACCESS_LOG_MAX_LIMIT)),
    ),
    String(ACCESS_LOG_MAX_LIMIT),
  ),
  format: v.optional(v.picklist(['json', 'csv']), 'json'),
});
export type AccessLogQuery = v.InferOutput<typeof accessLogQuerySchema>;

export type AccessLogEntry = {
  /** ISO date-time. */
  at: string;
  userId: string;
  username: string;
  /** The user's unit when they read. */
  unitId: string;
  unitName: string;
  purpose: AccessPurpose;
  entity: AccessEntity;
  count: number;
};

export type AccessLogResponse = { entries: AccessLogEntry[] };
