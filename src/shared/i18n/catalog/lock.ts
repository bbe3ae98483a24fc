/**
 * Messages of the app lock, the PIN, passkeys, the encrypted backup and sign-out (docs/design.md
 * §6, "Privacy on the phone"). A screen part: its Vietnamese travels with the lock's chunk.
 */
export const lockVi = {
  'lock.setupTitle': 'Đặt mã PIN',
  'lock.setupIntro':
    'Mã PIN khoá thông tin cá nhân của người lao động trên máy này (họ tên, ngày sinh, CCCD, số điện thoại). Khi ứng dụng bị khoá, chỉ còn thấy số lượng và tên doanh nghiệp; vẫn ghi được đơn và nhật ký mới.',
  'lock.setupWiped':
    'Đã nhập sai mã PIN 10 lần: thông tin cá nhân trên máy đã bị xoá. Những bản ghi đang chờ gửi vẫn được gửi lên máy chủ. Hãy đặt mã PIN mới.',
  'lock.pin': 'Mã PIN (ít nhất 6 chữ số)',
  'lock.pinAgain': 'Nhập lại mã PIN',
  'lock.setupButton': 'Đặt mã PIN',
  'lock.title': 'Ứng dụng đang khoá',
  'lock.intro': 'Nhập mã PIN để xem thông tin cá nhân của người lao động.',
  'lock.enterPin': 'Mã PIN',
  'lock.unlock': 'Mở khoá',
  'lock.unlockPasskey': 'Mở khoá bằng vân tay (khoá truy cập)',
  'lock.wrongPin':
    'Sai mã PIN. Còn {count, number} lần thử; sai tiếp thì thông tin cá nhân trên máy sẽ bị xoá.',
  'lock.passkeyFailed': 'Không mở khoá được bằng vân tay. Hãy dùng mã PIN.',
  'lock.working': 'Đang mở khoá…',
  'lock.lockedNames': 'Đang khoá: họ tên được ẩn.',
  'lock.lockedName': '(đang khoá)',
  'lock.lockedApplication': 'Đơn gia nhập (mở khoá để xem họ tên)',
  'lock.securityTitle': 'Bảo mật',
  'lock.autoLock': 'Tự khoá sau khi không dùng',
  'lock.minutes': '{count, number} phút',
  'lock.lockNow': 'Khoá ngay',
  'lock.addPasskey': 'Thêm mở khoá bằng vân tay',
  'lock.addPasskeyPin': 'Nhập mã PIN để thêm vân tay',
  'lock.passkeyAdded': 'Đã thêm mở khoá bằng vân tay.',
  'lock.passkeyUnsupported': 'Trình duyệt hoặc điện thoại này không hỗ trợ mở khoá bằng vân tay.',
  'lock.passkeyReady': 'Đã bật mở khoá bằng vân tay.',
  'backup.passphrase': 'Mật khẩu tệp sao lưu (ít nhất 10 ký tự)',
  'backup.passphraseAgain': 'Nhập lại mật khẩu tệp sao lưu',
  'backup.exportButton': 'Mã hoá và tải tệp sao lưu',
  'backup.importPassphrase': 'Mật khẩu của tệp sao lưu',
  'backup.importButton': 'Giải mã và nhập',
  'backup.exported': 'Đã tải tệp sao lưu đã mã hoá.',
  'backup.lockedExport': 'Mở khoá để xuất tệp sao lưu.',
  'logout.keptOutbox':
    'Đã đăng xuất. {count, plural, other {# bản ghi}} chưa gửi vẫn được giữ trên máy (đã mã hoá cho máy chủ) và sẽ được gửi khi có mạng và đăng nhập lại.',
};

export type LockKey = keyof typeof lockVi;
