import * as v from 'valibot';
import { isoDateSchema, MAX_LENGTH, requiredText, uuidSchema } from './common';

/**
 * An official decision (quyết định): the admission of members, the recognition of a CĐCS, or the
 * decision behind a figure entered by hand. `issuedBy` is the union unit that decided; reports
 * list admissions and foundings by decision, so every decision names its number, date and unit.
 */
export const decisionSchema = v.object({
  number: requiredText(MAX_LENGTH.code),
  date: isoDateSchema,
  issuedBy: uuidSchema,
});
export type Decision = v.InferOutput<typeof decisionSchema>;
