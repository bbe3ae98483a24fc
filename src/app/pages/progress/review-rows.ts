import type { ProgressEnterprise } from '../../../db';
import { REVIEW_MIN_WORKERS, type ReviewFilter, reviewList } from '../../../shared/domain';
import { isCalendarDate, type Stage } from '../../../shared/schemas';
import { formatDate } from '../../../shared/vn/format';
import { visitDay } from './activity';
import type { CsvCell } from './csv';

/**
 * The review list as the screen holds it: the filter the user set, the rows in review order
 * (reviewList), their last visit and the days since, and the same rows as CSV cells.
 */

export type ReviewChoice = {
  wardCode: string;
  industrialPark: string;
  large: boolean;
  stage: Stage | '';
};

export const NO_REVIEW_CHOICE: ReviewChoice = {
  wardCode: '',
  industrialPark: '',
  large: false,
  stage: '',
};

export function toFilter(choice: ReviewChoice): ReviewFilter {
  return {
    ...(choice.wardCode ? { wardCode: choice.wardCode } : {}),
    ...(choice.industrialPark ? { industrialPark: choice.industrialPark } : {}),
    ...(choice.large ? { minWorkers: REVIEW_MIN_WORKERS } : {}),
    ...(choice.stage ? { stage: choice.stage } : {}),
  };
}

/** The subtree's enterprises on the list, in review order. */
export function reviewRows(
  enterprises: readonly ProgressEnterprise[],
  unitIds: ReadonlySet<string>,
  choice: ReviewChoice,
): ProgressEnterprise[] {
  return reviewList(
    enterprises.filter((enterprise) => unitIds.has(enterprise.unitId)),
    toFilter(choice),
  );
}

/** The values a filter can take: those the list holds (sorted), so none leads to nothing. */
export function filterValues(
  enterprises: readonly ProgressEnterprise[],
  unitIds: ReadonlySet<string>,
): { wards: string[]; parks: string[]; stages: Stage[] } {
  const listed = reviewList(enterprises.filter((enterprise) => unitIds.has(enterprise.unitId)));
  const collator = new Intl.Collator('vi');
  const distinct = <T extends string>(values: (T | undefined)[]) =>
    [...new Set(values.filter((v): v is T => v !== undefined && v !== ''))].sort(collator.compare);
  return {
    wards: distinct(listed.map((e) => e.wardCode)),
    parks: distinct(listed.map((e) => e.industrialPark)),
    stages: [...new Set(listed.map((e) => e.stage))],
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `date` to `today` (ISO dates); undefined when either is not one. */
export function daysBetween(date: string, today: string): number | undefined {
  if (!isCalendarDate(date) || !isCalendarDate(today)) return undefined;
  return Math.round((Date.parse(today) - Date.parse(date)) / DAY_MS);
}

export type LastVisit = { day: string; daysSince: number | undefined };

/** The last visit's day on Vietnam's calendar and the days since, from its time stamp. */
export function lastVisitOf(visitedAt: string | undefined, today: string): LastVisit | undefined {
  const day = visitedAt === undefined ? undefined : visitDay(visitedAt);
  return day === undefined ? undefined : { day, daysSince: daysBetween(day, today) };
}

export type ReviewColumn = {
  header: string;
  cell: (enterprise: ProgressEnterprise, visit: LastVisit | undefined) => CsvCell;
};

/** The CSV: a header row, then one row per enterprise, numbered from 1. */
export function reviewCsvRows(
  rows: readonly ProgressEnterprise[],
  visits: ReadonlyMap<string, string>,
  today: string,
  columns: readonly ReviewColumn[],
  numberHeader: string,
): CsvCell[][] {
  return [
    [numberHeader, ...columns.map((column) => column.header)],
    ...rows.map((enterprise, i) => [
      i + 1,
      ...columns.map((column) =>
        column.cell(enterprise, lastVisitOf(visits.get(enterprise.id), today)),
      ),
    ]),
  ];
}

/** A date in a CSV cell, as the server's exports write it (dd/mm/yyyy). */
export function csvDate(day: string | undefined): string | undefined {
  return day === undefined ? undefined : formatDate(day);
}
