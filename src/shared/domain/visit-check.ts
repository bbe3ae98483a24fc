import * as v from 'valibot';
import { type Visit, visitSchema } from '../schemas';
import type { Issue, Result } from '../vn/issue';
import { parsePhone } from '../vn/phone';
import { fromValibot, hasErrors } from './issues';
import { asRecord, filledString } from './record-input';

/**
 * Schema plus the phone numbers of the people met. `value` carries the phones in E.164 and is
 * present only without errors.
 */
export function checkVisit(input: unknown): Result<Visit> {
  const parsed = v.safeParse(visitSchema, input);
  const schemaIssues = parsed.success ? [] : fromValibot('visit', parsed.issues);
  const flagged = new Set(schemaIssues.map((issue) => issue.field));
  const people = asRecord(input)['peopleMet'];
  const phones = (Array.isArray(people) ? people : []).map((person, index) => {
    const field = `peopleMet.${index}.phone`;
    const raw = filledString(asRecord(person)['phone']);
    return raw === undefined || flagged.has(field) ? { issues: [] } : parsePhone(raw, field);
  });
  const issues: Issue[] = [...schemaIssues, ...phones.flatMap((phone) => phone.issues)];
  if (!parsed.success || hasErrors(issues)) return { issues };
  const peopleMet = parsed.output.peopleMet.map((person, index) => {
    const phone = phones[index]?.value;
    return phone === undefined ? person : { ...person, phone };
  });
  return { value: { ...parsed.output, peopleMet }, issues };
}
