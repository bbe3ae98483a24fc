import * as v from 'valibot';
import {
  MAX_COUNT,
  MAX_LENGTH,
  MAX_YEAR,
  MIN_TARGET_YEAR,
  STAGES,
  type Stage,
  text,
  uuidSchema,
  wardCodeSchema,
  yearSchema,
} from '../schemas';

/**
 * The reports of docs/design.md §5: the monthly report, the closing of a month (chốt số liệu)
 * and the review list (rà soát). Query parameters arrive as text and are read with these schemas.
 */
export type { MonthlyReport, ReportCorrection, ReportRow } from '../domain/report';

export const REPORT_FORMATS = ['json', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A whole number written in decimal digits, between `min` and `max`. */
function integerParam(min: number, max: number) {
  return v.pipe(
    v.string(),
    v.regex(/^\d{1,9}$/, 'invalid'),
    v.transform(Number),
    v.minValue(min),
    v.maxValue(max),
  );
}

const monthNumber = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12));
const formatParam = v.optional(v.picklist(REPORT_FORMATS), 'json');

/** `GET /api/reports/monthly?unitId&year&month[&format]`. */
export const monthlyReportQuerySchema = v.object({
  unitId: uuidSchema,
  year: integerParam(MIN_TARGET_YEAR, MAX_YEAR),
  month: integerParam(1, 12),
  format: formatParam,
});
export type MonthlyReportQuery = v.InferOutput<typeof monthlyReportQuerySchema>;

/**
 * `POST /api/reports/closures` → 201 with the report as closed. `basedOn` is the `fingerprint`
 * of the report the supervisor viewed and sent: when given and the figures changed since, the
 * close is refused (409) rather than keeping figures nobody sent.
 */
export const closeMonthRequestSchema = v.object({
  unitId: uuidSchema,
  year: yearSchema,
  month: monthNumber,
  basedOn: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'invalid'))),
});
export type CloseMonthRequest = v.InferOutput<typeof closeMonthRequestSchema>;

/** `GET /api/reports/closures?unitId&year` and `DELETE /api/reports/closures?unitId&year&month`. */
export const closuresQuerySchema = v.object({
  unitId: uuidSchema,
  year: integerParam(MIN_TARGET_YEAR, MAX_YEAR),
});
export const reopenQuerySchema = v.object({
  unitId: uuidSchema,
  year: integerParam(MIN_TARGET_YEAR, MAX_YEAR),
  month: integerParam(1, 12),
});

export type MonthClosure = {
  unitId: string;
  year: number;
  month: number;
  closedAt: string;
  closedBy: string;
};

/** `GET /api/reports/review?unitId[&wardCode][&industrialPark][&minWorkers][&stage][&format]`. */
export const reviewQuerySchema = v.object({
  unitId: uuidSchema,
  wardCode: v.optional(wardCodeSchema),
  industrialPark: v.optional(v.pipe(text(MAX_LENGTH.name), v.nonEmpty())),
  minWorkers: v.optional(integerParam(0, MAX_COUNT)),
  stage: v.optional(v.picklist(STAGES)),
  format: formatParam,
});
export type ReviewQuery = v.InferOutput<typeof reviewQuerySchema>;

/** One enterprise of the review list; no worker's personal data. */
export type ReviewRow = {
  enterpriseId: string;
  name: string;
  unitId: string;
  wardCode: string;
  industrialPark?: string;
  workerCount?: number;
  femaleWorkerCount?: number;
  operatingSince?: number;
  stage: Stage;
  assignedTo?: string;
  /** The assigned organizer's display name. */
  organizerName?: string;
  /** The latest visit's date on Vietnam's calendar. */
  lastVisit?: string;
  daysSinceVisit?: number;
};

export type ReviewList = { unitId: string; today: string; rows: ReviewRow[] };
