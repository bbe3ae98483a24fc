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
 * Issue codes produced by the domain checks (Issue.code), with the message key used (their
 * messages are in rules.ts, which travels with the checks, not with the first screen):
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
