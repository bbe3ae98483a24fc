import * as v from 'valibot';
import { isoDateSchema, MAX_LENGTH, syncFields, text, uuidSchema } from './common';
import { decisionSchema } from './decision';
import { ADJUSTMENT_KIND, ENTRY_KINDS, INDICATORS } from './enums';
import { MAX_INDICATOR_VALUE } from './target';

/**
 * A membership movement or a figure from outside the app (docs/design.md §3): members on
 * 1 January, members who left or transferred, admissions and foundings decided outside the app,
 * Party introductions… `count` is always positive; the kind says whether it adds or subtracts
 * (domain/indicators.ts). `decision` is the decision behind the figure, where there is one.
 *
 * One extension: kind `adjustment` keeps an entry of the first model (`{indicator, delta}`) that
 * no kind describes faithfully, e.g. a negative correction of `new_members`; its signed `delta`
 * is added to that indicator. See domain/entry-migration.ts.
 */

const entryFields = {
  id: uuidSchema,
  unitId: uuidSchema,
  date: isoDateSchema,
  // Required in the model; defaults to '' so that a form without a note still validates.
  note: v.optional(text(MAX_LENGTH.text), ''),
  enterpriseId: v.optional(uuidSchema),
  decision: v.optional(decisionSchema),
  ...syncFields,
};

export const entryCountSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1),
  v.maxValue(MAX_INDICATOR_VALUE),
);

export const countedEntrySchema = v.object({
  ...entryFields,
  kind: v.picklist(ENTRY_KINDS),
  count: entryCountSchema,
});
export type CountedEntry = v.InferOutput<typeof countedEntrySchema>;

export const adjustmentEntrySchema = v.object({
  ...entryFields,
  kind: v.literal(ADJUSTMENT_KIND),
  indicator: v.picklist(INDICATORS),
  delta: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(-MAX_INDICATOR_VALUE),
    v.maxValue(MAX_INDICATOR_VALUE),
  ),
});
export type AdjustmentEntry = v.InferOutput<typeof adjustmentEntrySchema>;

export const indicatorEntrySchema = v.variant('kind', [countedEntrySchema, adjustmentEntrySchema]);
export type IndicatorEntry = v.InferOutput<typeof indicatorEntrySchema>;

/** An entry as the first model stored it; read only to migrate it (domain/entry-migration.ts). */
export const legacyIndicatorEntrySchema = v.object({
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
  note: v.optional(text(MAX_LENGTH.text), ''),
  ...syncFields,
});
export type LegacyIndicatorEntry = v.InferOutput<typeof legacyIndicatorEntrySchema>;
