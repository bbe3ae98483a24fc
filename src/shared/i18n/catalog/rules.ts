/**
 * Messages of the domain rules' findings (src/shared/domain, protocol), keyed by issue code; the
 * codes are listed in domain.ts. They travel with the code that makes the findings, not with the
 * first screen: src/shared/vn/issue.ts (makeIssue) and src/shared/domain/issues.ts (the schema
 * findings, `issue.<kind>`) add them as they load, so every finding made has its message.
 */
export const rulesVi = {
  'issue.required': '{field} không được để trống.',
  'issue.invalid': '{field} không hợp lệ.',
  'issue.too_long': '{field} dài quá {max} ký tự.',
  'issue.too_short': '{field} cần ít nhất {min}.',
  'issue.too_small': '{field} phải từ {min} trở lên.',
  'issue.too_large': '{field} không được lớn hơn {max}.',
  'issue.not_integer': '{field} phải là số nguyên.',
  'issue.duplicate': '{field} có mục bị lặp.',
  'issue.exceeds_worker_count': '{field} lớn hơn tổng số lao động: kiểm tra lại.',
  'issue.future': '{field} không được là ngày trong tương lai.',
  'issue.mismatch': '{field} không khớp với bản ghi.',
  'issue.malformed_text': '{field} chứa ký tự hỏng (không phải văn bản hợp lệ).',
  'issue.not_finite': '{field} phải là một số cụ thể.',
  'issue.before_signing': '{field} không được trước ngày ký đơn.',
  'issue.not_new_year': '{field} phải là ngày 01/01: đây là số liệu đầu năm.',

  'pipeline.not_enough_applications':
    'Cần ít nhất {min} đơn hoặc đoàn viên (hiện có {count}, còn thiếu {needed}).',
  'pipeline.founding_decision_required':
    'Cần số và ngày quyết định công nhận để chuyển sang “Đã thành lập CĐCS”.',
  'pipeline.not_enough_to_found':
    'Chưa đủ điều kiện thành lập CĐCS: cần ít nhất {min} đơn đã nộp hoặc đã kết nạp, hoặc ít nhất {min} đoàn viên khi thành lập (hiện có {count}).',
  'pipeline.founding_stage':
    'Doanh nghiệp có quyết định công nhận CĐCS phải ở bước “Đã thành lập CĐCS”.',
  'pipeline.founding_union_status':
    'Doanh nghiệp đã thành lập CĐCS phải có tình trạng công đoàn là “Đã có CĐCS”.',
  'pipeline.founding_date': 'Ngày thành lập phải là ngày của quyết định công nhận.',

  'admission.not_admissible': 'Chỉ kết nạp được đơn đã nộp (hoặc đơn đã từ chối nay xét lại).',
  'admission.not_rejectable': 'Chỉ từ chối được đơn đã nộp và chưa được xét.',
  'admission.already_member': 'Số CCCD/hộ chiếu này đã là đoàn viên (có đơn đã được kết nạp).',
  'admission.duplicate_application': 'Số CCCD/hộ chiếu này còn có ở {count} đơn khác đang chờ xét.',
  'admission.issuer_unrelated':
    'Đơn vị ra quyết định phải là đơn vị quản lý, cấp trên hoặc cấp dưới của đơn vị đó.',

  'target.duplicate': 'Đơn vị đã có chỉ tiêu này trong năm.',

  'forbidden.record_work': 'Bạn không có quyền ghi dữ liệu ở đơn vị này.',
  'forbidden.edit_others_work': 'Bạn chỉ được sửa hoặc xoá bản ghi do chính mình ghi.',
  'forbidden.decide_signup': 'Chỉ cán bộ theo dõi hoặc quản trị viên được xét kết nạp đơn.',
  'forbidden.record_founding':
    'Chỉ cán bộ theo dõi hoặc quản trị viên được ghi nhận thành lập CĐCS.',
  'forbidden.record_entry':
    'Chỉ cán bộ theo dõi hoặc quản trị viên được ghi biến động đoàn viên và số liệu.',
  'forbidden.set_target': 'Chỉ cán bộ theo dõi hoặc quản trị viên được giao chỉ tiêu.',
  'forbidden.assign': 'Chỉ cán bộ theo dõi hoặc quản trị viên được phân công cán bộ phụ trách.',
  'forbidden.delete_accepted_signup':
    'Chỉ quản trị viên được xoá hoặc huỷ kết nạp một đơn đã kết nạp.',
  'forbidden.undo_founding': 'Chỉ quản trị viên được huỷ ghi nhận thành lập CĐCS.',
  'forbidden.manage_accounts': 'Chỉ quản trị viên được quản lý đơn vị và tài khoản.',
  'forbidden.out_of_scope': 'Đơn vị này nằm ngoài phạm vi của bạn.',
  'forbidden.assignee':
    'Cán bộ phụ trách phải là tài khoản đang hoạt động của đơn vị quản lý doanh nghiệp.',

  'eligibility.manager_role': '{role} không thuộc đối tượng kết nạp (Hướng dẫn 38/HD-TLĐ).',
  'eligibility.serving_sentence':
    'Người đang chấp hành hình phạt tù không thuộc đối tượng kết nạp.',
  'eligibility.under_15': 'Người lao động chưa đủ 15 tuổi khi ký đơn ({age} tuổi).',
  'eligibility.foreign_contract':
    'Lao động nước ngoài cần hợp đồng không xác định thời hạn hoặc từ 12 tháng trở lên.',
  'eligibility.consent': 'Người lao động chưa xác nhận tự nguyện gia nhập Công đoàn.',

  'mutation.data_required': 'Thiếu dữ liệu bản ghi.',
  'mutation.data_unexpected': 'Lệnh xoá không được kèm dữ liệu.',
  'mutation.redacted_without_record':
    'Bản ghi này đã bị ẩn thông tin cá nhân và không còn trên máy chủ, nên không thể lưu.',
  'mutation.sealed_with_data':
    'Lệnh đồng bộ chỉ được kèm dữ liệu mã hoá hoặc dữ liệu thường, không cả hai.',
  'mutation.id_mismatch': 'Mã bản ghi không khớp với mã trong lệnh.',
  'mutation.invalid': 'Lệnh đồng bộ không hợp lệ.',
  'mutation.id_taken': 'Mã lệnh đồng bộ này đã được dùng cho một thay đổi khác.',
  'mutation.replaced_unexpected':
    'Chỉ lệnh sửa một phiên bản đã có mới được kèm danh sách giá trị bị thay thế.',
  'mutation.replaced_field': 'Trường "{field}" không thể là giá trị bị thay thế.',
};
