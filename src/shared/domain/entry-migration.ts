import * as v from 'valibot';
import { type IndicatorEntry, indicatorEntrySchema, legacyIndicatorEntrySchema } from '../schemas';
import { migrateIndicatorEntry } from './entry-legacy';

export { migrateIndicatorEntry } from './entry-legacy';

/**
 * An entry read from storage or a backup in either shape, in the current one; undefined when it
 * is neither (the caller reports it: nothing is dropped silently).
 */
export function readIndicatorEntry(input: unknown): IndicatorEntry | undefined {
  const current = v.safeParse(indicatorEntrySchema, input);
  if (current.success) return current.output;
  const legacy = v.safeParse(legacyIndicatorEntrySchema, input);
  return legacy.success ? migrateIndicatorEntry(legacy.output) : undefined;
}
