import { defineMessages } from './types';

/**
 * Messages of the device's privacy protections (src/shared/crypto): refusals of the crypto
 * operations (crypto.<code>), the PIN policy (pin.<problem>), the backup passphrase policy
 * (backup_passphrase.<problem>) and the API codes of a sealed mutation the server could not open
 * (api_error.sealed_*).
 */
export const privacyMessages = defineMessages(
  {
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
  },
  {
    'api_error.sealed_unknown_key':
      'The record was sealed with a server key that is no longer in use. Log in again to receive the current key.',
    'api_error.sealed_invalid': 'The sealed record is damaged or not valid.',

    'crypto.key_invalid': 'The encryption key is not valid.',
    'crypto.record_unreadable':
      'The data on this device cannot be decrypted (it is damaged, or the key is not the right one).',
    'crypto.wrong_pin': 'Wrong PIN.',
    'crypto.wrong_prf_secret': 'The passkey (fingerprint) did not unlock the app. Use your PIN.',
    'crypto.pin_weak': 'The PIN is not safe enough.',
    'crypto.backup_passphrase_weak': 'The backup file password is not safe enough.',
    'crypto.backup_wrong_passphrase': 'Wrong backup file password.',
    'crypto.backup_not_a_backup': 'This file is not an encrypted Sổ tay backup.',
    'crypto.backup_newer_version':
      'This backup was made by a newer version of the app. Update the app and try again.',

    'pin.required': 'Enter a PIN.',
    'pin.digits_only': 'A PIN has digits only.',
    'pin.too_short': 'A PIN needs at least {min} digits.',
    'pin.repeated': 'A PIN may not be one digit repeated (like 111111).',
    'pin.sequence': 'A PIN may not be a run of consecutive digits (like 123456 or 654321).',
    'pin.pattern': 'A PIN may not repeat a short group of digits (like 121212 or 123123).',
    'pin.mismatch': 'The two PINs do not match.',
    'backup_passphrase.required': 'Enter a password for the backup file.',
    'backup_passphrase.too_short': 'The backup file password needs at least {min} characters.',
    'backup_passphrase.mismatch': 'The two backup file passwords do not match.',
  },
);
