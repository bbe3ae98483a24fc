/**
 * Labels of the data model and messages of the domain rules (src/shared/schemas, domain,
 * protocol). Keys are stable; UIs use the label keys to build pickers and forms.
 *
 * Labels (one key per enum value of src/shared/schemas/enums.ts):
 *   stage.<Stage>, ownership.<Ownership>, union_status.<UnionStatus>, purpose.<VisitPurpose>,
 *   person_role.<PersonRole>, contract_type.<ContractType>, manager_role.<ManagerRole>,
 *   gender.<Gender>, signup_status.<SignupStatus>, unit_kind.<UnitKind>, user_role.<UserRole>,
 *   indicator.<Indicator>, entry_kind.<EntryKind | 'adjustment'>, total.<Total>;
 *   period.month / period.quarter / period.ytd for report headings.
 * Field labels: field.<entity>.<path> when the label depends on the entity, else field.<path>
 *   (array indexes dropped: `peopleMet.0.phone` → field.peopleMet.phone). See domain/issues.ts.
 *
 * Issue codes produced by the domain checks (Issue.code), with the message key used:
 *   <entity>.<field_in_snake_case>.<kind>  schema findings, e.g. `signup.full_name.required`,
 *       `enterprise.founding_decision.date.invalid`; message `issue.<kind>` with {field}
 *       (kinds: required, invalid, too_long, too_short, too_small, too_large, not_integer,
 *       duplicate, exceeds_worker_count, future, mismatch, before_signing, not_new_year,
 *       malformed_text, not_finite)
 *   enterprise.member_count.exceeds_worker_count  warning (the head count may be stale)
 *   pipeline.not_enough_applications  error, {min, count, needed}
 *   pipeline.founding_decision_required  error
 *   pipeline.not_enough_to_found  error, {min, count}
 *   admission.not_admissible, admission.not_rejectable  error (status)
 *   admission.already_member  error when accepting, warning in the queue (idNumber)
 *   admission.duplicate_application  warning, {count}
 *   admission.issuer_unrelated  error (decision.issuedBy)
 *   target.duplicate  error (one target per unit, year and indicator)
 *   forbidden.<RoleAction>, forbidden.out_of_scope, forbidden.assignee  a write the user's role
 *       may not make (domain/access.ts); the push answers `rejected` with code `forbidden`
 *   eligibility.manager_role  error, {role}
 *   eligibility.serving_sentence  error
 *   eligibility.under_15  warning, {age}
 *   eligibility.foreign_contract  error
 *   eligibility.consent  error
 *   mutation.<problem>  a push mutation that cannot be applied (see protocol/validate.ts)
 * Codes of the Vietnamese validators (tax_code.*, phone.*, id_number.*, date.*) live in vn.ts.
 * API error codes (`error.code` of the HTTP envelope) have messages under api_error.<code>.
 */
export const domainVi = {
  'stage.not_contacted': 'Chưa tiếp cận',
  'stage.surveyed': 'Đã khảo sát',
  'stage.persuading': 'Đang vận động',
  'stage.committee_formed': 'Đã có ban vận động',
  'stage.collecting_applications': 'Đang thu đơn',
  'stage.eligible': 'Đủ điều kiện thành lập',
  'stage.founding_meeting_held': 'Đã tổ chức đại hội thành lập',
  'stage.dossier_submitted': 'Đã nộp hồ sơ công nhận',
  'stage.founded': 'Đã thành lập CĐCS',
  'stage.refused': 'Từ chối',
  'stage.closed': 'Ngừng hoạt động',
  'stage.has_union': 'Đã có công đoàn',

  'ownership.private': 'Doanh nghiệp tư nhân trong nước',
  'ownership.fdi': 'Doanh nghiệp có vốn đầu tư nước ngoài (FDI)',
  'ownership.cooperative': 'Hợp tác xã',
  'ownership.household': 'Hộ kinh doanh',
  'ownership.other': 'Loại hình khác',

  'union_status.none': 'Chưa có công đoàn',
  'union_status.founding': 'Đang thành lập công đoàn',
  'union_status.cdcs': 'Đã có CĐCS',
  'union_status.other_org': 'Có tổ chức của người lao động khác',

  'purpose.survey': 'Khảo sát, nắm tình hình',
  'purpose.persuade_employer': 'Vận động chủ doanh nghiệp',
  'purpose.persuade_workers': 'Vận động người lao động',
  'purpose.collect_applications': 'Thu đơn gia nhập',
  'purpose.support_committee': 'Hỗ trợ ban vận động',
  'purpose.care': 'Thăm hỏi, chăm lo',
  'purpose.legal_advice': 'Tư vấn pháp luật',
  'purpose.other': 'Mục đích khác',

  'person_role.employer': 'Người sử dụng lao động',
  'person_role.hr': 'Cán bộ nhân sự',
  'person_role.worker': 'Người lao động',
  'person_role.committee': 'Thành viên ban vận động',
  'person_role.other': 'Người khác',

  'contract_type.indefinite': 'Không xác định thời hạn',
  'contract_type.fixed': 'Xác định thời hạn',
  'contract_type.none': 'Không có hợp đồng lao động',

  'manager_role.none': 'Không giữ chức vụ quản lý',
  'manager_role.owner': 'Chủ doanh nghiệp',
  'manager_role.board_member': 'Chủ tịch, thành viên HĐQT/HĐTV',
  'manager_role.director': 'Giám đốc, Tổng giám đốc',
  'manager_role.contract_signer': 'Người được ủy quyền giao kết hợp đồng lao động',
  'manager_role.coop_manager': 'Người quản lý hợp tác xã',
  'manager_role.public_unit_head': 'Người đứng đầu đơn vị sự nghiệp ngoài công lập',

  'gender.male': 'Nam',
  'gender.female': 'Nữ',

  'signup_status.draft': 'Bản nháp',
  'signup_status.submitted': 'Đã nộp',
  'signup_status.accepted': 'Đã kết nạp',
  'signup_status.rejected': 'Không kết nạp',

  'unit_kind.federation': 'LĐLĐ tỉnh, thành phố',
  'unit_kind.upper': 'Công đoàn cấp trên trực tiếp cơ sở',
  'unit_kind.commune': 'Công đoàn xã, phường',
  'unit_kind.sector': 'Công đoàn ngành',
  'unit_kind.cdcs': 'Công đoàn cơ sở',
  'unit_kind.ndcs': 'Nghiệp đoàn cơ sở',

  'user_role.organizer': 'Cán bộ chuyên trách',
  'user_role.supervisor': 'Cán bộ theo dõi',
  'user_role.admin': 'Quản trị viên',

  'indicator.new_members': 'Kết nạp đoàn viên mới',
  'indicator.net_members': 'Tăng thêm đoàn viên',
  'indicator.new_cdcs': 'Thành lập mới CĐCS',
  'indicator.new_cdcs_25': 'CĐCS mới tại DN từ 25 lao động',
  'indicator.new_ndcs': 'Thành lập mới nghiệp đoàn cơ sở',
  'indicator.party_introductions': 'Giới thiệu đoàn viên ưu tú cho Đảng',
  'indicator.informal_members': 'Kết nạp đoàn viên khu vực phi kết cấu',
  'indicator.party_admissions': 'Đoàn viên ưu tú được kết nạp vào Đảng',

  'entry_kind.members_opening': 'Số đoàn viên đầu năm (ngày 01/01)',
  'entry_kind.admitted_outside': 'Kết nạp theo quyết định ngoài ứng dụng',
  'entry_kind.left': 'Giảm đoàn viên (nghỉ việc, xin ra, xoá tên)',
  'entry_kind.transferred_in': 'Đoàn viên chuyển đến',
  'entry_kind.transferred_out': 'Đoàn viên chuyển đi',
  'entry_kind.informal_admitted': 'Trong số kết nạp: lao động khu vực phi kết cấu',
  'entry_kind.cdcs_opening': 'Số CĐCS đầu năm (ngày 01/01)',
  'entry_kind.cdcs_founded_outside': 'Thành lập CĐCS ngoài ứng dụng',
  'entry_kind.cdcs25_founded_outside': 'Trong số đó: CĐCS tại doanh nghiệp từ 25 lao động',
  'entry_kind.cdcs_dissolved': 'CĐCS giải thể',
  'entry_kind.ndcs_opening': 'Số nghiệp đoàn cơ sở đầu năm (ngày 01/01)',
  'entry_kind.ndcs_founded': 'Thành lập nghiệp đoàn cơ sở',
  'entry_kind.party_introduced': 'Giới thiệu đoàn viên ưu tú cho Đảng',
  'entry_kind.party_admitted': 'Đoàn viên ưu tú được kết nạp vào Đảng',
  'entry_kind.adjustment': 'Điều chỉnh số liệu (chuyển từ mẫu nhập cũ)',

  'total.members': 'Tổng số đoàn viên',
  'total.cdcs': 'Tổng số CĐCS',
  'total.ndcs': 'Tổng số nghiệp đoàn cơ sở',

  'period.month': 'Tháng {month}/{year}',
  'period.ytd': 'Lũy kế đến {date}',
  'period.quarter': 'Quý {quarter}/{year}',

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
  'password.common':
    'Mật khẩu này nằm trong danh sách mật khẩu phổ biến, rất dễ bị đoán: hãy chọn mật khẩu khác.',
  'password.contains_username': 'Mật khẩu không được chứa tên đăng nhập.',
  'password.repeated_character': 'Mật khẩu không được chỉ gồm một ký tự lặp lại.',
  'password.current_wrong': 'Mật khẩu hiện tại không đúng.',

  'api_error.bad_request': 'Yêu cầu không hợp lệ.',
  'api_error.validation_failed': 'Dữ liệu không hợp lệ.',
  'api_error.unauthorized': 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
  'api_error.invalid_credentials': 'Sai tên đăng nhập hoặc mật khẩu.',
  'api_error.forbidden': 'Bạn không có quyền truy cập dữ liệu này.',
  'api_error.not_found': 'Không tìm thấy.',
  'api_error.conflict': 'Dữ liệu đã bị thay đổi ở nơi khác.',
  'api_error.payload_too_large': 'Dữ liệu gửi lên quá lớn.',
  'api_error.rate_limited': 'Thử quá nhiều lần, vui lòng đợi một lát.',
  'api_error.invalid_cursor': 'Mốc đồng bộ không hợp lệ, cần tải lại từ đầu.',
  'api_error.mutation_id_taken': 'Mã lệnh đồng bộ đã được dùng cho thay đổi khác.',
  'api_error.internal': 'Máy chủ gặp lỗi, vui lòng thử lại sau.',

  'field.wardCode': 'Xã, phường',
  'field.stage': 'Giai đoạn vận động',
};

export type DomainKey = keyof typeof domainVi;
