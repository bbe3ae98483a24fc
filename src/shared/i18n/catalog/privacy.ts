/**
 * Messages of the device's privacy protections (src/shared/crypto): refusals of the crypto
 * operations (crypto.<code>), the PIN policy (pin.<problem>), the backup passphrase policy
 * (backup_passphrase.<problem>) and the API codes of a sealed mutation the server could not open
 * (api_error.sealed_*).
 */
export const privacyVi = {
  'api_error.sealed_unknown_key':
    'Bản ghi được mã hoá bằng một khoá máy chủ không còn dùng. Hãy đăng nhập lại để nhận khoá mới.',
  'api_error.sealed_invalid': 'Bản ghi mã hoá bị hỏng hoặc không hợp lệ.',

  'crypto.key_invalid': 'Khoá mã hoá không hợp lệ.',
  'crypto.record_unreadable':
    'Không giải mã được dữ liệu trên máy này (dữ liệu bị hỏng hoặc khoá không đúng).',
  'crypto.wrong_pin': 'Sai mã PIN.',
  'crypto.wrong_prf_secret': 'Không mở khoá được bằng khoá truy cập (vân tay). Hãy dùng mã PIN.',
  'crypto.pin_weak': 'Mã PIN chưa đủ an toàn.',
  'crypto.backup_passphrase_weak': 'Mật khẩu tệp sao lưu chưa đủ an toàn.',
  'crypto.backup_wrong_passphrase': 'Sai mật khẩu tệp sao lưu.',
  'crypto.backup_not_a_backup': 'Tệp này không phải tệp sao lưu đã mã hoá của Sổ tay.',
  'crypto.backup_newer_version':
    'Tệp sao lưu được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cập nhật ứng dụng rồi thử lại.',

  'pin.required': 'Hãy nhập mã PIN.',
  'pin.digits_only': 'Mã PIN chỉ gồm chữ số.',
  'pin.too_short': 'Mã PIN cần ít nhất {min} chữ số.',
  'pin.repeated': 'Mã PIN không được chỉ gồm một chữ số lặp lại (như 111111).',
  'pin.sequence': 'Mã PIN không được là dãy số liên tiếp (như 123456 hay 654321).',
  'pin.pattern': 'Mã PIN không được lặp lại một nhóm số ngắn (như 121212 hay 123123).',
  'pin.mismatch': 'Hai lần nhập mã PIN không khớp.',
  'backup_passphrase.required': 'Hãy nhập mật khẩu cho tệp sao lưu.',
  'backup_passphrase.too_short': 'Mật khẩu tệp sao lưu cần ít nhất {min} ký tự.',
  'backup_passphrase.mismatch': 'Hai lần nhập mật khẩu tệp sao lưu không khớp.',

  'access_log.title': 'Nhật ký truy cập thông tin cá nhân',
  'access_log.note':
    'Mỗi dòng: ai nhận thông tin cá nhân của bao nhiêu bản ghi, khi nào, để làm gì.',
  'access_log.at': 'Thời điểm',
  'access_log.user': 'Tài khoản',
  'access_log.unit': 'Đơn vị',
  'access_log.purpose': 'Mục đích',
  'access_log.entity': 'Loại bản ghi',
  'access_log.count': 'Số bản ghi',
  'access_log.purpose.pull': 'Đồng bộ về máy',
  'access_log.purpose.export': 'Xuất tệp',
  'access_log.purpose.report': 'Báo cáo',
  'access_log.entity.signup': 'Đơn gia nhập',
  'access_log.entity.visit': 'Nhật ký tiếp xúc',
};

export type PrivacyKey = keyof typeof privacyVi;
