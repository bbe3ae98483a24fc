import { defineMessages } from './types';

/**
 * The monthly report and the review list as documents (XLSX, CSV, the print view): titles, column
 * headings, the correction line of a closed month (report.*), the review list (review.*), and
 * the refusals of the report actions of the roles table (forbidden.<action>).
 */
export const reportMessages = defineMessages(
  {
    'report.title': 'Báo cáo kết quả phát triển đoàn viên, thành lập CĐCS — tháng {month}/{year}',
    'report.closed_on': 'Số liệu đã chốt ngày {date}',
    'report.column.number': 'STT',
    'report.column.indicator': 'Chỉ tiêu',
    'report.column.target': 'Kế hoạch năm',
    'report.column.month': 'Thực hiện tháng',
    'report.column.year_to_date': 'Lũy kế năm',
    'report.column.percent': 'Tỷ lệ %',
    'report.correction': 'điều chỉnh số liệu tháng {month}',
    'report.correction_of_year': 'điều chỉnh số liệu tháng {month}/{year}',
    'report.month_not_started': 'Tháng này chưa bắt đầu, chưa thể chốt số liệu.',
    'report.month_closed': 'Tháng này đã được chốt số liệu.',
    'report.month_not_closed': 'Tháng này chưa được chốt số liệu.',
    'report.figures_changed':
      'Số liệu đã thay đổi kể từ khi xem báo cáo. Hãy xem lại báo cáo trước khi chốt.',

    'forbidden.read_report': 'Bạn không có quyền xem báo cáo của đơn vị này.',
    'forbidden.close_month': 'Chỉ cán bộ theo dõi hoặc quản trị viên được chốt số liệu tháng.',
    'forbidden.reopen_month': 'Chỉ quản trị viên được mở lại tháng đã chốt số liệu.',

    'review.title': 'Danh sách doanh nghiệp chưa có tổ chức công đoàn — {unit}',
    'review.as_of': 'Tính đến ngày {date}',
    'review.column.number': 'STT',
    'review.column.name': 'Doanh nghiệp',
    'review.column.ward': 'Phường/xã',
    'review.column.industrial_park': 'Khu công nghiệp',
    'review.column.workers': 'Số lao động',
    'review.column.female_workers': 'Lao động nữ',
    'review.column.operating_since': 'Năm bắt đầu hoạt động',
    'review.column.stage': 'Giai đoạn',
    'review.column.organizer': 'Cán bộ phụ trách',
    'review.column.last_visit': 'Lần tiếp cận gần nhất',
    'review.column.days_since': 'Số ngày chưa tiếp cận',
  },
  {
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
  },
);
