import type { ReportKey } from './report';

/** English of report.ts, loaded only when the user chooses English. */
export const reportEn: Record<ReportKey, string> = {
  'report.title': 'Union membership and grassroots union results — month {month}/{year}',
  'report.closed_on': 'Figures closed on {date}',
  'report.column.number': 'No.',
  'report.column.indicator': 'Indicator',
  'report.column.target': 'Year target',
  'report.column.month': 'This month',
  'report.column.year_to_date': 'Year to date',
  'report.column.percent': '% of target',
  'report.correction': 'correction to month {month}',
  'report.correction_of_year': 'correction to month {month}/{year}',
  'report.month_not_started': 'This month has not started yet and cannot be closed.',
  'report.month_closed': 'This month is already closed.',
  'report.month_not_closed': 'This month is not closed.',
  'report.figures_changed':
    'The figures changed since the report was viewed. Review the report again before closing.',

  'forbidden.read_report': 'You may not read the reports of this unit.',
  'forbidden.close_month': 'Only a supervisor or an administrator may close a month.',
  'forbidden.reopen_month': 'Only an administrator may reopen a closed month.',

  'review.title': 'Enterprises without a union — {unit}',
  'review.as_of': 'As of {date}',
  'review.column.number': 'No.',
  'review.column.name': 'Enterprise',
  'review.column.ward': 'Ward/commune',
  'review.column.industrial_park': 'Industrial park',
  'review.column.workers': 'Workers',
  'review.column.female_workers': 'Female workers',
  'review.column.operating_since': 'Operating since',
  'review.column.stage': 'Stage',
  'review.column.organizer': 'Organizer',
  'review.column.last_visit': 'Last visit',
  'review.column.days_since': 'Days since',
};
