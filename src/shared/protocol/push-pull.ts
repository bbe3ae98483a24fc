import * as v from 'valibot';
import { PULL_ENTITIES, SYNC_ENTITIES, uuidSchema } from '../schemas';
import { apiErrorSchema } from './errors';
import { clampPullLimit, MAX_CURSOR_LENGTH, PULL_DEFAULT_LIMIT } from './limits';
import { sealedEnvelopeSchema } from './sealed';

/**
 * `POST /api/sync/push` and `GET /api/sync/pull` (docs/design.md §5, §6).
 *
 * A `put` carries the whole record (fields absent from `data` are cleared); without
 * `baseVersion` it creates the record, with it it edits that version. `data` is `unknown` here:
 * each mutation's data is validated on its own (validateMutation), so that one bad mutation is
 * `rejected` without blocking the others.
 */

export const MUTATION_OPS = ['put', 'delete'] as const;
export type MutationOp = (typeof MUTATION_OPS)[number];

export const PUSH_STATUSES = ['applied', 'duplicate', 'conflict', 'rejected'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

const versionSchema = v.pipe(v.number(), v.integer(), v.minValue(1));

/** Most fields one merged put may say it replaced: more than any record has. */
export const MAX_REPLACED_FIELDS = 64;

/**
 * A field of the record that a merged put overwrote (docs/design.md §6): changed on both sides,
 * the device kept its own value, and `value` is the server's value it replaced (absent when the
 * server's record had none). The server tells the author of that value at their next pull.
 */
export const replacedValueSchema = v.object({
  field: v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'invalid')),
  value: v.optional(v.unknown()),
});
export type ReplacedValue = v.InferOutput<typeof replacedValueSchema>;

export const mutationSchema = v.object({
  mutationId: uuidSchema,
  entity: v.picklist(SYNC_ENTITIES),
  entityId: uuidSchema,
  op: v.picklist(MUTATION_OPS),
  baseVersion: v.optional(versionSchema),
  data: v.optional(v.unknown()),
  /** Only on a put made on `baseVersion` by a merge: the server's values it overwrote. */
  replaced: v.optional(v.pipe(v.array(replacedValueSchema), v.maxLength(MAX_REPLACED_FIELDS))),
  /**
   * `data` sealed for the server's key (sealed.ts), in place of `data`. The server opens it and
   * judges the mutation as if `data` had been sent in clear.
   */
  sealed: v.optional(sealedEnvelopeSchema),
});
export type Mutation = v.InferOutput<typeof mutationSchema>;

/** The push body as a client builds it. */
export const pushRequestSchema = v.object({
  clientId: uuidSchema,
  mutations: v.array(mutationSchema),
});
export type PushRequest = v.InferOutput<typeof pushRequestSchema>;

/**
 * The push body as the server first reads it: only what it needs to answer each mutation in
 * order. A mutation without a readable `mutationId` cannot be answered, so it fails the whole
 * request (400); anything else wrong with a mutation makes it `rejected`. The server checks
 * MAX_MUTATIONS_PER_PUSH and MAX_PUSH_BYTES before parsing (413).
 */
export const pushEnvelopeSchema = v.object({
  clientId: uuidSchema,
  mutations: v.array(v.looseObject({ mutationId: uuidSchema })),
});
export type PushEnvelope = v.InferOutput<typeof pushEnvelopeSchema>;

export const pushResultSchema = v.object({
  mutationId: uuidSchema,
  status: v.picklist(PUSH_STATUSES),
  /** The record's version after `applied`/`duplicate`. */
  version: v.optional(versionSchema),
  /** Why a mutation was `rejected`: code, message and the record's issues in `fields`. */
  error: v.optional(apiErrorSchema),
  /** The server's record on `conflict` (null when it was deleted). */
  current: v.optional(v.unknown()),
  /** On `conflict`: the display name of who last wrote `current`, for the merge's note. */
  currentByName: v.optional(v.string()),
});
export type PushResult = v.InferOutput<typeof pushResultSchema>;

export const pushResponseSchema = v.object({ results: v.array(pushResultSchema) });
export type PushResponse = v.InferOutput<typeof pushResponseSchema>;

/**
 * Query of a pull, from the URL's string parameters. An absent or empty cursor means "from the
 * start"; `limit` must be a positive integer and is clamped to PULL_MAX_LIMIT.
 */
export const pullQuerySchema = v.object({
  cursor: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(MAX_CURSOR_LENGTH),
      v.transform((cursor) => (cursor === '' ? undefined : cursor)),
    ),
  ),
  // The default goes through the pipe too, so the output is always a clamped number.
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[1-9]\d{0,8}$/, 'invalid'),
      v.transform((limit) => clampPullLimit(Number(limit))),
    ),
    String(PULL_DEFAULT_LIMIT),
  ),
});
export type PullQuery = v.InferOutput<typeof pullQuerySchema>;

export const pullChangeSchema = v.object({
  entity: v.picklist(PULL_ENTITIES),
  entityId: uuidSchema,
  version: versionSchema,
  deleted: v.boolean(),
  /** The record (parse it with its entity's schema); null when deleted. */
  data: v.unknown(),
});
export type PullChange = v.InferOutput<typeof pullChangeSchema>;

/**
 * A value of the user's that another user's merge replaced (docs/design.md §6): the record and
 * field, the user's `value` that was overwritten and the `replacement` now in the record (each
 * absent when empty), the record's version the replacement made, who made it and when. Pulls
 * return it until the device acknowledges it (`POST /api/sync/notices/ack`).
 */
export const noticeSchema = v.object({
  id: uuidSchema,
  entity: v.picklist(SYNC_ENTITIES),
  entityId: uuidSchema,
  field: v.string(),
  value: v.optional(v.unknown()),
  replacement: v.optional(v.unknown()),
  version: versionSchema,
  replacedBy: uuidSchema,
  replacedByName: v.string(),
  replacedAt: v.string(),
});
export type Notice = v.InferOutput<typeof noticeSchema>;

/** Most notices one pull carries; the rest come once these are acknowledged. */
export const MAX_NOTICES_PER_PULL = 100;

/** `POST /api/sync/notices/ack`: the notices the device has stored. */
export const noticeAckSchema = v.object({
  ids: v.pipe(v.array(uuidSchema), v.maxLength(MAX_NOTICES_PER_PULL)),
});
export type NoticeAck = v.InferOutput<typeof noticeAckSchema>;

export const pullResponseSchema = v.object({
  changes: v.array(pullChangeSchema),
  /** The user's unacknowledged notices (absent from servers older than them). */
  notices: v.optional(v.array(noticeSchema)),
  /** Opaque: send it back as `cursor` to continue. */
  cursor: v.string(),
  hasMore: v.boolean(),
  /**
   * The cursor sent was issued for another user, role or unit (the user was moved, or another
   * user signed in on this installation), so this page starts the pull over from the beginning.
   * Before applying it, the device drops every server copy it holds that has nothing waiting in
   * its outbox: records of the scope it left are not sent again, not even as deleted.
   */
  reset: v.optional(v.literal(true)),
});
export type PullResponse = v.InferOutput<typeof pullResponseSchema>;
