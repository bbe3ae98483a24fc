import * as v from 'valibot';
import { type IndicatorEntry, indicatorEntrySchema, OPENING_KINDS } from '../schemas';
import type { Issue, Result } from '../vn/issue';
import { isAfter, todayInVietnam } from './dates';
import { fieldIssue, fromValibot, hasErrors } from './issues';
import { asRecord } from './record-input';

export type EntryCheckOptions = {
  /** ISO date of "today" on Vietnam's calendar; defaults to the current one. */
  today?: string;
};

/**
 * An indicator entry as the supervisor records it: the schema (a known kind, a positive whole
 * count), its date and its decision's date not in the future, and an opening count dated
 * 1 January (it is the count on that day: a total at a date adds it to the year's movements).
 */
export function checkIndicatorEntry(
  input: unknown,
  options: EntryCheckOptions = {},
): Result<IndicatorEntry> {
  const parsed = v.safeParse(indicatorEntrySchema, input);
  const issues: Issue[] = parsed.success ? [] : fromValibot('indicator_entry', parsed.issues);
  const flagged = new Set(issues.map((issue) => issue.field));
  const record = asRecord(input);
  const today = options.today ?? todayInVietnam();
  const dates: [string, unknown][] = [
    ['date', record['date']],
    ['decision.date', asRecord(record['decision'])['date']],
  ];
  for (const [field, value] of dates) {
    if (!flagged.has(field) && typeof value === 'string' && isAfter(value, today)) {
      issues.push(fieldIssue('indicator_entry', field, 'future'));
      flagged.add(field);
    }
  }
  const opening = (OPENING_KINDS as readonly unknown[]).includes(record['kind']);
  const date = record['date'];
  if (opening && !flagged.has('date') && typeof date === 'string' && !date.endsWith('-01-01')) {
    issues.push(fieldIssue('indicator_entry', 'date', 'not_new_year'));
  }
  if (!parsed.success || hasErrors(issues)) return { issues };
  return { value: parsed.output, issues };
}
