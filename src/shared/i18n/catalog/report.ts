/**
 * The monthly report and the review list as documents (XLSX, CSV, the print view): titles, column
 * headings, the correction line of a closed month (report.*), the review list (review.*), and
 * the refusals of the report actions of the roles table (forbidden.<action>). A screen part
 * (i18n/index.ts): the server adds it when it mounts the report routes, a screen that lays out a
 * report adds it with its chunk (addScreenMessages), and the first screen does not carry it.
 */
export const reportVi = {
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
};

export type ReportKey = keyof typeof reportVi;
