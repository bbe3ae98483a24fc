import * as v from 'valibot';
import { type Enterprise, enterpriseSchema } from '../schemas';
import type { Issue, Result } from '../vn/issue';
import { parsePhone } from '../vn/phone';
import { parseTaxCode } from '../vn/tax-code';
import { isAfter, todayInVietnam } from './dates';
import { fieldIssue, fromValibot, hasErrors } from './issues';
import { asRecord, filledString, type UnknownRecord } from './record-input';

export type EnterpriseCheckOptions = {
  /** ISO date of "today" on Vietnam's calendar; defaults to the current one. */
  today?: string;
};

/**
 * Schema, tax code (checksum, branch), contact phone, dates (and the year the enterprise began
 * operating) that cannot be in the future, and a warning when the member count exceeds the
 * (possibly stale) worker count. `value` is the record to store, with the tax code compact and the phone in E.164; present only without errors.
 */
export function checkEnterprise(
  input: unknown,
  options: EnterpriseCheckOptions = {},
): Result<Enterprise> {
  const record = asRecord(input);
  const parsed = v.safeParse(enterpriseSchema, record);
  const schemaIssues = parsed.success ? [] : fromValibot('enterprise', parsed.issues);
  const flagged = new Set(schemaIssues.map((issue) => issue.field));
  const taxCode = checkField(record['taxCode'], 'taxCode', flagged, parseTaxCode);
  const phone = checkField(
    asRecord(record['contact'])['phone'],
    'contact.phone',
    flagged,
    parsePhone,
  );
  const issues = [
    ...schemaIssues,
    ...taxCode.issues,
    ...phone.issues,
    ...futureDateIssues(record, flagged, options.today ?? todayInVietnam()),
    ...memberCountWarnings(record, flagged),
  ];
  if (!parsed.success || hasErrors(issues)) return { issues };
  const value: Enterprise = { ...parsed.output };
  if (taxCode.value !== undefined) value.taxCode = taxCode.value;
  if (phone.value !== undefined && value.contact)
    value.contact = { ...value.contact, phone: phone.value };
  return { value, issues };
}

function checkField(
  raw: unknown,
  field: string,
  flagged: Set<string>,
  parse: (input: string, field: string) => Result<string>,
): Result<string> {
  const text = filledString(raw);
  if (text === undefined || flagged.has(field)) return { issues: [] };
  return parse(text, field);
}

function futureDateIssues(record: UnknownRecord, flagged: Set<string>, today: string): Issue[] {
  const dates: [string, unknown][] = [
    ['workerCountAsOf', record['workerCountAsOf']],
    ['foundedAt', record['foundedAt']],
    ['foundingDecision.date', asRecord(record['foundingDecision'])['date']],
  ];
  const future = dates
    .filter(
      ([field, value]) => !flagged.has(field) && typeof value === 'string' && isAfter(value, today),
    )
    .map(([field]) => fieldIssue('enterprise', field, 'future'));
  const since = record['operatingSince'];
  const laterYear = typeof since === 'number' && since > Number(today.slice(0, 4));
  if (laterYear && !flagged.has('operatingSince')) {
    future.push(fieldIssue('enterprise', 'operatingSince', 'future'));
  }
  return future;
}

function memberCountWarnings(record: UnknownRecord, flagged: Set<string>): Issue[] {
  const members = record['memberCount'];
  const workers = record['workerCount'];
  if (flagged.has('memberCount') || flagged.has('workerCount')) return [];
  if (typeof members !== 'number' || typeof workers !== 'number' || members <= workers) return [];
  return [fieldIssue('enterprise', 'memberCount', 'exceeds_worker_count', { level: 'warning' })];
}
