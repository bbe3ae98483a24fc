import * as v from 'valibot';
import { isoDateSchema, MAX_LENGTH, syncFields, text, uuidSchema } from './common';
import { INDICATORS } from './enums';
import { MAX_INDICATOR_VALUE } from './target';

/**
 * A figure from outside the app (e.g. members admitted at state enterprises, members who left).
 * `delta` may be negative: `net_members` is new − left + transferred in.
 */
export const indicatorEntrySchema = v.object({
  id: uuidSchema,
  unitId: uuidSchema,
  date: isoDateSchema,
  indicator: v.picklist(INDICATORS),
  delta: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(-MAX_INDICATOR_VALUE),
    v.maxValue(MAX_INDICATOR_VALUE),
  ),
  // Required in the model; defaults to '' so that a form without a note still validates.
  note: v.optional(text(MAX_LENGTH.text), ''),
  ...syncFields,
});
export type IndicatorEntry = v.InferOutput<typeof indicatorEntrySchema>;
