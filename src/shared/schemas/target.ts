import * as v from 'valibot';
import { MAX_YEAR, syncFields, uuidSchema } from './common';
import { INDICATORS } from './enums';

/** Largest yearly target or single manual entry: well above the biggest federation's figures. */
export const MAX_INDICATOR_VALUE = 10_000_000;

/** First year a target may be set for. */
export const MIN_TARGET_YEAR = 2000;

export const yearSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(MIN_TARGET_YEAR),
  v.maxValue(MAX_YEAR),
);

/** A yearly target (chỉ tiêu) of one unit for one indicator. */
export const targetSchema = v.object({
  id: uuidSchema,
  unitId: uuidSchema,
  year: yearSchema,
  indicator: v.picklist(INDICATORS),
  value: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_INDICATOR_VALUE)),
  ...syncFields,
});
export type Target = v.InferOutput<typeof targetSchema>;
