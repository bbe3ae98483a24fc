import * as v from 'valibot';
import { MAX_LENGTH, requiredText, syncFields, uuidSchema } from './common';
import { UNIT_KINDS } from './enums';

/** A trade-union organisation (tổ chức công đoàn). No district level: see docs/design.md §3. */
export const unitSchema = v.object({
  id: uuidSchema,
  name: requiredText(MAX_LENGTH.name),
  kind: v.picklist(UNIT_KINDS),
  parentId: v.optional(uuidSchema),
  ...syncFields,
});
export type Unit = v.InferOutput<typeof unitSchema>;
