import * as v from 'valibot';
import { checkDecisionDate } from '../../../shared/domain/admission';
import { fromValibot } from '../../../shared/domain/issues';
import { type Decision, decisionSchema } from '../../../shared/schemas';
import type { Issue } from '../../../shared/vn/issue';
import { parseOptionalDate } from '../../forms/parse';

/** A decision as typed: the date as `dd/mm/yyyy`. */
export type DecisionInput = { number: string; date: string; issuedBy: string };

export function emptyDecision(issuedBy: string, today: string): DecisionInput {
  const [year, month, day] = today.split('-');
  return { number: '', date: `${day}/${month}/${year}`, issuedBy };
}

/**
 * The decision typed in a form, checked by the shared schema and date rule (not in the future,
 * not before `signedAt`); issues on `<field>.number`, `<field>.date`, `<field>.issuedBy`.
 */
export function checkDecisionInput(
  field: string,
  input: DecisionInput,
  today: string,
  signedAt?: string,
): { value?: Decision; issues: Issue[] } {
  const decision = {
    number: input.number.trim().normalize('NFC'),
    date: parseOptionalDate(input.date) ?? '',
    issuedBy: input.issuedBy,
  };
  const parsed = v.safeParse(v.object({ [field]: decisionSchema }), { [field]: decision });
  const entity = field === 'decision' ? 'signup' : 'enterprise';
  if (!parsed.success) return { issues: fromValibot(entity, parsed.issues) };
  const dates = checkDecisionDate(decision.date, signedAt, today, `${field}.date`);
  return dates.length > 0 ? { issues: dates } : { value: decision, issues: [] };
}
